/**
 * `<zg-kiosk>`: everything a page does differently on a kiosk. Inert unless <html data-kiosk>.
 *
 * - Idle reset: after `idleSeconds()` without input a countdown dialog, then every trace of the
 *   visit is wiped and the browser goes back to the start screen with location.replace().
 * - History never grows: internal links, GET forms and pushState become replacements, so the back
 *   gesture cannot lead into a previous visit; the header's back button walks a trail kept in
 *   sessionStorage instead.
 * - Touch lockdown: no context menu, no selection outside inputs, no zoom, no other origins
 *   (an external link opens a dialog with its QR code).
 * - Offline: registers the Workbox service worker; a new deployment waits and is switched on at
 *   the next reset, never in the middle of a visit.
 */
import { Workbox } from 'workbox-window';
import { fill } from '../../i18n/fill.ts';
import { countdownSeconds, idleSeconds, isKiosk, readTrail, wipeTraces, writeTrail } from './state.ts';

/** Events that count as a visitor being present. */
const activity = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;
/** How often an idle kiosk (attract loop on) asks the server for a new deployment. */
const UPDATE_CHECK_MS = 10 * 60 * 1000;

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target.closest('input, textarea, select, [contenteditable]') !== null);

class ZgKiosk extends HTMLElement {
  #idleTimer = 0;
  #tickTimer = 0;
  #remaining = 0;
  #resetting = false;
  #countdown: HTMLDialogElement | null = null;
  #external: HTMLDialogElement | null = null;
  #wb: Workbox | undefined;
  #updateTimer = 0;
  #abort = new AbortController();

