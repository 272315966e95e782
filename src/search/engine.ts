/**
 * The search, in the browser: the pair index (src/search/tokens.ts, shards.ts) finds candidates,
 * the fragments give each record's text and metadata, and the exact-match check keeps the pages
 * that contain the query. All of it is written by the build (src/integrations/pagefind-index.ts)
 * into `pagefind/`, a folder that keeps Pagefind's name and fragment format; Pagefind itself is
 * neither run nor loaded.
 *
 * A query is answered in three ways at once and the answers are merged, exact ones first:
 * 1. literally: the character tokens of the query find candidates, each candidate's text is
 *    checked, and only pages that contain the query exactly are results. Candidates that hold
 *    the characters apart are kept aside as "related", ranked below every result.
 * 2. as full pinyin (a query of Latin letters): every reading of it as syllables, through the
 *    pinyin tokens, checked against the readings of the page's characters.
 * 3. as pinyin initials: the site's named terms with those initials, searched literally.
 * Facets are counted over the results from the manifest, so they need no page text.
 */
import { FACETS, type FacetKey, type SearchManifest } from './manifest.ts';
import { normalize, normalizeWithMap, occurrences, wordRuns } from './normalize.ts';
import { looksLikePinyin, Pinyin, type PinyinData } from './pinyin.ts';
import { decodeShard, SHARD_DIR, shardFile, shardOf, type Shard } from './shards.ts';
import { ANY, type PairTerm, queryChars, queryPairs, syllableQueryPairs } from './tokens.ts';

/** What the engine reads of a fragment (Pagefind's format). */
interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}

/** Selected facet values; within a facet any value may match, across facets all must. */
export type Filters = Partial<Record<FacetKey, string[]>>;

/** How a result matched. */
export type MatchKind = 'text' | 'pinyin' | 'initials';

/** One result, before or after its page text is loaded. */
export interface Hit {
  /** Position of the record in the manifest. */
  record: number;
  kind: MatchKind;
  /** The Chinese a pinyin query matched (or the term initials matched). */
  via: string[];
  /** Occurrences of the query in the page; -1 when not counted (very large result sets). */
  count: number;
  /** Pairs of the query found in the title (from the pair index). */
  score: number;
  rank: number;
}

/** What a result shows. */
export interface HitDetails {
  url: string;
  title: string;
  type: string | undefined;
  unit: string | undefined;
  year: string | undefined;
  /** The excerpt in pieces, `mark` where the query matched. */
  excerpt: { text: string; mark: boolean }[];
}

/** The answer to one query with its filters. */
export interface Outcome {
  /** The normalised query ('' when browsing by filter only). */
  query: string;
  /** Results that contain the query (or its pinyin), filters applied, best first. */
  hits: Hit[];
  /** Pages that hold the query's characters, but not together; only when `hits` is empty. */
  related: Hit[];
  /** For each facet, each value with the number of results it would leave. */
  facets: Record<FacetKey, { value: string; count: number; selected: boolean }[]>;
  /** The Chinese that pinyin or initials matched, for "did you mean". */
  pinyin: string[];
}

/**
 * Above this many results, a query that needs no text check (one or two characters) is ranked by
 * the pair index alone (title matches first, then browsing order) and only the results shown load
 * their page text. Below it every result's text is loaded to rank by occurrences.
 */
const CHECK_LIMIT = 60;

interface Loaded {
  fragment: Fragment;
  /** Normalised text of the page and the map back to `fragment.content`. */
  norm: ReturnType<typeof normalizeWithMap>;
  title: string;
}

/** The search engine for one site (one base path). Create once; `search` may be called many times. */
export class SearchEngine {
  readonly #base: string;
  #ready: Promise<void> | undefined;
  #manifest!: SearchManifest;
  #shards = new Map<string, Promise<Shard>>();
  #loaded = new Map<number, Promise<Loaded>>();
  #pinyin: Promise<Pinyin> | undefined;

  /** `base`: the site's base path, e.g. `/` or `/zhanguan/`. */
  constructor(base: string) {
    this.#base = base.endsWith('/') ? base : `${base}/`;
  }

