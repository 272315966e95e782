/**
 * `<zg-a11y>`: the 无障碍 button, its panel and the 十字辅助线. Also keeps every 语速 choice on the
 * page (panel and player) in step with the stored settings.
 */
import { RATES, type RateName } from '../../utils/speech.ts';
import {
  A11Y_KEY,
  DEFAULTS,
  applySettings,
  readSettings,
  stepScale,
  writeSettings,
  type A11ySettings,
} from './settings.ts';

type Toggle = 'contrast' | 'cursor' | 'guides' | 'point';
const isRate = (value: string): value is RateName => value in RATES;

class ZgA11y extends HTMLElement {
  #open: HTMLButtonElement | null = null;
  #panel: HTMLElement | null = null;
  #guides: HTMLElement | null = null;
  #abort = new AbortController();
  #frame = 0;

  connectedCallback(): void {
    const signal = this.#abort.signal;
    this.#open = this.querySelector('[data-a11y-open]');
    this.#panel = this.querySelector('[data-a11y-panel]');
    this.#guides = this.querySelector('[data-a11y-guides]');
    this.#open?.addEventListener('click', () => this.#toggle(), { signal });
    this.#panel?.addEventListener('click', (event) => this.#onClick(event), { signal });
    this.#panel?.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.#toggle(false);
    });
    // Every 语速 choice on the page (the player has its own copy).
    document.addEventListener(
      'change',
      (event) => {
        const input = event.target;
        if (!(input instanceof HTMLInputElement) || !input.closest('[data-a11y-rate]')) return;
        if (isRate(input.value)) this.#update({ rate: input.value });
      },
      { signal },
    );
    document.addEventListener('zg-a11y-change', () => this.#render(), { signal });
    window.addEventListener(
      'storage',
      (event) => {
        if (event.key !== A11Y_KEY) return;
        // Changed in another tab: show it here too, without storing it again.
        applySettings(readSettings());
        document.dispatchEvent(new CustomEvent('zg-a11y-change'));
      },
      { signal },
    );
    window.addEventListener('pointermove', (event) => this.#follow(event), { passive: true, signal });
    document.documentElement.addEventListener('pointerleave', () => this.#hideGuides(), { signal });
    this.#render();
  }

  disconnectedCallback(): void {
    this.#abort.abort();
    cancelAnimationFrame(this.#frame);
  }

  #toggle(open = this.#panel?.hidden ?? false): void {
    if (!this.#panel || !this.#open) return;
    this.#panel.hidden = !open;
    this.#open.setAttribute('aria-expanded', String(open));
    if (open) this.#panel.querySelector<HTMLElement>('button')?.focus();
    else if (this.#panel.contains(document.activeElement) || document.activeElement === document.body) {
      this.#open.focus();
    }
  }

  #onClick(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target : null;
    const button = target?.closest('button');
    if (!button) return;
    const settings = readSettings();
    const toggle = button.dataset['a11yToggle'] as Toggle | undefined;
    if (toggle) this.#update({ [toggle]: !settings[toggle] });
    switch (button.dataset['a11yAction']) {
      case 'larger':
        this.#update({ scale: stepScale(settings.scale, 1) });
        break;
      case 'smaller':
        this.#update({ scale: stepScale(settings.scale, -1) });
        break;
      case 'reset':
        writeSettings({ ...DEFAULTS });
        this.#say(this.querySelector<HTMLElement>('[data-a11y-note]')?.dataset['reset'] ?? '');
        break;
      case 'close':
        this.#toggle(false);
        break;
    }
  }

  #update(change: Partial<A11ySettings>): void {
    writeSettings({ ...readSettings(), ...change });
  }

  #say(text: string): void {
    const note = this.querySelector('[data-a11y-note]');
    if (note) note.textContent = text;
  }

  /** Shows the stored settings on every control. */
  #render(): void {
    const settings = readSettings();
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-a11y-toggle]')) {
      const key = button.dataset['a11yToggle'] as Toggle;
      button.setAttribute('aria-pressed', String(settings[key]));
    }
    const size = this.querySelector<HTMLOutputElement>('[data-a11y-size]');
    if (size) size.textContent = (size.dataset['template'] ?? '{n}').replace('{n}', String(settings.scale));
    const smaller = this.querySelector<HTMLButtonElement>('[data-a11y-action="smaller"]');
    const larger = this.querySelector<HTMLButtonElement>('[data-a11y-action="larger"]');
    smaller?.setAttribute('aria-disabled', String(settings.scale === 100));
    larger?.setAttribute('aria-disabled', String(settings.scale === 200));
    for (const input of document.querySelectorAll<HTMLInputElement>('[data-a11y-rate] input')) {
      input.checked = input.value === settings.rate;
    }
    if (!settings.guides) this.#hideGuides();
  }

  /** 十字辅助线: a mouse or pen moves the two lines; touch (no pointer to follow) never shows them. */
  #follow(event: PointerEvent): void {
    const guides = this.#guides;
    if (!guides || !document.documentElement.hasAttribute('data-guides')) return;
    if (event.pointerType === 'touch') {
      this.#hideGuides();
      return;
    }
    const { clientX: x, clientY: y } = event;
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => {
      guides.style.setProperty('--zg-guide-x', `${x}px`);
      guides.style.setProperty('--zg-guide-y', `${y}px`);
      guides.hidden = false;
    });
  }

  #hideGuides(): void {
    cancelAnimationFrame(this.#frame);
    if (this.#guides) this.#guides.hidden = true;
  }
}

if (!customElements.get('zg-a11y')) customElements.define('zg-a11y', ZgA11y);
