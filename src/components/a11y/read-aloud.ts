/**
 * `<zg-read-aloud>`: 朗读全文 and 点读 with the Web Speech API. The page's main text (from its
 * title on) is split into sentences; each is spoken as one utterance, highlighted (CSS Custom
 * Highlight API, so the page's markup is never touched) and scrolled into view. Speech stops when
 * the page is left, which also covers the kiosk's idle reset.
 */
import { chineseVoice, RATES, sentences, speakable } from '../../utils/speech.ts';
import { readSettings } from './settings.ts';

/** Elements whose text is read, leaf-most first. */
const BLOCKS = 'h1, h2, h3, h4, p, li, dt, dd, th, td, figcaption, blockquote';
/** Never read: navigation, controls, hidden or decorative parts, kiosk-only parts. */
const SKIP =
  'nav, form, button, select, dialog, [aria-hidden="true"], [hidden], zg-read-aloud, zg-a11y, .zg-kiosk-qr, .zg-print-only, [data-no-read]';
/** Name of the highlight for the sentence being read (styled in a11y.css). */
const HIGHLIGHT = 'zg-reading';

/** One sentence to speak, and where it is on the page. */
interface Part {
  spoken: string;
  block: HTMLElement;
  range: Range | undefined;
}

/** The text nodes of a block that a reader hears, in order. */
function textNodes(block: HTMLElement): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      // Text inside a skipped part of the block (an icon, a hidden note) is not heard.
      const skipped = node.parentElement?.closest(SKIP);
      return skipped && skipped !== block && block.contains(skipped)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** A block's sentences, each with a range over its text for the highlight. */
function blockParts(block: HTMLElement): Part[] {
  const nodes = textNodes(block);
  const offsets: number[] = [];
  let text = '';
  for (const node of nodes) {
    offsets.push(text.length);
    text += node.data;
  }
  const at = (position: number): [Text, number] | undefined => {
    for (let i = nodes.length - 1; i >= 0; i--) {
      const start = offsets[i] ?? 0;
      const node = nodes[i];
      if (node && position >= start) return [node, Math.min(position - start, node.length)];
    }
    return undefined;
  };
  // A text for screen readers only (e.g. a figure card's sentence) has no visible text to mark.
  const visible = !block.closest('.sr-only');
  return sentences(text).map(({ text: sentence, start, end }) => {
    let range: Range | undefined;
    const from = at(start);
    const to = at(end);
    if (visible && from && to) {
      range = document.createRange();
      range.setStart(...from);
      range.setEnd(...to);
    }
    return { spoken: speakable(sentence), block, range };
  });
}

