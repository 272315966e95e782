// Ordinary visitors download none of the kiosk code: it loads only in kiosk mode.
if ('kiosk' in document.documentElement.dataset) {
  void import('./runtime.ts');
  if (document.querySelector('zg-kiosk-keyboard')) void import('./keyboard.ts');
}

export {};