  /** Loads the manifest (once). Rejects when the index is missing. */
  ready(): Promise<void> {
    this.#ready ??= (async () => {
      const manifest = await fetchOk(`${this.#base}pagefind/zg-search.json`).then(
        (r) => r.json() as Promise<SearchManifest>,
      );
      if (manifest.version !== 2) throw new Error(`unknown search manifest version ${String(manifest.version)}`);
      this.#manifest = manifest;
    })();
    return this.#ready;
  }

  /** The facet values of the site (for the search form before any query). */
  get manifest(): SearchManifest {
    return this.#manifest;
  }

  /** Answers `query` with `filters`. */
  async search(query: string, filters: Filters = {}): Promise<Outcome> {
    await this.ready();
    const q = normalize(query);
    const found = new Map<number, Hit>();
    const related = new Map<number, Hit>();
    const pinyinVia: string[] = [];
    const add = (hit: Hit) => {
      const old = found.get(hit.record);
      if (!old || old.rank < hit.rank) found.set(hit.record, hit);
      else for (const v of hit.via) if (!old.via.includes(v)) old.via.push(v);
    };

    if (q === '') {
      this.#manifest.records.forEach((_, record) =>
        found.set(record, { record, kind: 'text', via: [], count: 0, score: 0, rank: -record }),
      );
    } else {
      await this.#literal(q, 'text', [], add, related);
      if (looksLikePinyin(q)) {
        const py = await this.#loadPinyin();
        for (const syllables of py.segment(q)) {
          const candidates = await this.#pairSearch(syllableQueryPairs(syllables));
          const checked = await Promise.all(
            candidates.map(async ({ record, score }) => {
              const loaded = await this.#load(record);
              return { record, score, loaded, spans: py.find(loaded.norm.text, syllables) };
            }),
          );
          for (const { record, score, loaded, spans } of checked) {
            if (spans.length === 0) continue;
            const via = [...new Set(spans.map(([s, e]) => loaded.norm.text.slice(s, e)))];
            via.forEach((v) => pinyinVia.includes(v) || pinyinVia.push(v));
            add(this.#rank({ record, kind: 'pinyin', via, count: spans.length, score, rank: 0 }, via, loaded, 1));
          }
        }
        for (const term of py.terms(q)) {
          const n = await this.#literal(normalize(term), 'initials', [term], add, undefined);
          if (n > 0 && !pinyinVia.includes(term)) pinyinVia.push(term);
        }
      }
    }
    if (q !== '' && found.size === 0 && related.size === 0) await this.#apart(q, related);
    for (const record of found.keys()) related.delete(record);

    const facets = this.#facets([...found.keys()], filters);
    const keep = (h: Hit) => this.#matches(h.record, filters);
    const byRank = (a: Hit, b: Hit) => b.rank - a.rank;
    const hits = [...found.values()].filter(keep).sort(byRank);
    return {
      query: q,
      hits,
      related: hits.length === 0 ? [...related.values()].filter(keep).sort(byRank) : [],
      facets,
      pinyin: pinyinVia,
    };
  }

  /** What a result shows, with an excerpt around the first match of `hit`'s query. */
  async details(hit: Hit, query: string): Promise<HitDetails> {
    const loaded = await this.#load(hit.record);
    const { fragment, norm } = loaded;
    const needles = hit.kind === 'text' ? [normalize(query)] : hit.via.map(normalize);
    const spans = needles
      .flatMap((n) => occurrences(norm.text, n).map((s): [number, number] => [s, s + n.length]))
      .sort((a, b) => a[0] - b[0]);
    const meta = fragment.meta;
    return {
      url: fragment.url,
      title: meta['title'] ?? fragment.url,
      type: meta['type'],
      unit: meta['unit'],
      year: meta['year'],
      excerpt: excerpt(fragment.content, norm, spans, loaded.title),
    };
  }

  async #literal(
    q: string,
    kind: MatchKind,
    via: string[],
    add: (hit: Hit) => void,
    related: Map<number, Hit> | undefined,
  ): Promise<number> {
    const pairs = queryPairs(q);
    if (!pairs) return 0;
    const candidates = await this.#pairSearch(pairs.terms);
    const penalty = kind === 'text' ? 2 : 0;
    if (pairs.exact && candidates.length > CHECK_LIMIT) {
      // Every candidate contains the query; rank title matches first, then in browsing order,
      // and load page texts only for the results shown.
      for (const { record, score } of candidates)
        add({ record, kind, via, count: -1, score, rank: penalty * 1e6 + (score > 0 ? 1e5 : 0) - record / 1e5 });
      return candidates.length;
    }
    let found = 0;
    await Promise.all(
      candidates.map(async ({ record, score }) => {
        const loaded = await this.#load(record);
        const count = occurrences(loaded.norm.text, q).length;
        const hit: Hit = { record, kind, via, count, score, rank: 0 };
        if (count > 0) {
          found += 1;
          add(this.#rank(hit, [q], loaded, penalty));
        } else related?.set(record, { ...hit, rank: closeness(q, loaded, score) });
      }),
    );
    return found;
  }

  /**
   * Pages that hold every character of the query but never the query itself, closest first
   * (most of the query's adjacent pairs), for the empty state.
   */
  async #apart(q: string, related: Map<number, Hit>): Promise<void> {
    const chars = [...new Set(wordRuns(q).flat())];
    if (chars.length < 2) return;
    const candidates = (await this.#pairSearch(queryChars(q)))
      .sort((a, b) => b.score - a.score || a.record - b.record)
      .slice(0, 50);
    await Promise.all(
      candidates.map(async ({ record, score }) => {
        const rank = closeness(q, await this.#load(record), score);
        related.set(record, { record, kind: 'text', via: [], count: 0, score, rank });
      }),
    );
  }

  /** Rank: match kind first, then a match in the title, a tag equal to the query, occurrences. */
  #rank(hit: Hit, needles: string[], loaded: Loaded, kindWeight: number): Hit {
    const tags = this.#values(hit.record, 'tag').map(normalize);
    const inTitle = needles.some((n) => loaded.title.includes(n));
    const isTag = needles.some((n) => tags.includes(n));
    hit.rank =
      kindWeight * 1e6 +
      (inTitle ? 1e5 : 0) +
      (isTag ? 1e4 : 0) +
      Math.min(hit.count, 99) * 10 +
      hit.score -
      hit.record / 1e6;
    return hit;
  }

  /** Records that have every term, with the number of terms found in their title. */
  async #pairSearch(terms: PairTerm[]): Promise<{ record: number; score: number }[]> {
    if (terms.length === 0) return [];
    const shards = await Promise.all(terms.map((t) => this.#shard(t)));
    let result: Map<number, number> | undefined;
    for (const [k, term] of terms.entries()) {
      const list = shards[k]!.get(term.a)?.get(term.b ?? ANY);
      const lists = list ? [list] : [];
      const pages = new Map<number, number>();
      for (const list of lists)
        for (const posting of list) {
          const record = posting >>> 1;
          if (!result || result.has(record)) pages.set(record, (pages.get(record) ?? 0) | (posting & 1));
        }
      if (result) for (const [record, inTitle] of pages) pages.set(record, inTitle + result.get(record)!);
      result = pages;
      if (result.size === 0) break;
    }
    return [...(result ?? [])].map(([record, score]) => ({ record, score }));
  }

  #shard(term: PairTerm): Promise<Shard> {
    const n = shardOf(term.a, term.b ?? ANY, this.#manifest.shards[term.kind]);
    const url = `${this.#base}pagefind/${SHARD_DIR}/${shardFile(term.kind, n)}`;
    let p = this.#shards.get(url);
    if (!p) {
      p = fetchOk(url)
        .then((r) => r.arrayBuffer())
        .then((b) => decodeShard(new Uint8Array(b)));
      p.catch(() => this.#shards.delete(url));
      this.#shards.set(url, p);
    }
    return p;
  }

  #load(record: number): Promise<Loaded> {
    let p = this.#loaded.get(record);
    if (!p) {
      const id = this.#manifest.prefix + this.#manifest.records[record]![0];
      p = fetchOk(`${this.#base}pagefind/fragment/${id}.pf_fragment`)
        .then((r) => gunzip(r))
        .then((text) => {
          const raw = JSON.parse(text.replace(/^pagefind_dcd/, '')) as Fragment;
          // Fragments hold site paths; the site may live under a base path.
          const fragment = { ...raw, url: `${this.#base}${raw.url.replace(/^\//, '')}` };
          return { fragment, norm: normalizeWithMap(fragment.content), title: normalize(fragment.meta['title'] ?? '') };
        });
      p.catch(() => this.#loaded.delete(record));
      this.#loaded.set(record, p);
    }
    return p;
  }

  #loadPinyin(): Promise<Pinyin> {
    this.#pinyin ??= fetchOk(`${this.#base}pagefind/zg-pinyin.json`)
      .then((r) => r.json() as Promise<PinyinData>)
      .then((d) => new Pinyin(d));
    return this.#pinyin;
  }

  #values(record: number, key: FacetKey): string[] {
    const row = this.#manifest.records[record]!;
    const table = this.#manifest.facets[key];
    const indexes = (row[1 + FACETS.indexOf(key)] ?? []) as number[];
    return indexes.map((i) => table[i]!);
  }

  #matches(record: number, filters: Filters, except?: FacetKey): boolean {
    return FACETS.every((key) => {
      const chosen = filters[key];
      if (key === except || !chosen || chosen.length === 0) return true;
      const values = this.#values(record, key);
      return chosen.some((v) => values.includes(v));
    });
  }

  /** Counts per facet value; each facet counted with the other facets' selections applied. */
  #facets(records: number[], filters: Filters): Outcome['facets'] {
    const out = {} as Outcome['facets'];
    for (const key of FACETS) {
      const counts = new Map<string, number>();
      for (const record of records) {
        if (!this.#matches(record, filters, key)) continue;
        for (const v of this.#values(record, key)) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const chosen = filters[key] ?? [];
      out[key] = this.#manifest.facets[key]
        .filter((value) => counts.has(value) || chosen.includes(value))
        .map((value) => ({ value, count: counts.get(value) ?? 0, selected: chosen.includes(value) }));
    }
    return out;
  }
}

/** `fetch` that rejects on an HTTP error. */
async function fetchOk(url: string): Promise<Response> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${r.status} ${r.url}`);
  return r;
}

/** Fragments are gzip files (served as they are, not as an encoding of the response). */
async function gunzip(r: Response): Promise<string> {
  const stream = r.body!.pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/** Letters and digits only: 党建+双拥 → 党建双拥. */
const bare = (text: string) => wordRuns(text).flat().join('');

/**
 * Rank of a page that has the query's characters but not the query: the query with only
 * punctuation between its characters (党建双拥 in 党建+双拥) first, in the title before the text,
 * then the pages with most of the query's adjacent pairs.
 */
function closeness(q: string, loaded: Loaded, score: number): number {
  const whole = bare(q);
  const pairs = wordRuns(q).flatMap((run) => run.slice(1).map((c, i) => run[i]! + c));
  const text = bare(loaded.norm.text);
  const close = (bare(loaded.title).includes(whole) ? 2e5 : 0) + (text.includes(whole) ? 1e5 : 0);
  const times = Math.min(occurrences(text, whole).length, 99);
  return close + pairs.filter((p) => loaded.norm.text.includes(p)).length * 1e3 + times * 10 + score;
}

/** Characters of context before and after the first match. */
const BEFORE = 24;
const AFTER = 90;

/**
 * An excerpt of `content` (the record's text) around the first match
 * outside the title, every match in it marked.
 */
export function excerpt(
  content: string,
  norm: ReturnType<typeof normalizeWithMap>,
  spans: [number, number][],
  title: string,
): { text: string; mark: boolean }[] {
  // Original-text ranges of the matches.
  const ranges = spans.map(([s, e]): [number, number] => [norm.start[s]!, norm.end[e - 1]!]);
  const titleAt = title ? norm.text.indexOf(title) : -1;
  const titleEnd = titleAt >= 0 ? (norm.end[titleAt + title.length - 1] ?? 0) : 0;
  const first = ranges.find(([s]) => s >= titleEnd) ?? ranges[0];
  const text = content;
  let from = first ? Math.max(0, first[0] - BEFORE) : titleEnd;
  let to = Math.min(text.length, (first ? first[1] : from) + AFTER);
  if (!first) to = Math.min(text.length, from + BEFORE + AFTER);
  // Start after a sentence end when one is near.
  const stop = text.slice(from, first ? first[0] : from).search(/[。！？；.!?]\s*[^。！？；.!?\s]*$/);
  if (first && stop >= 0) from += stop + 1;
  const pieces: { text: string; mark: boolean }[] = [];
  let at = from;
  for (const [s, e] of ranges) {
    if (e <= at || s >= to) continue;
    if (s > at) pieces.push({ text: text.slice(at, s), mark: false });
    pieces.push({ text: text.slice(Math.max(s, at), e), mark: true });
    at = e;
  }
  if (at < to) pieces.push({ text: text.slice(at, to), mark: false });
  // Clean the text as a whole, so a block gap right after a mark is seen as one.
  let previous = '';
  const clean = pieces
    .map((p) => {
      let text = displayText(p.text);
      if (/[^\x20-\x7e]$/.test(previous)) text = text.replace(/^\. /, '　');
      previous = text || previous;
      return { ...p, text };
    })
    .filter((p) => p.text.length > 0);
  if (clean.length > 0) {
    if (from > 0) clean[0]!.text = `…${clean[0]!.text.replace(/^\s+/, '')}`;
    if (to < text.length) clean.at(-1)!.text = `${clean.at(-1)!.text.replace(/\s+$/, '')}…`;
  }
  return clean;
}

/** The text for reading: zero-width word separators removed, the ". " between blocks shown as a gap. */
const displayText = (s: string) =>
  s
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/([^\x20-\x7e])\. /g, '$1　')
    .replace(/\s+/g, ' ');
