/**
 * Builds the search index of a built site: every searchable record's text, title and facets, read
 * from the finished pages (src/integrations/search-records.ts), and the site's pair index over that
 * text (src/search/tokens.ts, src/search/shards.ts), which makes Chinese search exact. The browser
 * side is src/search/engine.ts.
 *
 * 1. Every built page marked `data-pagefind-body` is one record; an element marked
 *    `data-search-record` (a milestone on the timeline) is a record of its own, at `page/#id`.
 * 2. Each record is written as a fragment, `fragment/<prefix><id>.pf_fragment`: gzip of
 *    `pagefind_dcd` and the JSON `{ url, content, meta, filters }`, the format Pagefind used, so
 *    kiosks' caches and the service worker's pattern stay as they were. The id is a hash of that
 *    JSON: an unchanged record keeps its file from build to build.
 * 3. The character and pinyin pairs are made from exactly the stored text, so the index and the
 *    check the browser makes against that text can never disagree. They go into postings (record
 *    numbers in manifest order, title pairs flagged) written as shards to `zg-pairs/`.
 * 4. `zg-search.json` (records, facet values, shard counts) and `zg-pinyin.json` (pinyin data) are
 *    written beside them.
 *
 * Pagefind itself is no longer run (it took most of the index's time and memory; bench/README.md);
 * the markup keeps its `data-pagefind-*` attributes and the output keeps the folder name
 * `pagefind/`, which the site, the service worker, the server configuration and the tests use.
 *
 * Any error throws, so the build fails and the published site stays as it was.
 *
 * What each page gave the index (its records and their fragments) is cached by the page's bytes
 * (src/integrations/search-cache.ts): publishing one more case reads every page and hashes it, but
 * parses and compresses only the pages that changed; an unchanged fragment is linked from the
 * cache's store, not written. The pair index starts from the last build's, renumbered for the new
 * order, with the new records' pairs merged in (src/integrations/search-postings.ts); the pinyin
 * pairs are all made again when the site's set of syllables, by which they are numbered, changed.
 * Reads and writes are synchronous: with one file at a time, that is faster than awaiting each.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pinyin } from 'pinyin-pro';
import { FACETS, TYPE_ORDER, type FacetKey, type SearchManifest, type SearchRecordRow } from '../search/manifest.ts';
import { isHan, normalize } from '../search/normalize.ts';
import type { PinyinData } from '../search/pinyin.ts';
import { relativeFiles } from '../utils/files.ts';
import { BUNDLE, encodeShard, SHARD_DIR, shardFile, shardOf } from '../search/shards.ts';
import { forEachPinyinPair, forEachTextPair, type PairKind, syllableCode } from '../search/tokens.ts';
import {
  type CachedPage,
  type CachedPairs,
  FragmentStore,
  type IndexedRecord,
  readSearchCache,
  type SearchCacheOptions,
  sha256,
  writeSearchCache,
} from './search-cache.ts';
import { type FlatPostings, listOf, merge, Postings, renumber } from './search-postings.ts';
import { SearchIndexError, searchRecords, type SearchRecord } from './search-records.ts';

export { SearchIndexError };

export { BUNDLE };
/** Start of every fragment id (Pagefind's language prefix, kept). */
const PREFIX = 'zh-cn_';
/** Fragments start with Pagefind's signature; the engine reads them with or without it. */
const SIGNATURE = 'pagefind_dcd';

/** What the indexer did, for the build log and the benchmark. */
export interface IndexStats {
  records: number;
  /** Bytes of the written index. */
  bytes: number;
  files: number;
  /** Milliseconds spent in each step. */
  steps: Record<string, number>;
  /**
   * Every built page (path in the output, with `/`) with the SHA-256 and size of its bytes as
   * indexed: the service worker's precache list takes its revisions from here rather than
   * reading every page again.
   */
  pages: Map<string, { hash: string; size: number }>;
}

/** The built pages in `dir` (full paths), the index's own folder left out. */
const htmlFiles = (dir: string): string[] =>
  relativeFiles(dir)
    .filter((f) => f.endsWith('.html') && !f.startsWith(`${BUNDLE}/`))
    .map((f) => join(dir, f));

/** Site path of a built file: `cases/a/index.html` → `/cases/a/`. */
const pagePath = (dir: string, file: string) =>
  `/${relative(dir, file).split(sep).join('/')}`.replace(/index\.html$/, '').replace(/\.html$/, '/');

/**
 * The fragment of a record: its id (a hash of its JSON) and its file, gzip without a time stamp
 * or file name in the header, so the same record gives the same bytes in every build.
 */
