/**
 * `<zg-search>`: the search page. Reads the query and filters from the URL, asks the engine
 * (src/search/engine.ts), and renders the count, facets, results and empty state with DOM
 * methods only (page text is never parsed as HTML). Typing searches as you go and replaces the
 * URL; submitting and filtering add a history entry, so Back steps through them.
 */
import { FACETS, type FacetKey } from '../../search/manifest.ts';
import { SearchEngine, type Hit, type HitDetails, type Outcome } from '../../search/engine.ts';
import { readState, toggle, writeState, type SearchState } from '../../search/url-state.ts';
import { fill } from '../../i18n/fill.ts';

/**
 * Results shown at once: about what one screen holds. Each shown result costs a request for its
 * page text, so a first search loads only these (bench/search counts them).
 */
const FIRST = 5;
/** Results added each time the visitor scrolls near the end of the list, up to PAGE in all. */
const STEP = 5;
/** Results added by each "more", and shown as the visitor scrolls before "more" is needed. */
const PAGE = 20;
/** The next results load when the end of the list is this near the screen's bottom (in screens), or above it. */
const AHEAD = 0.25;
/** Facet values shown before "show all". */
const FACET_PREVIEW = 8;
const TYPING_DELAY = 250;

type Strings = Record<string, string>;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
}

class SearchApp extends HTMLElement {
  #engine!: SearchEngine;
  #strings: Strings = {};
  #state: SearchState = { q: '', filters: {} };
  #outcome: Outcome | undefined;
  #shown = 0;
  #run = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #expanded = new Set<FacetKey>();
  #input!: HTMLInputElement;
  /** Results are appended one batch after another, in order. */
  #appending: Promise<void> = Promise.resolve();
  /** Batches asked for and not yet appended. */
  #pending = 0;
  #frame = 0;

  /** The engine behind the page (the benchmark drives it directly to read whole result sets). */
  get engine(): SearchEngine {
    return this.#engine;
  }

