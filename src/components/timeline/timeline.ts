import { fill } from '../../i18n/fill.ts';

/**
 * Theme filter for the timeline: the chosen theme is kept in the address (?theme=…), so a
 * filtered view can be shared, reloaded and printed. Without the script every milestone shows
 * and the filter stays hidden.
 */
class Timeline extends HTMLElement {
  #buttons: HTMLButtonElement[] = [];
  #status: HTMLElement | null = null;
  #theme = '';

  connectedCallback() {
    this.#buttons = [...this.querySelectorAll<HTMLButtonElement>('button[data-theme]')];
    this.#status = this.querySelector('.status');
    for (const button of this.#buttons) {
      button.addEventListener('click', () => this.#select(button.dataset['theme'] ?? '', true));
    }
    window.addEventListener('popstate', this.#fromUrl);
    this.#fromUrl();
  }

  disconnectedCallback() {
    window.removeEventListener('popstate', this.#fromUrl);
  }

  #fromUrl = () => {
    const wanted = new URLSearchParams(location.search).get('theme') ?? '';
    const known = this.#buttons.some((b) => b.dataset['theme'] === wanted);
    this.#select(known ? wanted : '', false);
  };

  #select(theme: string, remember: boolean) {
    this.#theme = theme;
    for (const b of this.#buttons) b.setAttribute('aria-pressed', String(b.dataset['theme'] === theme));
    let shown = 0;
    for (const item of this.querySelectorAll<HTMLElement>('.item')) {
      const match = !theme || (item.dataset['themes'] ?? '').split(' ').includes(theme);
      item.hidden = !match;
      if (match) shown++;
    }
    // Years and decades with nothing left are hidden too, so the line stays continuous.
    for (const group of this.querySelectorAll<HTMLElement>('.year, .decade')) {
      group.hidden = !group.querySelector('.item:not([hidden])');
    }
    this.#announce(shown);
    if (remember) {
      const url = new URL(location.href);
      if (theme) url.searchParams.set('theme', theme);
      else url.searchParams.delete('theme');
      history.pushState(null, '', url);
    }
  }

  #announce(shown: number) {
    if (!this.#status) return;
    const total = this.dataset['total'] ?? '';
    const template = (this.#theme ? this.dataset['showingTheme'] : this.dataset['showing']) ?? '';
    this.#status.textContent = fill(template, { theme: this.#theme, n: shown, total });
  }
}

if (!customElements.get('zg-timeline')) customElements.define('zg-timeline', Timeline);
