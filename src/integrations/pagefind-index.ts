/**
 * Builds the search index of a built site with Pagefind's Node API (see src/search/tokens.ts for
 * why each page gets a second, hidden record of character tokens).
 *
 * 1. Every built page with `data-pagefind-body` is added as it is. An element marked
 *    `data-search-record` (a milestone on the timeline) becomes a record of its own, at
 *    `page/#id`.
 * 2. Pagefind's own extracted text of each record is read back from the in-memory bundle; the
 *    character and pinyin tokens are made from exactly that text, so the index and the check the
 *    browser makes against that text can never disagree.
 * 3. One token record per page is added (title tokens in an <h1>, so title matches rank first),
 *    the bundle is written, and the token records' fragments are removed again: the browser
 *    never loads them, it maps token results to pages with the manifest.
 * 4. `zg-search.json` (records and facet values) and `zg-pinyin.json` (pinyin data) are written
 *    next to Pagefind's files.
 *
 * Any error from Pagefind throws, so the build fails and the published site stays as it was.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
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
import { syllableCode, textPinyinTokens, textTokens } from '../search/tokens.ts';

/** Where the browser finds the bundle, relative to the site root. */
export const BUNDLE = 'pagefind';
const TOKEN_URL = '/_zg-tokens/';
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

/** Pinyin readings of the site's characters, numbered syllables, and a reader for runs of text. */
function pinyinTables(texts: string[]) {
  const chars = new Set<string>();
  for (const text of texts) for (const ch of text) if (isHan(ch)) chars.add(ch);
  const all = new Map<string, string[]>();
  const syllables = new Set<string>();
  const valid = (s: string) => /^[a-z]+$/.test(s);
  for (const ch of chars) {
    const readings = (pinyin(ch, { multiple: true, type: 'array', toneType: 'none', v: true }) as string[]).filter(
      valid,
    );
    all.set(ch, readings);
    readings.forEach((s) => syllables.add(s));
  }
  // Readings in context (重庆 chong, 银行 hang) may be absent from the single-character lists.
  const context = new Map<string, string[]>();
  const readRun = (run: string) => {
    let r = context.get(run);
    if (!r) {
      r = pinyin(run, { type: 'array', toneType: 'none', v: true }) as string[];
      if (r.length !== [...run].length) r = [...run].map((ch) => all.get(ch)?.[0] ?? '');
      context.set(run, r);
      r.filter(valid).forEach((s) => syllables.add(s));
    }
    return r;
  };
  return { chars, all, syllables, readRun, valid };
}

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
  try {
    // 1. The pages.
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
    // 2. Pagefind's text of each page.
    const bundle = await index.getFiles();
    check('无法生成索引', bundle.errors);
    const byUrl = new Map<string, Fragment>();
    for (const f of bundle.files)
      if (f.path.startsWith('fragment/')) {
        const fragment = readFragment(f.content);
        byUrl.set(fragment.url, fragment);
      }
    const pages = urls.map((url) => {
      const fragment = byUrl.get(url);
      if (!fragment) throw new SearchIndexError(`Pagefind 没有收录 ${url}`);
      return fragment;
    });
    step('read texts');
    const texts = pages.map((p) => normalize(p.content));
    const py = pinyinTables(texts);
    const syllables = [...py.syllables].sort();
    if (syllables.length > 26 * 26 - 1) throw new SearchIndexError('拼音音节过多');
    const syllableNo = new Map(syllables.map((s, i) => [s, i]));
    const readings = (run: string) => py.readRun(run).map((s) => (py.valid(s) ? syllableNo.get(s) : undefined));

    step('pinyin tables');
    // 3. One token record per page.
    for (const [i, page] of pages.entries()) {
      const text = texts[i]!;
      const title = normalize(page.meta['title'] ?? '');
      const titleTokens = [...textTokens(title), ...textPinyinTokens(title, readings)];
      const body = [...textTokens(text), ...textPinyinTokens(text, readings)];
      const added = await index.addHTMLFile({
        url: `${TOKEN_URL}${i}/`,
        content: `<!doctype html><html lang="zh-CN"><body data-pagefind-body><h1>${titleTokens.join(' ')}</h1><p>${body.join(' ')}</p></body></html>`,
      });
      check(`无法索引 ${page.url} 的检索词`, added.errors);
    }
    step('token records');
    const written = await index.writeFiles({ outputPath });
    check('无法写入索引', written.errors);
    // Pagefind's own UIs are not used (the search page is ours); keep them off the kiosks.
    for (const ui of UNUSED) await rm(join(outputPath, ui), { force: true });

    step('write bundle');
    // 4. Map records to fragment ids, drop the token fragments, write the manifest.
    const ids = new Map<string, string>();
    const fragmentDir = join(outputPath, 'fragment');
    for (const name of await readdir(fragmentDir)) {
      const path = join(fragmentDir, name);
      const { url } = readFragment(await readFile(path));
      ids.set(url, name.replace(/\.pf_fragment$/, ''));
      if (url.startsWith(TOKEN_URL)) await rm(path);
    }
    const manifest = buildManifest(
      pages,
      (i) => ids.get(`${TOKEN_URL}${i}/`),
      (url) => ids.get(url),
    );
    await writeFile(join(outputPath, 'zg-search.json'), JSON.stringify(manifest));

    const chars = [...py.chars].sort();
    const pinyinData: PinyinData = {
      syllables,
      chars: chars.join(''),
      readings: chars.map((ch) =>
        (py.all.get(ch) ?? [])
          .map((s) => syllableNo.get(s))
          .filter((n) => n !== undefined)
          .map(syllableCode)
          .join(''),
      ),
      terms: termsOf(pages),
    };
    await writeFile(join(outputPath, 'zg-pinyin.json'), JSON.stringify(pinyinData));

    step('manifest');
    const stats = await bundleSize(outputPath);
    log(`搜索索引：${pages.length} 条记录，${(stats.bytes / 1024).toFixed(0)} KB，${stats.files} 个文件`);
    return { records: pages.length, ...stats, steps };
  } finally {
    await pagefind.close();
  }
}

function buildManifest(
  pages: Fragment[],
  tokenId: (i: number) => string | undefined,
  pageId: (url: string) => string | undefined,
): SearchManifest {
  const prefix = `${LANGUAGE}_`;
  const strip = (id: string | undefined, what: string) => {
    if (!id?.startsWith(prefix)) throw new SearchIndexError(`找不到 ${what} 的索引片段`);
    return id.slice(prefix.length);
  };
  // Facet values: types in their fixed order, years newest first, the rest most used first.
  const counts = Object.fromEntries(FACETS.map((k) => [k, new Map<string, number>()])) as Record<
    FacetKey,
    Map<string, number>
  >;
  for (const p of pages)
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

  const order = pages
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        TYPE_ORDER.indexOf(a.p.filters['type']?.[0] ?? '') - TYPE_ORDER.indexOf(b.p.filters['type']?.[0] ?? '') ||
        (b.p.meta['date'] ?? b.p.filters['year']?.[0] ?? '').localeCompare(
          a.p.meta['date'] ?? a.p.filters['year']?.[0] ?? '',
        ) ||
        (a.p.meta['title'] ?? '').localeCompare(b.p.meta['title'] ?? '', 'zh-CN'),
    );
  const records = order.map(({ p, i }): SearchRecordRow => [
    strip(pageId(p.url), p.url),
    strip(tokenId(i), p.url),
    ...FACETS.map((k) => (p.filters[k] ?? []).map((v) => facets[k].indexOf(v))),
  ]);
  return { version: 1, prefix, facets, records };
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