export function fragmentOf(record: SearchRecord): { id: string; bytes: Buffer } {
  const json = JSON.stringify({ url: record.url, content: record.content, meta: record.meta, filters: record.filters });
  const id = createHash('sha256').update(json).digest('hex').slice(0, 12);
  return { id, bytes: gzipSync(SIGNATURE + json, { level: 9 }) };
}

/** A record with its fragment and what the pair index reads of it. */
export function indexedRecord(record: SearchRecord): IndexedRecord {
  const { id, bytes: fragment } = fragmentOf(record);
  const text = normalize(record.content);
  const title = normalize(record.meta['title'] ?? '');
  const han = [...new Set([...text, ...title].filter(isHan))].join('');
  return { record, id, fragment, text, title, han };
}

/** Pinyin readings (no tones, ü written v) of every Chinese character in `hans`. */
function pinyinTables(hans: string[]) {
  const chars = new Set<string>();
  for (const han of hans) for (const ch of han) chars.add(ch);
  const all = new Map<string, string[]>();
  const syllables = new Set<string>();
  for (const ch of chars) {
    const readings = (pinyin(ch, { multiple: true, type: 'array', toneType: 'none', v: true }) as string[]).filter(
      (s) => /^[a-z]+$/.test(s),
    );
    all.set(ch, readings);
    readings.forEach((s) => syllables.add(s));
  }
  return { chars, all, syllables };
}

/**
 * The index's folder, written over rather than emptied first: the publishing build keeps its
 * output from one build to the next (src/integrations/kept-output.ts), and writing over a file is
 * far cheaper than creating one. What this build did not write is removed at the end.
 */
class IndexFolder {
  readonly #written = new Set<string>();
  readonly #root: string;

  constructor(root: string) {
    this.#root = root;
  }

  /** Writes `bytes` at `path`, over the file there unless that file is shared (a hard link). */
  write(path: string, bytes: Uint8Array | string): void {
    this.#written.add(path);
    try {
      if (statSync(path).nlink > 1) unlinkSync(path);
    } catch {
      // No file there yet.
    }
    writeFileSync(path, bytes);
  }

  /** Marks `path` as written by this build (a fragment put in place by the store). */
  claim(path: string): void {
    this.#written.add(path);
  }