/** The readable blocks of `root` in document order, from `start` (inclusive) on. */
function readableBlocks(root: Element, start?: Element | null): HTMLElement[] {
  const candidates = [...root.querySelectorAll<HTMLElement>(BLOCKS)].filter(
    (el) =>
      !el.closest(SKIP) &&
      el.checkVisibility() &&
      (!start || el === start || (start.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0),
  );
  return candidates.filter((el) => !candidates.some((other) => other !== el && el.contains(other)));
}

class ZgReadAloud extends HTMLElement {
  #start: HTMLButtonElement | null = null;
  #player: HTMLElement | null = null;
  #toggle: HTMLButtonElement | null = null;
  #status: HTMLElement | null = null;
  #voice: SpeechSynthesisVoice | undefined;
  #unavailable = false;
  #label = '';
  #parts: Part[] = [];
  #index = 0;
  /** Changes whenever speech is cancelled, so events of a cancelled utterance are ignored. */
  #token = 0;
  #paused = false;
  #abort = new AbortController();

  connectedCallback(): void {
    const signal = this.#abort.signal;
    this.#start = this.querySelector('[data-read-start]');
    this.#player = this.querySelector('[data-read-player]');
    this.#toggle = this.querySelector('[data-read-toggle]');
    this.#status = this.querySelector('[data-read-status]');
    this.#label = this.querySelector('[data-read-label]')?.textContent ?? '';
    if (!('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined') {
      this.#markUnavailable(this.dataset['unsupported'] ?? '');
      return;
    }
    // Chrome may go on speaking the previous page's text after a navigation.
    speechSynthesis.cancel();
    this.#pickVoice();
    speechSynthesis.addEventListener('voiceschanged', () => this.#pickVoice(), { signal });
    // Voices arrive late in some browsers; after a while an empty list means there are none.
    window.setTimeout(() => this.#pickVoice(true), 2500);

    this.#start?.addEventListener('click', () => this.#readPage(), { signal });
    this.#toggle?.addEventListener('click', () => (this.#paused ? this.#resume() : this.#pause()), { signal });
    this.querySelector('[data-read-stop]')?.addEventListener('click', () => this.stop(true), { signal });
    document.addEventListener('zg-a11y-change', () => this.#onRateChange(), { signal });
    document.addEventListener('click', (event) => this.#pointRead(event), { signal });
    window.addEventListener('pagehide', () => this.stop(), { signal });
  }

  disconnectedCallback(): void {
    this.stop();
    this.#abort.abort();
  }

  /** Chooses a Chinese voice; with `final`, an empty or Chinese-less list is reported. */
  #pickVoice(final = false): void {
    const voices = speechSynthesis.getVoices();
    this.#voice = chineseVoice(voices);
    if (!this.#voice && (voices.length > 0 || final)) this.#markUnavailable(this.dataset['noVoice'] ?? '');
    else if (this.#voice && this.#unavailable) this.#markAvailable();
  }

  #markUnavailable(message: string): void {
    this.#unavailable = true;
    const label = this.querySelector('[data-read-label]');
    if (label) label.textContent = message;
    this.#start?.setAttribute('aria-disabled', 'true');
  }

  #markAvailable(): void {
    this.#unavailable = false;
    this.#start?.removeAttribute('aria-disabled');
    const label = this.querySelector('[data-read-label]');
    if (label) label.textContent = this.#label;
  }

  #readPage(): void {
    if (!this.#voice) this.#pickVoice(true);
    if (this.#unavailable) return;
    const main = document.querySelector('main');
    if (!main) return;
    const title = main.querySelector('h1');
    this.#play(readableBlocks(main, title).flatMap(blockParts));
    this.#toggle?.focus();
  }

  /** 点读 (长者模式): a tap or click on a paragraph of the page reads that paragraph. */
  #pointRead(event: MouseEvent): void {
    if (this.#unavailable || !readSettings().point || !('elder' in document.documentElement.dataset)) return;
    const target = event.target instanceof Element ? event.target : null;
    if (!target || target.closest('a, button, input, select, label, summary, textarea, [role="button"]')) return;
    const block = target.closest<HTMLElement>(BLOCKS);
    if (!block || !block.closest('main') || block.closest(SKIP)) return;
    if (!this.#voice) this.#pickVoice(true);
    if (this.#unavailable) return;
    this.#play(blockParts(block));
  }

  #play(parts: Part[]): void {
    this.stop();
    if (parts.length === 0) return;
    this.#parts = parts;
    this.#index = 0;
    this.#paused = false;
    if (this.#player) this.#player.hidden = false;
    document.documentElement.dataset['reading'] = '';
    this.#render();
    this.#speak();
  }

  #speak(): void {
    const part = this.#parts[this.#index];
    if (!part) {
      this.stop();
      return;
    }
    const token = ++this.#token;
    const utterance = new SpeechSynthesisUtterance(part.spoken);
    utterance.lang = 'zh-CN';
    if (this.#voice) utterance.voice = this.#voice;
    utterance.rate = RATES[readSettings().rate];
    const next = () => {
      if (token !== this.#token) return;
      this.#index += 1;
      this.#speak();
    };
    utterance.addEventListener('end', next);
    utterance.addEventListener('error', (event) => {
      if (event.error !== 'interrupted' && event.error !== 'canceled') next();
    });
    this.#highlight(part);
    speechSynthesis.speak(utterance);
  }

  #pause(): void {
    this.#paused = true;
    speechSynthesis.pause();
    this.#render();
  }

  #resume(): void {
    this.#paused = false;
    speechSynthesis.resume();
    this.#render();
  }

  /** A new 语速 takes effect at once: the current sentence starts again at the new rate. */
  #onRateChange(): void {
    if (this.#parts.length === 0 || this.#paused) return;
    this.#token += 1;
    speechSynthesis.cancel();
    this.#speak();
  }

  /** Stops reading and removes the player and the highlight; `returnFocus` puts focus back on 朗读全文. */
  stop(returnFocus = false): void {
    const wasReading = this.#parts.length > 0;
    this.#token += 1;
    this.#parts = [];
    this.#paused = false;
    if ('speechSynthesis' in window) speechSynthesis.cancel();
    CSS.highlights?.delete(HIGHLIGHT);
    for (const marked of document.querySelectorAll('[data-reading-block]'))
      marked.removeAttribute('data-reading-block');
    delete document.documentElement.dataset['reading'];
    if (this.#player) this.#player.hidden = true;
    if (wasReading && returnFocus) this.#start?.focus();
  }

  #render(): void {
    if (this.#toggle) this.#toggle.textContent = (this.#paused ? this.dataset['resume'] : this.dataset['pause']) ?? '';
    if (this.#status)
      this.#status.textContent = (this.#paused ? this.dataset['paused'] : this.dataset['reading']) ?? '';
  }

  /** Marks the sentence being read and keeps it in view, clear of the header and the player. */
  #highlight(part: Part): void {
    for (const marked of document.querySelectorAll('[data-reading-block]'))
      marked.removeAttribute('data-reading-block');
    const shown = part.range ? part.block : (part.block.parentElement ?? part.block);
    if (part.range && CSS.highlights) CSS.highlights.set(HIGHLIGHT, new Highlight(part.range));
    else {
      CSS.highlights?.delete(HIGHLIGHT);
      shown.setAttribute('data-reading-block', '');
    }
    const rect = (part.range ?? shown).getBoundingClientRect();
    const bottom = window.innerHeight - (this.#player?.offsetHeight ?? 0);
    if (rect.top < 0 || rect.bottom > bottom) {
      const smooth = window.matchMedia('(prefers-reduced-motion: no-preference)').matches;
      shown.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    }
  }
}

if (!customElements.get('zg-read-aloud')) customElements.define('zg-read-aloud', ZgReadAloud);