  connectedCallback() {
    this.#strings = JSON.parse(this.dataset['strings'] ?? '{}') as Strings;
    this.#engine = new SearchEngine(this.dataset['base'] ?? '/');
    this.#input = this.querySelector<HTMLInputElement>('input[name="q"]')!;
    this.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.#timer);
      this.#go({ ...this.#state, q: this.#input.value }, 'push');
    });
    this.#input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#go({ ...this.#state, q: this.#input.value }, 'replace'), TYPING_DELAY);
    });
    this.querySelector('[data-more]')!.addEventListener('click', () => void this.#appendHits(PAGE, true));
    // Checked on scroll rather than by watching the last result: a jump (End, the scroll bar)
    // can pass the end of the list without it ever being on screen.
    window.addEventListener('scroll', this.#fillScreen, { passive: true });
    window.addEventListener('resize', this.#fillScreen, { passive: true });
    window.addEventListener('popstate', () => this.#fromUrl());
    // `/` jumps to the box here too (the header box is not on this page).
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (target?.closest('input, textarea, select, [contenteditable]')) return;
      event.preventDefault();
      this.#input.focus();
      this.#input.select();
    });
    // Phones start with the filters folded away.
    if (matchMedia('(max-width: 63.99rem)').matches) this.querySelector('details')?.removeAttribute('open');
    this.#fromUrl();
    if (!this.#state.q && !location.hash) this.#input.focus();
  }

  #t(key: string, vars: Record<string, string | number> = {}): string {
    const text = this.#strings[`search.${key}`] ?? key;
    return fill(text, vars, '');
  }

  #fromUrl() {
    this.#state = readState(new URLSearchParams(location.search));
    this.#input.value = this.#state.q;
    void this.#render();
  }

  #go(state: SearchState, history: 'push' | 'replace') {
    const same = writeState(state) === writeState(this.#state);
    this.#state = { q: state.q.trim(), filters: state.filters };
    const query = writeState(this.#state);
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (history === 'push' && !same) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    void this.#render();
  }

  /** Writes the status line; `busy` is given only where the search starts or ends. */
  #status(text: string, busy?: boolean) {
    const status = this.querySelector('.status')!;
    status.textContent = text;
    // aria-busy="true", not an empty attribute: ARIA reads an empty value as false.
    if (busy === true) this.setAttribute('aria-busy', 'true');
    else if (busy === false) this.removeAttribute('aria-busy');
  }

  async #render() {
    const run = ++this.#run;
    this.#status(this.#t('loading'), true);
    let outcome: Outcome;
    try {
      outcome = await this.#engine.search(this.#state.q, this.#state.filters);
    } catch (error) {
      if (run !== this.#run) return;
      console.error(error);
      this.#status(this.#t(this.dataset['dev'] !== undefined ? 'error.dev' : 'error.missing'), false);
      return;
    }
    if (run !== this.#run) return;
    this.#outcome = outcome;
    this.#shown = 0;
    this.#renderFacets(outcome);
    this.#renderChosen();
    this.#renderPinyin(outcome);
    const q = outcome.query;
    const n = outcome.hits.length;
    if (this.#state.q.trim() && !q) this.#status(this.#t('error.query'));
    else if (!q) this.#status(this.#t('browse', { n }));
    else if (n === 0) this.#status(this.#t('empty.title', { q: this.#state.q.trim() }));
    else this.#status(this.#t(outcome.pinyin.length > 0 ? 'countPinyin' : 'count', { n, q: this.#state.q.trim() }));
    await this.#appendHits(FIRST, false, true);
    if (run !== this.#run) return;
    this.#renderEmpty(outcome);
    await this.#renderRelated(outcome, run);
    if (run === this.#run) this.removeAttribute('aria-busy');
  }

  /**
   * Appends the next `count` results once any batch still loading is in (`replace`: instead of
   * the results of the search before, which stay until then); `focus` moves to the first new one.
   */
  #appendHits(count: number, focus: boolean, replace = false): Promise<void> {
    const run = this.#run;
    this.#pending += 1;
    const next = this.#appending.then(async () => {
      const outcome = this.#outcome;
      if (!outcome || run !== this.#run) return;
      const list = this.querySelector<HTMLOListElement>('[data-hits]')!;
      const button = this.querySelector<HTMLButtonElement>('[data-more]')!;
      const slice = outcome.hits.slice(this.#shown, this.#shown + count);
      const items = await Promise.all(slice.map((hit) => this.#item(hit, 'h2')));
      // A new search answered meanwhile (scrolling can ask for more while one is under way).
      if (run !== this.#run || outcome !== this.#outcome) return;
      this.#shown += slice.length;
      if (replace) list.replaceChildren(...items);
      else list.append(...items);
      const rest = outcome.hits.length - this.#shown;
      button.hidden = rest <= 0;
      button.textContent = this.#t('more', { n: rest });
      // Keyboard users continue at the first new result.
      if (focus) items[0]?.querySelector('a')?.focus();
    });
    // A batch that failed (a page text that did not load) must not stop the ones after it.
    this.#appending = next
      .catch(() => undefined)
      .then(() => {
        this.#pending -= 1;
        this.#fillScreen();
      });
    return next;
  }

  /**
   * Until PAGE results are shown, adds STEP more whenever the end of the list is near the bottom
   * of the screen or above it: results fill the screen and follow the visitor's scrolling, and
   * each costs a request only when it is about to be seen. Beyond PAGE, "more" adds them.
   */
  #fillScreen = () => {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      const outcome = this.#outcome;
      if (!outcome || this.#pending > 0 || this.#shown >= Math.min(PAGE, outcome.hits.length)) return;
      const end = this.querySelector('[data-hits]')!.getBoundingClientRect().bottom;
      if (end < innerHeight * (1 + AHEAD)) void this.#appendHits(STEP, false);
    });
  };

  async #item(hit: Hit, heading: 'h2' | 'h3'): Promise<HTMLLIElement> {
    const d: HitDetails = await this.#engine.details(hit, this.#outcome?.query ?? '');
    const meta = el('p', { class: 'meta' });
    if (d.type) meta.append(el('span', { class: 'type', text: d.type }));
    const bits = [d.unit, d.year && /^\d{4}$/.test(d.year) ? `${d.year} 年` : d.year].filter(Boolean) as string[];
    if (bits.length) meta.append(el('span', { text: bits.join(' · ') }));
    const title = el(heading, {}, el('a', { href: d.url }, ...this.#marked(d.title, hit)));
    const li = el('li', { 'data-type': d.type }, meta, title);
    if (d.excerpt.length > 0) {
      li.append(
        el('p', { class: 'excerpt' }, ...d.excerpt.map((p) => (p.mark ? el('mark', { text: p.text }) : p.text))),
      );
    }
    if (hit.kind !== 'text' && hit.via.length > 0)
      li.append(el('p', { class: 'via', text: this.#t('via', { text: hit.via.join('、') }) }));
    return li;
  }

  /** The title with the matched words marked. */
  #marked(title: string, hit: Hit): (Node | string)[] {
    const needles = (hit.kind === 'text' ? [this.#state.q.trim()] : hit.via).filter(Boolean);
    if (needles.length === 0) return [title];
    const lower = title.toLowerCase();
    const out: (Node | string)[] = [];
    let at = 0;
    for (;;) {
      let best = -1;
      let len = 0;
      for (const n of needles) {
        const i = lower.indexOf(n.toLowerCase(), at);
        if (i >= 0 && (best < 0 || i < best)) [best, len] = [i, n.length];
      }
      if (best < 0) break;
      if (best > at) out.push(title.slice(at, best));
      out.push(el('mark', { text: title.slice(best, best + len) }));
      at = best + len;
    }
    out.push(title.slice(at));
    return out;
  }

  #renderFacets(outcome: Outcome) {
    const box = this.querySelector('[data-facets]')!;
    const focused = document.activeElement?.closest<HTMLElement>('[data-facet]');
    const focusKey = focused ? `${focused.dataset['facet']}\u0000${focused.dataset['value']}` : undefined;
    const fieldsets: HTMLElement[] = [];
    for (const key of FACETS) {
      const values = outcome.facets[key];
      if (values.length === 0) continue;
      const expanded = this.#expanded.has(key);
      const visible = expanded ? values : values.filter((v, i) => i < FACET_PREVIEW || v.selected);
      const list = el('ul');
      for (const { value, count, selected } of visible) {
        const box = el('input', { type: 'checkbox', 'data-facet': key, 'data-value': value });
        box.checked = selected;
        box.addEventListener('change', () => this.#go(toggle(this.#state, key, value), 'push'));
        list.append(
          el(
            'li',
            {},
            el(
              'label',
              {},
              box,
              el('span', { text: value }),
              el('span', { class: 'n', text: this.#t('facet.count', { n: count }) }),
            ),
          ),
        );
      }
      const fieldset = el('fieldset', {}, el('legend', { text: this.#t(`facet.${key}`) }), list);
      if (values.length > FACET_PREVIEW) {
        const more = el('button', {
          type: 'button',
          class: 'toggle',
          'aria-expanded': String(expanded),
          text: expanded ? this.#t('facet.less') : this.#t('facet.more', { n: values.length }),
        });
        more.addEventListener('click', () => {
          if (expanded) this.#expanded.delete(key);
          else this.#expanded.add(key);
          this.#renderFacets(outcome);
          this.querySelector<HTMLButtonElement>(`fieldset[data-key="${key}"] .toggle`)?.focus();
        });
        fieldset.append(more);
      }
      fieldset.dataset['key'] = key;
      fieldsets.push(fieldset);
    }
    box.replaceChildren(...fieldsets);
    // Nothing to filter (no results and no filter chosen): no empty panel.
    this.querySelector<HTMLElement>('details')!.hidden = fieldsets.length === 0;
    if (focusKey) {
      const [key, value] = focusKey.split('\u0000');
      [...box.querySelectorAll<HTMLInputElement>('input[data-facet]')]
        .find((i) => i.dataset['facet'] === key && i.dataset['value'] === value)
        ?.focus();
    }
    const chosen = FACETS.reduce((n, k) => n + (this.#state.filters[k]?.length ?? 0), 0);
    this.querySelector('.filter-count')!.textContent = chosen ? String(chosen) : '';
  }

  #renderChosen() {
    const box = this.querySelector<HTMLElement>('[data-chosen]')!;
    const buttons: HTMLElement[] = [];
    for (const key of FACETS) {
      for (const value of this.#state.filters[key] ?? []) {
        const label = `${this.#t(`facet.${key}`)}：${value}`;
        const b = el('button', { type: 'button', 'aria-label': this.#t('filterRemove', { label }) }, `${label} ×`);
        b.addEventListener('click', () => this.#go(toggle(this.#state, key, value), 'push'));
        buttons.push(b);
      }
    }
    if (buttons.length > 1) {
      const clear = el('button', { type: 'button', class: 'clear', text: this.#t('filtersClear') });
      clear.addEventListener('click', () => this.#go({ q: this.#state.q, filters: {} }, 'push'));
      buttons.push(clear);
    }
    box.replaceChildren(
      ...(buttons.length ? [el('span', { class: 'sr-only', text: this.#t('filtersActive') }), ...buttons] : []),
    );
    box.hidden = buttons.length === 0;
  }

  #renderPinyin(outcome: Outcome) {
    const p = this.querySelector<HTMLElement>('[data-pinyin]')!;
    p.hidden = outcome.pinyin.length === 0;
    p.replaceChildren(
      this.#t('pinyin'),
      ...outcome.pinyin
        .slice(0, 8)
        .map((word) => el('a', { href: `?${writeState({ q: word, filters: {} })}`, text: word })),
    );
  }

  #renderEmpty(outcome: Outcome) {
    const box = this.querySelector<HTMLElement>('[data-empty]')!;
    box.hidden = outcome.hits.length > 0;
    if (!box.hidden) {
      const filtered = FACETS.some((k) => (this.#state.filters[k]?.length ?? 0) > 0);
      const heading = outcome.query ? this.#t('empty.title', { q: this.#state.q.trim() }) : this.#t('empty.filtered');
      const tips = el(
        'ul',
        { class: 'tips' },
        ...['empty.tip1', 'empty.tip2', ...(filtered ? ['empty.tip3'] : [])].map((k) => el('li', { text: this.#t(k) })),
      );
      const popular = el('ul', { class: 'popular' });
      for (const tag of this.#engine.manifest.facets.tag.slice(0, 12)) {
        popular.append(el('li', {}, el('a', { href: `?${writeState({ q: tag, filters: {} })}`, text: tag })));
      }
      box.replaceChildren(
        el('h2', { text: heading }),
        el('p', { text: this.#t('empty.tips') }),
        tips,
        el('h3', { text: this.#t('empty.popular') }),
        popular,
      );
    }
  }

  async #renderRelated(outcome: Outcome, run: number) {
    const box = this.querySelector<HTMLElement>('[data-related]')!;
    box.hidden = outcome.related.length === 0;
    if (box.hidden) return box.replaceChildren();
    const items = await Promise.all(
      outcome.related.slice(0, PAGE).map((hit) => this.#item({ ...hit, kind: 'text' }, 'h3')),
    );
    if (run !== this.#run) return;
    box.replaceChildren(el('p', { text: this.#t('related', { q: this.#state.q.trim() }) }), el('ol', {}, ...items));
  }
}

if (!customElements.get('zg-search')) customElements.define('zg-search', SearchApp);
