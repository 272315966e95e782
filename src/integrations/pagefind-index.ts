/**
 * Builds the search index of a built site: Pagefind's index of the pages (their text, metadata and
 * filters) and the site's own pair index beside it (src/search/tokens.ts, src/search/shards.ts),
 * which makes Chinese search exact.
 *
 * 1. Every built page with `data-pagefind-body` is added to Pagefind as it is, once. An element
 *    marked `data-search-record` (a milestone on the timeline) becomes a record of its own, at
 *    `page/#id`. Pagefind writes its bundle and its process ends.
 * 2. Pagefind's extracted text of each record is read back from its fragments; the character and
 *    pinyin pairs are made from exactly that text, so the index and the check the browser makes
 *    against that text can never disagree.
 * 3. The pairs go into postings (record numbers in manifest order, title pairs flagged) written
 *    as shards to `zg-pairs/`.
 * 4. `zg-search.json` (records, facet values, shard counts) and `zg-pinyin.json` (pinyin data) are
 *    written next to Pagefind's files.
 *
 * Any error from Pagefind throws, so the build fails and the published site stays as it was.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import * as pagefind from 'pagefind';
import { pinyin } from 'pinyin-pro';
import { FACETS, TYPE_ORDER, type FacetKey, type SearchManifest, type SearchRecordRow } from '../search/manifest.ts';
import { isHan, normalize } from '../search/normalize.ts';
import type { PinyinData } from '../search/pinyin.ts';
import { encodeShard, SHARD_DIR, shardFile, shardOf } from '../search/shards.ts';
import { ANY, type PairKind, SPAN, syllableCode, textPairs, textPinyinPairs } from '../search/tokens.ts';

/** Where the browser finds the bundle, relative to the site root. */
export const BUNDLE = 'pagefind';
const LANGUAGE = 'zh-cn';
const UNUSED = ['ui', 'modular-ui', 'component-ui'].flatMap((ui) => [`pagefind-${ui}.js`, `pagefind-${ui}.css`]);
UNUSED.push('pagefind-highlight.js');

/** What the indexer did, for the build log and the benchmark. */
export interface IndexStats {
  records: number;
  /** Bytes of the written bundle (Pagefind's files and ours, token fragments removed). */
  bytes: number;
  files: number;
  /** Milliseconds spent in each step. */
  steps: Record<string, number>;
}

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Thrown for anything that goes wrong; the message is for the person running the build. */
export class SearchIndexError extends Error {
  constructor(detail: string) {
    super(`搜索索引生成失败：${detail}\n构建已停止，已发布的网站没有改动。`);
    this.name = '搜索索引有误';
  }
}

const check = (what: string, errors: string[]) => {
  if (errors.length > 0) throw new SearchIndexError(`${what}：${errors.join('；')}`);
};

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) out.push(join(entry.parentPath, entry.name));
  }
  return out.filter((f) => !relative(dir, f).startsWith(`${BUNDLE}${sep}`)).sort();
}

/** Site path of a built file: `cases/a/index.html` → `/cases/a/`. */
const pagePath = (dir: string, file: string) =>
  `/${relative(dir, file).split(sep).join('/')}`.replace(/index\.html$/, '').replace(/\.html$/, '/');

function findRecords(node: Root | Element, found: Element[] = []): Element[] {
  for (const child of node.children as RootContent[]) {
    if (child.type !== 'element') continue;
    if (child.properties['dataSearchRecord'] !== undefined) found.push(child);
    else findRecords(child, found);
  }
  return found;
}

/** The documents to index for one built page: the page itself, or one per `data-search-record`. */
function documentsOf(html: string, path: string, file: string): { url: string; content: string }[] {
  if (!/<[^>]*\sdata-search-record[\s>=]/.test(html)) return [{ url: path, content: html }];
  const records = findRecords(fromHtml(html));
  return records.map((el) => {
    const id = el.properties['id'];
    if (typeof id !== 'string' || !id) throw new SearchIndexError(`${file} 中有一个 data-search-record 元素没有 id`);
    return {
      url: `${path}#${id}`,
      content: `<!doctype html><html lang="zh-CN"><body><div data-pagefind-body>${toHtml(el)}</div></body></html>`,
    };
  });
}

