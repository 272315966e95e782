/**
 * `<zg-kiosk-keyboard>`: types into the search page's input on a kiosk. Each key changes the
 * input's value and fires `input` (so a live search updates); 搜索 and the tag/unit buttons submit
 * the search form, or open /search/?q=<text> when the page has no form.
 */
import { isKiosk } from './state.ts';

const INPUT = 'main input[type="search"], main input[name="q"]';

class ZgKioskKeyboard extends HTMLElement {
  #input: HTMLInputElement | null = null;
  #display: HTMLOutputElement | null = null;
  #text = '';
  #abort = new AbortController();

  connectedCallback(): void {
    if (!isKiosk()) return;
    this.#input = document.querySelector<HTMLInputElement>(INPUT);
    this.#display = this.querySelector('output[data-display]');
    if (this.#input) {
      // The screen keyboard replaces the system one, which would cover half the screen.
      this.#input.inputMode = 'none';
      this.#input.setAttribute('autocomplete', 'off');
      this.#text = this.#input.value;
    } else if (this.#display) {
      this.#text = new URLSearchParams(location.search).get('q') ?? '';
      this.#display.hidden = false;
      this.#display.textContent = this.#text;
    }
    document.documentElement.dataset['kioskKeyboard'] = '';
    this.addEventListener('click', (event) => this.#onClick(event), { signal: this.#abort.signal });
  }

  disconnectedCallback(): void {
    this.#abort.abort();
    delete document.documentElement.dataset['kioskKeyboard'];
  }

  #onClick(event: MouseEvent): void {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button) return;
    const { key, action, query } = button.dataset;
    if (this.#input) this.#text = this.#input.value;
    if (key) this.#set(this.#text + key);
    else if (action === 'backspace') this.#set([...this.#text].slice(0, -1).join(''));
    else if (action === 'space') this.#set(`${this.#text} `);
    else if (action === 'clear') this.#set('');
    else if (action === 'search') this.#submit();
    else if (query) {
      this.#set(query);
      this.#submit();
    }
  }

  #set(text: string): void {
    this.#text = text;
    if (this.#display) this.#display.textContent = text;
    const input = this.#input;
    if (!input) return;
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.focus({ preventScroll: true });
  }

  #submit(): void {
    const form = this.#input?.form;
    if (form) {
      form.requestSubmit();
      return;
    }
    const url = new URL(this.dataset['search'] ?? '/search/', location.href);
    url.searchParams.set('q', this.#text.trim());
    location.replace(url.href);
  }
}

if (!customElements.get('zg-kiosk-keyboard')) customElements.define('zg-kiosk-keyboard', ZgKioskKeyboard);