  /** Removes the files this build did not write (the last build's fragments and shards). */
  prune(): void {
    for (const entry of readdirSync(this.#root, { withFileTypes: true, recursive: true })) {
      const path = join(entry.parentPath, entry.name);
      if (entry.isFile() && !this.#written.has(path)) unlinkSync(path);
    }
  }
}

/** Aim for shards of about this many bytes: one request per term, small enough for a first query. */
const SHARD_BYTES = 8 * 1024;
const MAX_SHARDS = 4096;

/** Writes the shards of `kind`, about `SHARD_BYTES` each; returns their number. */
function writeShards(flat: FlatPostings, folder: IndexFolder, dir: string, kind: PairKind): number {
  let estimate = 0;
  for (let i = 0; i < flat.a.length; i++) estimate += 6 + (flat.offsets[i + 1]! - flat.offsets[i]!) * 1.5;
  let shards = 1;
  while (shards < MAX_SHARDS && estimate / shards > SHARD_BYTES) shards *= 2;
  const byShard: { a: number; b: number; postings: Uint32Array }[][] = Array.from({ length: shards }, () => []);
  for (let i = 0; i < flat.a.length; i++) {
    const a = flat.a[i]!;
    const b = flat.b[i]!;
    byShard[shardOf(a, b, shards)]!.push({ a, b, postings: listOf(flat, i) });
  }
  for (const [n, pairs] of byShard.entries()) folder.write(join(dir, shardFile(kind, n)), encodeShard(pairs));
  return shards;
}

/**
 * How the last build's records are numbered in this one (-1: gone), when every record both have
 * keeps its order, as it does unless the ordering itself changed; else undefined.
 */
function renumbering(before: string[], now: string[]): Int32Array | undefined {
  const at = new Map(now.map((id, i) => [id, i]));
  const numbers = new Int32Array(before.length);
  let last = -1;
  for (const [i, id] of before.entries()) {
    const n = at.get(id) ?? -1;
    if (n >= 0 && n < last) return undefined;
    if (n >= 0) last = n;
    numbers[i] = n;
  }
  return numbers;
}

/**
 * Builds the search index into `<dir>/pagefind/`, with what unchanged pages gave the last build
 * taken from the cache when `cache` is given.
 */
export async function buildSearchIndex(
  dir: string,
  log: (msg: string) => void = () => {},
  cache?: SearchCacheOptions,
): Promise<IndexStats> {
  const outputPath = join(dir, BUNDLE);
  const folder = new IndexFolder(outputPath);
  const steps: Record<string, number> = {};
  let clock = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round(now - clock);
    clock = now;
  };

  // 1. The records of every page, in file order, and their fragments: from the cache for a page
  // whose bytes are those it was made from.
  const cached = cache ? readSearchCache(cache) : { pages: new Map<string, CachedPage>() };
  if (cached.problem) log(`搜索索引缓存不可用（${cached.problem}），本次从全部页面重新生成索引。`);
  const made = new Map<string, CachedPage>();
  const pages = new Map<string, { hash: string; size: number }>();
  for (const file of htmlFiles(dir)) {
    const bytes = readFileSync(file);
    const source = relative(dir, file);
    const hash = sha256(bytes);
    pages.set(source.split(sep).join('/'), { hash, size: bytes.length });
    const before = cached.pages.get(source);
    const records =
      before?.hash === hash
        ? before.records
        : searchRecords(bytes.toString('utf8'), pagePath(dir, file), source).map(indexedRecord);
    made.set(source, { hash, records });
  }
  const records = [...made.values()].flatMap((p) => p.records);
  if (records.length === 0) throw new SearchIndexError('没有找到带 data-pagefind-body 的页面');
  step('pages');

  // 2. The fragments written.
  const fragmentDir = join(outputPath, 'fragment');
  mkdirSync(fragmentDir, { recursive: true });
  const urls = new Set<string>();
  const ids = new Map<string, string>();
  const store = cache ? new FragmentStore(cache) : undefined;
  if (cached.problem) store?.clear();
  for (const { record, id, fragment } of records) {
    if (urls.has(record.url)) throw new SearchIndexError(`${record.url} 出现了两次（页面中有重复的 id？）`);
    urls.add(record.url);
    const other = ids.get(id);
    if (other !== undefined) throw new SearchIndexError(`${record.url} 与 ${other} 的索引片段编号相同`);
    ids.set(id, record.url);
    const name = `${PREFIX}${id}.pf_fragment`;
    if (store) {
      store.place(name, fragment, join(fragmentDir, name));
      folder.claim(join(fragmentDir, name));
    } else folder.write(join(fragmentDir, name), fragment);
  }
  const manifest = buildManifest(records);
  const order = manifest.order;
  step('fragments');

  // 3. The pinyin of every character, then the pair index.
  const texts = order.map((i) => records[i]!.text);
  const titles = order.map((i) => records[i]!.title);
  const py = pinyinTables(records.map((p) => p.han));
  const syllables = [...py.syllables].sort();
  if (syllables.length > 26 * 26 - 1) throw new SearchIndexError('拼音音节过多');
  const syllableNo = new Map(syllables.map((s, i) => [s, i]));
  const readingNo = new Map([...py.all].map(([ch, r]) => [ch, r.map((s) => syllableNo.get(s)!)]));
  const readings = (ch: string) => readingNo.get(ch) ?? [];
  step('pinyin tables');

  // The pair index: the last build's, renumbered, with the new records' pairs merged in; or,
  // with no usable cache, record by record in manifest order. Pinyin pairs are numbered by the
  // site's syllables: when those changed, they are all made again.
  const recordIds = order.map((i) => records[i]!.id);
  const previous = cached.pairs;
  const numbers = previous && renumbering(previous.ids, recordIds);
  const known = new Set(numbers ? previous.ids : []);
  const samePinyin = previous !== undefined && previous.syllables.join(' ') === syllables.join(' ');
  const chars = new Postings();
  const sounds = new Postings();
  for (const [record, text] of texts.entries()) {
    if (known.has(recordIds[record]!) && samePinyin) continue;
    const title = titles[record]!;
    if (!known.has(recordIds[record]!)) {
      chars.add(record, true, (pair) => forEachTextPair(title, pair));
      chars.add(record, false, (pair) => forEachTextPair(text, pair));
    }
    sounds.add(record, true, (pair) => forEachPinyinPair(title, readings, pair));
    sounds.add(record, false, (pair) => forEachPinyinPair(text, readings, pair));
  }
  const pairs: CachedPairs = {
    ids: recordIds,
    syllables,
    c: numbers ? merge(renumber(previous!.c, numbers), chars.flat()) : chars.flat(),
    p: numbers && samePinyin ? merge(renumber(previous!.p, numbers), sounds.flat()) : sounds.flat(),
  };
  step('pairs');
  const shardDir = join(outputPath, SHARD_DIR);
  mkdirSync(shardDir, { recursive: true });
  const shards = {
    c: writeShards(pairs.c, folder, shardDir, 'c'),
    p: writeShards(pairs.p, folder, shardDir, 'p'),
  };
  step('write pairs');

  // 4. The manifest and the pinyin data.
  const searchManifest: SearchManifest = { version: 2, shards, ...manifest.data };
  folder.write(join(outputPath, 'zg-search.json'), JSON.stringify(searchManifest));
  const hanChars = [...py.chars].sort();
  const pinyinData: PinyinData = {
    syllables,
    chars: hanChars.join(''),
    readings: hanChars.map((ch) =>
      (py.all.get(ch) ?? [])
        .map((s) => syllableNo.get(s))
        .filter((n) => n !== undefined)
        .map(syllableCode)
        .join(''),
    ),
    terms: termsOf(records.map((p) => p.record)),
  };
  folder.write(join(outputPath, 'zg-pinyin.json'), JSON.stringify(pinyinData));
  folder.prune();

  step('manifest');
  if (cache) writeSearchCache(cache, made, pairs);
  store?.prune();
  step('cache');
  const stats = bundleSize(outputPath);
  log(`搜索索引：${records.length} 条记录，${(stats.bytes / 1024).toFixed(0)} KB，${stats.files} 个文件`);
  return { records: records.length, ...stats, steps, pages };
}

function buildManifest(pages: { id: string; record: SearchRecord }[]): {
  data: Omit<SearchManifest, 'version' | 'shards'>;
  /** Index into `pages` of each record, in manifest order. */
  order: number[];
} {
  // Facet values: types in their fixed order, years newest first, the rest most used first.
  const counts = Object.fromEntries(FACETS.map((k) => [k, new Map<string, number>()])) as Record<
    FacetKey,
    Map<string, number>
  >;
  for (const { record: p } of pages)
    for (const k of FACETS) for (const v of p.filters[k] ?? []) counts[k].set(v, (counts[k].get(v) ?? 0) + 1);
  const facets = Object.fromEntries(
    FACETS.map((k) => {
      const values = [...counts[k].entries()];
      if (k === 'type') values.sort((a, b) => TYPE_ORDER.indexOf(a[0]) - TYPE_ORDER.indexOf(b[0]));
      else if (k === 'year') values.sort((a, b) => b[0].localeCompare(a[0]));
      else values.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
      return [k, values.map(([v]) => v)];
    }),
  ) as Record<FacetKey, string[]>;
  const position = Object.fromEntries(FACETS.map((k) => [k, new Map(facets[k].map((v, i) => [v, i]))])) as Record<
    FacetKey,
    Map<string, number>
  >;

  const collator = new Intl.Collator('zh-CN');
  const order = pages
    .map(({ record: p }, i) => ({ p, i }))
    .sort(
      (a, b) =>
        TYPE_ORDER.indexOf(a.p.filters['type']?.[0] ?? '') - TYPE_ORDER.indexOf(b.p.filters['type']?.[0] ?? '') ||
        (b.p.meta['date'] ?? b.p.filters['year']?.[0] ?? '').localeCompare(
          a.p.meta['date'] ?? a.p.filters['year']?.[0] ?? '',
        ) ||
        collator.compare(a.p.meta['title'] ?? '', b.p.meta['title'] ?? ''),
    )
    .map(({ i }) => i);
  const records = order.map((i): SearchRecordRow => {
    const { id, record: p } = pages[i]!;
    return [id, ...FACETS.map((k) => (p.filters[k] ?? []).map((v) => position[k].get(v)!))];
  });
  return { data: { prefix: PREFIX, facets, records }, order };
}

/** Named terms for initials search: tags, units, series, regions, hall and route names, quoted names. */
function termsOf(pages: SearchRecord[]): [string, string][] {
  const terms = new Set<string>();
  for (const p of pages) {
    for (const k of ['tag', 'unit', 'series', 'region'] as const) for (const v of p.filters[k] ?? []) terms.add(v);
    const title = p.meta['title'] ?? '';
    const type = p.filters['type']?.[0];
    if (type === '展馆' || type === '航线') terms.add(title);
    for (const [, quoted] of title.matchAll(/[“「《"]([^”」》"]{2,16})[”」》"]/g)) if (quoted) terms.add(quoted);
  }
  const out: [string, string][] = [];
  for (const term of terms) {
    const han = [...term].filter(isHan).join('');
    if (han.length < 2) continue;
    const initials = (pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }) as string[]).join('');
    if (/^[a-z]+$/.test(initials)) out.push([term, initials]);
  }
  return out.sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0], 'zh-CN'));
}

function bundleSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return { bytes, files };
}