const readFragment = (bytes: Uint8Array): Fragment => {
  const text = gunzipSync(bytes).toString('utf8');
  const json = text.startsWith('pagefind_dcd') ? text.slice('pagefind_dcd'.length) : text;
  return JSON.parse(json) as Fragment;
};

/** Pinyin readings (no tones, ü written v) of every Chinese character in `texts`. */
function pinyinTables(texts: string[]) {
  const chars = new Set<string>();
  for (const text of texts) for (const ch of text) if (isHan(ch)) chars.add(ch);
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

/** Pairs → postings, filled in record order so every list ascends. */
class Postings {
  readonly #lists = new Map<number, number[]>();

  add(pairs: Set<number>, title: Set<number>, record: number): void {
    // Each pair, and each first element as `[a, ANY]`, flagged when the title has it.
    const keys = new Map<number, boolean>();
    const put = (key: number, inTitle: boolean) => keys.set(key, (keys.get(key) ?? false) || inTitle);
    for (const [set, inTitle] of [
      [pairs, false],
      [title, true],
    ] as const)
      for (const key of set) {
        put(key, inTitle);
        put(Math.floor(key / SPAN) * SPAN + ANY, inTitle);
      }
    for (const [key, inTitle] of keys) {
      const posting = record * 2 + (inTitle ? 1 : 0);
      const list = this.#lists.get(key);
      if (list) list.push(posting);
      else this.#lists.set(key, [posting]);
    }
  }

  /** Writes the shards of `kind`, about `SHARD_BYTES` each; returns their number. */
  async write(dir: string, kind: PairKind): Promise<number> {
    const keys = [...this.#lists.keys()].sort((x, y) => x - y);
    let estimate = 0;
    for (const list of this.#lists.values()) estimate += 6 + list.length * 1.5;
    let shards = 1;
    while (shards < MAX_SHARDS && estimate / shards > SHARD_BYTES) shards *= 2;
    const byShard: { a: number; b: number; postings: number[] }[][] = Array.from({ length: shards }, () => []);
    for (const key of keys) {
      const a = Math.floor(key / SPAN);
      const b = key % SPAN;
      byShard[shardOf(a, b, shards)]!.push({ a, b, postings: this.#lists.get(key)! });
    }
    for (const [n, pairs] of byShard.entries()) await writeFile(join(dir, shardFile(kind, n)), encodeShard(pairs));
    this.#lists.clear();
    return shards;
  }
}

/** Aim for shards of about this many bytes: one request per term, small enough for a first query. */
const SHARD_BYTES = 8 * 1024;
const MAX_SHARDS = 4096;

/** Builds the search bundle into `<dir>/pagefind/`. */
export async function buildSearchIndex(dir: string, log: (msg: string) => void = () => {}): Promise<IndexStats> {
  const outputPath = join(dir, BUNDLE);
  await rm(outputPath, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: LANGUAGE });
  check('无法启动 Pagefind', errors);
  if (!index) throw new SearchIndexError('无法启动 Pagefind');
  const steps: Record<string, number> = {};
  let clock = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round(now - clock);
    clock = now;
  };
  let open = true;
  try {
    // 1. The pages, indexed by Pagefind as they are (their text, metadata and filters).
    const urls: string[] = [];
    for (const file of await htmlFiles(dir)) {
      const html = await readFile(file, 'utf8');
      if (!/<[^>]*\sdata-(pagefind-body|search-record)[\s>=]/.test(html)) continue;
      for (const doc of documentsOf(html, pagePath(dir, file), relative(dir, file))) {
        const added = await index.addHTMLFile(doc);
        check(`无法索引 ${relative(dir, file)}`, added.errors);
        urls.push(doc.url);
      }
    }
    if (urls.length === 0) throw new SearchIndexError('没有找到带 data-pagefind-body 的页面');
    step('pages');
    const written = await index.writeFiles({ outputPath });
    check('无法写入索引', written.errors);
    await pagefind.close();
    open = false;
    // Pagefind's own UIs are not used (the search page is ours); keep them off the kiosks.
    for (const ui of UNUSED) await rm(join(outputPath, ui), { force: true });
    step('pagefind');

    // 2. Pagefind's text of each page, read back from its fragments: the pairs are made from
    //    exactly that text, so the index and the check the browser makes can never disagree.
    const byUrl = new Map<string, { id: string; fragment: Fragment }>();
    const fragmentDir = join(outputPath, 'fragment');
    for (const name of await readdir(fragmentDir)) {
      const fragment = readFragment(await readFile(join(fragmentDir, name)));
      byUrl.set(fragment.url, { id: name.replace(/\.pf_fragment$/, ''), fragment });
    }
    const pages = urls.map((url) => {
      const found = byUrl.get(url);
      if (!found) throw new SearchIndexError(`Pagefind 没有收录 ${url}`);
      return found;
    });
    byUrl.clear();
    const manifest = buildManifest(pages);
    const order = manifest.order;
    step('read texts');

    const texts = order.map((i) => normalize(pages[i]!.fragment.content));
    const titles = order.map((i) => normalize(pages[i]!.fragment.meta['title'] ?? ''));
    const py = pinyinTables([...texts, ...titles]);
    const syllables = [...py.syllables].sort();
    if (syllables.length > 26 * 26 - 1) throw new SearchIndexError('拼音音节过多');
    const syllableNo = new Map(syllables.map((s, i) => [s, i]));
    const readingNo = new Map([...py.all].map(([ch, r]) => [ch, r.map((s) => syllableNo.get(s)!)]));
    const readings = (ch: string) => readingNo.get(ch) ?? [];
    step('pinyin tables');

    // 3. The pair index, record by record in manifest order.
    const chars = new Postings();
    const sounds = new Postings();
    for (const [record, text] of texts.entries()) {
      const title = titles[record]!;
      chars.add(textPairs(text), textPairs(title), record);
      sounds.add(textPinyinPairs(text, readings), textPinyinPairs(title, readings), record);
    }
    step('pairs');
    const shardDir = join(outputPath, SHARD_DIR);
    await mkdir(shardDir, { recursive: true });
    const shards = { c: await chars.write(shardDir, 'c'), p: await sounds.write(shardDir, 'p') };
    step('write pairs');

    // 4. The manifest and the pinyin data.
    const searchManifest: SearchManifest = { version: 2, shards, ...manifest.data };
    await writeFile(join(outputPath, 'zg-search.json'), JSON.stringify(searchManifest));
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
      terms: termsOf(pages.map((p) => p.fragment)),
    };
    await writeFile(join(outputPath, 'zg-pinyin.json'), JSON.stringify(pinyinData));

    step('manifest');
    const stats = await bundleSize(outputPath);
    log(`搜索索引：${pages.length} 条记录，${(stats.bytes / 1024).toFixed(0)} KB，${stats.files} 个文件`);
    return { records: pages.length, ...stats, steps };
  } finally {
    if (open) await pagefind.close();
  }
}

function buildManifest(pages: { id: string; fragment: Fragment }[]): {
  data: Omit<SearchManifest, 'version' | 'shards'>;
  /** Index into `pages` of each record, in manifest order. */
  order: number[];
} {
  const prefix = `${LANGUAGE}_`;
  const strip = (id: string, url: string) => {
    if (!id.startsWith(prefix)) throw new SearchIndexError(`找不到 ${url} 的索引片段`);
    return id.slice(prefix.length);
  };
  // Facet values: types in their fixed order, years newest first, the rest most used first.
  const counts = Object.fromEntries(FACETS.map((k) => [k, new Map<string, number>()])) as Record<
    FacetKey,
    Map<string, number>
  >;
  for (const { fragment: p } of pages)
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
    .map(({ fragment: p }, i) => ({ p, i }))
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
    const { id, fragment: p } = pages[i]!;
    return [strip(id, p.url), ...FACETS.map((k) => (p.filters[k] ?? []).map((v) => position[k].get(v)!))];
  });
  return { data: { prefix, facets, records }, order };
}

/** Named terms for initials search: tags, units, series, regions, hall and route names, quoted names. */
function termsOf(pages: Fragment[]): [string, string][] {
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

async function bundleSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}
