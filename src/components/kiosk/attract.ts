/**
 * `<zg-kiosk-attract>`: cycles the slides while visible; a touch hides it and starts a visit.
 * With reduced motion the loop neither fades nor drifts: it jumps to a slightly different place
 * with every slide instead, which guards the screen against burn-in just as well.
 */
import { startVisit } from './state.ts';

/** Offsets (in vmin) the reduced-motion loop steps through. */
const steps: [number, number][] = [
  [0, 0],
  [2, -1.5],
  [-2, 1.5],
  [1.5, 2],
  [-1.5, -2],
];

class ZgKioskAttract extends HTMLElement {
  #slides: HTMLElement[] = [];
  #index = 0;
  #timer = 0;
  #abort = new AbortController();

  connectedCallback(): void {
    this.#slides = [...this.querySelectorAll<HTMLElement>('.slide')];
    this.addEventListener('click', () => this.#startVisit(), { signal: this.#abort.signal });
    if (!this.hidden) this.#play();
  }

  disconnectedCallback(): void {
    this.#abort.abort();
    clearInterval(this.#timer);
  }

  #play(): void {
    const interval = Number(this.dataset['interval']) || 8000;
    clearInterval(this.#timer);
    this.#timer = window.setInterval(() => this.#show(this.#index + 1), interval);
    document.dispatchEvent(new CustomEvent('zg-kiosk-attract'));
  }

  #show(index: number): void {
    if (this.#slides.length === 0) return;
    this.#slides[this.#index]?.removeAttribute('data-active');
    this.#index = index % this.#slides.length;
    this.#slides[this.#index]?.setAttribute('data-active', '');
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
      const [dx, dy] = steps[this.#index % steps.length] ?? [0, 0];
      this.style.setProperty('--dx', `${dx}vmin`);
      this.style.setProperty('--dy', `${dy}vmin`);
    }
  }

  #startVisit(): void {
    clearInterval(this.#timer);
    this.hidden = true;
    startVisit();
    document.querySelector<HTMLElement>('#main')?.focus({ preventScroll: true });
  }
}

if (!customElements.get('zg-kiosk-attract')) customElements.define('zg-kiosk-attract', ZgKioskAttract);