  get #start(): string {
    return new URL(this.dataset['start'] ?? '/', location.href).href;
  }

  get #base(): string {
    return this.dataset['base'] ?? '/';
  }

  connectedCallback(): void {
    if (!isKiosk()) return;
    history.scrollRestoration = 'manual';
    this.#countdown = this.querySelector('dialog[data-kiosk-countdown]');
    this.#external = this.querySelector('dialog[data-kiosk-external]');
    this.#lockdown();
    this.#keepHistoryFlat();
    this.#watchActivity();
    this.#registerServiceWorker();
    this.#fillIdleNotes();
    this.#arm();
  }

  disconnectedCallback(): void {
    this.#abort.abort();
    clearTimeout(this.#idleTimer);
    clearInterval(this.#tickTimer);
    clearInterval(this.#updateTimer);
  }

  /** The attract loop of the start screen is showing: nobody is here, so no idle timer. */
  #attracting(): boolean {
    const attract = document.querySelector<HTMLElement>('[data-kiosk-attract]');
    return attract !== null && !attract.hidden;
  }

  // ---- Touch lockdown ------------------------------------------------------------------------

  #lockdown(): void {
    const signal = this.#abort.signal;
    // Zoom is stopped by touch-action (kiosk.css), the pinch guard below and Chromium's
    // --disable-pinch, not by user-scalable=no in the viewport, which WCAG 1.4.4 forbids.
    const block = (event: Event) => event.preventDefault();
    document.addEventListener('contextmenu', block, { capture: true, signal });
    document.addEventListener('dragstart', block, { capture: true, signal });
    document.addEventListener('gesturestart', block, { capture: true, signal });
    document.addEventListener(
      'selectstart',
      (event) => {
        if (!isEditable(event.target)) event.preventDefault();
      },
      { capture: true, signal },
    );
    // Pinch with two fingers, and ctrl+wheel / ctrl+plus (how touchpads and keyboards zoom).
    document.addEventListener(
      'touchmove',
      (event) => {
        if (event.touches.length > 1) event.preventDefault();
      },
      { capture: true, passive: false, signal },
    );
    document.addEventListener(
      'wheel',
      (event) => {
        if (event.ctrlKey) event.preventDefault();
      },
      { capture: true, passive: false, signal },
    );
    document.addEventListener(
      'keydown',
      (event) => {
        if ((event.ctrlKey || event.metaKey) && ['+', '-', '=', '0'].includes(event.key)) event.preventDefault();
      },
      { capture: true, signal },
    );
    // Nothing may open a window of its own, or the print dialog.
    window.open = () => null;
    window.print = () => undefined;
  }

  // ---- Links, forms and history --------------------------------------------------------------

  #keepHistoryFlat(): void {
    const signal = this.#abort.signal;
    const replace = history.replaceState.bind(history);
    history.pushState = (data: unknown, unused: string, url?: string | URL | null) => replace(data, unused, url);

    // Capture phase: links out of the exhibition never navigate, whatever else listens.
    document.addEventListener(
      'click',
      (event) => {
        const link = this.#linkOf(event);
        if (!link || this.#isInside(new URL(link.href, location.href))) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        void this.#showExternal(link.href);
      },
      { capture: true, signal },
    );
    // Bubble phase: after page scripts had their say, internal links replace the page.
    window.addEventListener(
      'click',
      (event) => {
        if (event.defaultPrevented) return;
        const link = this.#linkOf(event);
        if (!link) return;
        event.preventDefault();
        if (link.hasAttribute('download')) return;
        if (link.hasAttribute('data-kiosk-home')) {
          writeTrail([]);
          location.replace(this.#start);
          return;
        }
        this.#go(this.#mapHome(new URL(link.href, location.href)).href);
      },
      { signal },
    );
    window.addEventListener(
      'submit',
      (event) => {
        const form = event.target;
        if (event.defaultPrevented || !(form instanceof HTMLFormElement)) return;
        if (form.method.toLowerCase() !== 'get') return;
        const action = new URL(form.action || location.href, location.href);
        event.preventDefault();
        if (!this.#isInside(action)) return;
        const params = new URLSearchParams();
        for (const [key, value] of new FormData(form)) if (typeof value === 'string') params.append(key, value);
        action.search = params.toString();
        this.#go(action.href);
      },
      { signal },
    );
    document.addEventListener(
      'click',
      (event) => {
        const target = event.target instanceof Element ? event.target : null;
        if (target?.closest('[data-kiosk-back]')) this.#back();
      },
      { signal },
    );
  }

  #linkOf(event: MouseEvent): HTMLAnchorElement | null {
    if (event.button !== 0) return null;
    const target = event.target instanceof Element ? event.target : null;
    const link = target?.closest('a[href]');
    return link instanceof HTMLAnchorElement ? link : null;
  }

  /** Same origin, under the site's base path, over http(s). */
  #isInside(url: URL): boolean {
    return url.origin === location.origin && url.pathname.startsWith(this.#base);
  }

  /** The site's home page is the start screen on a kiosk. */
  #mapHome(url: URL): URL {
    return url.pathname === this.#base && url.search === '' && url.hash === '' ? new URL(this.#start) : url;
  }

  /** Navigates without adding to history, remembering where we were for the back button. */
  #go(href: string): void {
    const target = new URL(href);
    const here = new URL(location.href);
    const samePage = target.pathname === here.pathname && target.search === here.search;
    if (!samePage) {
      const trail = readTrail();
      if (trail.at(-1) !== here.href) trail.push(here.href);
      writeTrail(trail);
    }
    location.replace(target.href);
  }

  #back(): void {
    const trail = readTrail();
    const previous = trail.pop();
    writeTrail(trail);
    location.replace(previous ?? this.#start);
  }

  async #showExternal(href: string): Promise<void> {
    const dialog = this.#external;
    if (!dialog) return;
    const code = dialog.querySelector<HTMLElement>('[data-qr]');
    const text = dialog.querySelector<HTMLElement>('[data-url]');
    if (text) text.textContent = href;
    dialog.showModal();
    if (code) {
      code.replaceChildren();
      try {
        // Loaded only when needed; the service worker precaches the chunk for offline use.
        const QRCode = await import('qrcode');
        const svg = await QRCode.toString(href, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
        code.innerHTML = svg;
      } catch {
        /* Without a code the address is still shown as text. */
      }
    }
  }

  // ---- Idle timer, countdown and reset -------------------------------------------------------

  #watchActivity(): void {
    const signal = this.#abort.signal;
    const onActivity = () => {
      if (!this.#countdown?.open) this.#arm();
    };
    for (const type of activity) window.addEventListener(type, onActivity, { capture: true, passive: true, signal });
    document.addEventListener('scroll', onActivity, { capture: true, passive: true, signal });
    // During the countdown the modal dialog takes every touch: 继续浏览, or a touch anywhere on
    // the dimmed page (the dialog's backdrop), or Escape, continues the visit.
    this.#countdown?.addEventListener('click', () => this.#continue(), { signal });
    this.#countdown?.addEventListener(
      'cancel',
      (event) => {
        event.preventDefault();
        this.#continue();
      },
      { signal },
    );
    // The attract loop announces the start of a visit.
    document.addEventListener('zg-kiosk-visit', () => this.#arm(), { signal });
    document.addEventListener('zg-kiosk-attract', () => this.#onAttract(), { signal });
  }

  #arm(): void {
    clearTimeout(this.#idleTimer);
    if (this.#resetting || this.#attracting()) return;
    this.#idleTimer = window.setTimeout(() => this.#startCountdown(), idleSeconds() * 1000);
  }

  #startCountdown(): void {
    const dialog = this.#countdown;
    if (!dialog || this.#attracting()) return;
    this.#remaining = countdownSeconds(idleSeconds());
    this.#renderCount();
    for (const open of document.querySelectorAll<HTMLDialogElement>('dialog[open]')) if (open !== dialog) open.close();
    dialog.showModal();
    this.#tickTimer = window.setInterval(() => {
      this.#remaining -= 1;
      this.#renderCount();
      if (this.#remaining <= 0) {
        clearInterval(this.#tickTimer);
        void this.reset();
      }
    }, 1000);
  }

  #renderCount(): void {
    const count = this.#countdown?.querySelector('[data-count]');
    if (count) count.textContent = String(Math.max(0, this.#remaining));
  }

  #continue(): void {
    if (this.#resetting) return;
    clearInterval(this.#tickTimer);
    if (this.#countdown?.open) this.#countdown.close();
    this.#arm();
  }

  /** Ends the visit: wipes its traces, takes a waiting deployment, opens the start screen. */
  async reset(): Promise<void> {
    if (this.#resetting) return;
    this.#resetting = true;
    clearTimeout(this.#idleTimer);
    // The next visitor must not hear the last one's page (朗读); settings go with the wipe.
    window.speechSynthesis?.cancel();
    wipeTraces();
    await this.#applyUpdate();
    location.replace(this.#start);
  }

  #fillIdleNotes(): void {
    for (const note of document.querySelectorAll<HTMLElement>('[data-kiosk-idle-note]')) {
      const template = note.dataset['template'];
      if (template) note.textContent = fill(template, { n: idleSeconds() });
    }
  }

  // ---- Service worker ------------------------------------------------------------------------

  #registerServiceWorker(): void {
    const url = this.dataset['sw'];
    if (!url || !('serviceWorker' in navigator)) return;
    this.#wb = new Workbox(url, { scope: this.#base });
    this.#wb.addEventListener('waiting', () => {
      // Nobody is browsing while the attract loop runs: take the new deployment now.
      if (this.#attracting()) void this.#reloadIdle();
    });
    this.#wb.register({ immediate: true }).catch(() => {
      /* No worker (e.g. an insecure origin): the kiosk still works online. */
    });
    if (this.#attracting()) this.#onAttract();
  }

  #onAttract(): void {
    clearTimeout(this.#idleTimer);
    clearInterval(this.#updateTimer);
    this.#updateTimer = window.setInterval(() => {
      void this.#wb?.update().catch(() => undefined);
    }, UPDATE_CHECK_MS);
  }

  async #reloadIdle(): Promise<void> {
    if (this.#resetting) return;
    this.#resetting = true;
    await this.#applyUpdate();
    location.replace(this.#start);
  }

  /** Switches to a waiting service worker, if any, and waits (briefly) until it controls the page. */
  async #applyUpdate(): Promise<void> {
    const wb = this.#wb;
    const registration = await navigator.serviceWorker?.getRegistration(this.#base).catch(() => undefined);
    if (!wb || !registration?.waiting) return;
    const controlling = new Promise<void>((resolve) => {
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
      setTimeout(resolve, 4000);
    });
    wb.messageSkipWaiting();
    await controlling;
  }
}

if (!customElements.get('zg-kiosk')) customElements.define('zg-kiosk', ZgKiosk);
