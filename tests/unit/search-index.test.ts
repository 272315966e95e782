import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, indexedRecord, SearchIndexError } from '../../src/integrations/pagefind-index.ts';
import { readSearchCache, searchCacheFile, writeSearchCache } from '../../src/integrations/search-cache.ts';
import type { SearchManifest } from '../../src/search/manifest.ts';
import { decodeShard, SHARD_DIR, shardFile, shardOf } from '../../src/search/shards.ts';
import { ANY } from '../../src/search/tokens.ts';
import type { PinyinData } from '../../src/search/pinyin.ts';

import { tempSite as site, writeFiles } from './temp-files.ts';

const fields = (facets: [string, string][]) =>
  facets.map(([k, v]) => `<span hidden data-pagefind-filter="${k}[data-value]" data-value="${v}"></span>`).join('');
const page = (body: string) =>
  `<!doctype html><html lang="zh-CN"><body><nav>导航不进索引</nav><main>${body}</main><footer>页脚</footer></body></html>`;

/** Every file of the index built in `dir`, by its path in the index. */
const read = (dir: string) => {
  const bundle = join(dir, 'pagefind');
  return Object.fromEntries(
    readdirSync(bundle, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(bundle.length + 1), readFileSync(join(e.parentPath, e.name))]),
  );
};
/** The texts of the index's records, sorted. */
const texts = (dir: string) =>
  Object.entries(read(dir))
    .filter(([name]) => name.startsWith('fragment/'))
    .map(
      ([, bytes]) =>
        (
          JSON.parse(
            gunzipSync(bytes)
              .toString('utf8')
              .replace(/^pagefind_dcd/, ''),
          ) as { content: string }
        ).content,
    )
    .sort();

/** Two case pages, 案例甲 and 案例乙. */
const twoCases = () => ({
  'cases/a/index.html': page(
    `<article data-pagefind-body>${fields([['type', '案例']])}<h1>案例甲</h1><p>正文。</p></article>`,
  ),
  'cases/b/index.html': page(
    `<article data-pagefind-body>${fields([['type', '案例']])}<h1>案例乙</h1><p>正文。</p></article>`,
  ),
});

describe('search index built from the finished site', () => {
  it('indexes exhibit content and timeline milestones, with facets, pairs and chrome left out', async () => {
    const dir = site({
      'cases/a/index.html': page(
        `<article data-pagefind-body>${fields([
          ['type', '案例'],
          ['unit', '市委市直机关工委'],
          ['tag', '双拥'],
        ])}<h1>党建+双拥</h1><p>双拥工作。12345 热线。</p></article>`,
      ),
      'halls/b/index.html': page(
        `<article data-pagefind-body>${fields([['type', '展馆']])}<h1>坊巷讲习所</h1><p>三坊七巷。</p></article>`,
      ),
      'timeline/index.html': page(
        `<div data-pagefind-body><ol>
          <li id="m1" data-search-record>${fields([['type', '大事记']])}<h3 data-pagefind-meta="title">联盟成立</h3><p>双拥联盟成立。</p></li>
          <li id="m2" data-search-record>${fields([['type', '大事记']])}<h3 data-pagefind-meta="title">热线开通</h3><p>热线开通。</p></li>
        </ol></div>`,
      ),
      'units/index.html': page('<h1>单位名录</h1><p>没有 data-pagefind-body，不进索引。</p>'),
    });
    const stats = await buildSearchIndex(dir);
    expect(stats.records).toBe(4);
    const bundle = join(dir, 'pagefind');
    const manifest = JSON.parse(readFileSync(join(bundle, 'zg-search.json'), 'utf8')) as SearchManifest;
    expect(manifest.records).toHaveLength(4);
    expect(manifest.facets.type).toEqual(['案例', '展馆', '大事记']);
    expect(manifest.facets.tag).toEqual(['双拥']);

    // One fragment per record; each manifest row points at one.
    const fragments = readdirSync(join(bundle, 'fragment')).map((name) => {
      const text = gunzipSync(readFileSync(join(bundle, 'fragment', name))).toString('utf8');
      return {
        id: name.replace('.pf_fragment', ''),
        ...(JSON.parse(text.replace(/^pagefind_dcd/, '')) as { url: string; content: string }),
      };
    });
    expect(fragments.map((f) => f.url).sort()).toEqual(['/cases/a/', '/halls/b/', '/timeline/#m1', '/timeline/#m2']);
    for (const [pageId] of manifest.records) expect(fragments.map((f) => f.id)).toContain(manifest.prefix + pageId);
    for (const f of fragments) {
      expect(f.content).not.toContain('导航不进索引');
    }

    const pinyin = JSON.parse(readFileSync(join(bundle, 'zg-pinyin.json'), 'utf8')) as PinyinData;
    expect(pinyin.syllables).toEqual(expect.arrayContaining(['shuang', 'yong', 'fang', 'xiang']));
    expect(pinyin.terms).toContainEqual(['双拥', 'sy']);

    // The pair index: 双拥 finds the case (in its title) and the milestone (in its text), not the hall.
    const row = (url: string) =>
      manifest.records.findIndex(([id]) => fragments.find((f) => f.id === manifest.prefix + id)?.url === url);
    const list = (kind: 'c' | 'p', a: number, b: number) => [
      ...decodeShard(readFileSync(join(bundle, SHARD_DIR, shardFile(kind, shardOf(a, b, manifest.shards[kind])))))
        .get(a)!
        .get(b)!,
    ];
    const [shuang, yong, jiang] = [...'双拥讲'].map((c) => c.codePointAt(0)!);
    const postings = list('c', shuang!, yong!);
    expect(postings).toEqual([row('/cases/a/') * 2 + 1, row('/timeline/#m1') * 2].sort((a, b) => a - b));
    // …and so does its pinyin, shuang yong.
    const [s, y] = ['shuang', 'yong'].map((x) => pinyin.syllables.indexOf(x));
    expect(list('p', s!, y! + 1)).toEqual(postings);
    // A single character has a list of its own: 讲 is only in the hall's title.
    expect(list('c', jiang!, ANY)).toEqual([row('/halls/b/') * 2 + 1]);
    expect(pinyin.terms).toContainEqual(['坊巷讲习所', 'fxjxs']);
    // Only what the site's search loads is written (no Pagefind code, WebAssembly or word index).
    const names = readdirSync(bundle, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(bundle.length + 1));
    expect(
      names.filter(
        (n) => !/^(fragment\/zh-cn_[0-9a-f]{12}\.pf_fragment|zg-pairs\/[cp]\d+\.bin|zg-(search|pinyin)\.json)$/.test(n),
      ),
    ).toEqual([]);
    expect(existsSync(join(bundle, 'pagefind.js'))).toBe(false);
  });

  it('writes the same bytes for the same pages, and a changed record under a new name', async () => {
    const files = twoCases();
    const one = site(files);
    const two = site(files);
    await buildSearchIndex(one);
    await buildSearchIndex(two);
    // Built twice (the second time over an existing index): byte for byte the same.
    await buildSearchIndex(two);
    expect(read(two)).toEqual(read(one));
    const fragments = Object.entries(read(one)).filter(([n]) => n.startsWith('fragment/'));
    expect(fragments).toHaveLength(2);
    // gzip with no time stamp in its header (bytes 4–7).
    for (const [, bytes] of fragments) expect([...bytes.subarray(4, 8)]).toEqual([0, 0, 0, 0]);

    const changed = site({ ...files, 'cases/b/index.html': files['cases/b/index.html'].replace('正文', '新的正文') });
    await buildSearchIndex(changed);
    const names = (dir: string) => Object.keys(read(dir)).filter((n) => n.startsWith('fragment/'));
    expect(names(changed).filter((n) => names(one).includes(n))).toHaveLength(1);
  });

  it('links unchanged fragments from its store, never writes into a file a published copy shares, and leaves nothing of the last index behind', async () => {
    const files = twoCases();
    const cache = { cacheDir: site({}), root: process.cwd(), base: '/' };
    const plain = site(files);
    const cached = site(files);
    await buildSearchIndex(plain);
    await buildSearchIndex(cached, () => {}, cache);
    expect(read(cached)).toEqual(read(plain));
    const fragmentDir = join(cached, 'pagefind', 'fragment');
    const names = readdirSync(fragmentDir);
    // Each fragment is the store's file, linked.
    for (const name of names) expect(statSync(join(fragmentDir, name)).nlink).toBe(2);

    // A published copy that links the same files (the site published before), and a file the
    // last index had and this one will not.
    const published = site({});
    mkdirSync(join(published, 'fragment'));
    for (const name of names) linkSync(join(fragmentDir, name), join(published, 'fragment', name));
    const before = Object.fromEntries(names.map((n) => [n, readFileSync(join(published, 'fragment', n))]));
    writeFileSync(join(cached, 'pagefind', 'pagefind.js'), 'left over');

    // A stored fragment damaged (written into, so the output and the copy that link it change
    // too): the store's file is written again beside it, and the output links the new one.
    const store = join(
      cache.cacheDir,
      'zg-search',
      readdirSync(join(cache.cacheDir, 'zg-search')).find((n) => n.endsWith('-fragments'))!,
    );
    const damaged = names[0]!;
    writeFileSync(join(store, damaged), 'damaged');
    before[damaged] = Buffer.from('damaged');
    const edited = files['cases/b/index.html'].replace('正文', '新的正文');
    writeFiles(cached, { 'cases/b/index.html': edited });
    writeFiles(plain, { 'cases/b/index.html': edited });
    await buildSearchIndex(plain);
    await buildSearchIndex(cached, () => {}, cache);
    expect(read(cached)).toEqual(read(plain));
    expect(existsSync(join(cached, 'pagefind', 'pagefind.js'))).toBe(false);
    // The published copy kept its bytes: nothing was written into a file it shares.
    for (const name of names) expect(readFileSync(join(published, 'fragment', name))).toEqual(before[name]);
    // The store holds the fragments of this index only.
    expect(readdirSync(store).sort()).toEqual(readdirSync(fragmentDir).sort());
  });

  it('makes the pair index from the last one when pages come, go and change, byte for byte as from nothing, new pinyin syllables included', async () => {
    const caseWith = (title: string, text: string) =>
      page(`<article data-pagefind-body>${fields([['type', '案例']])}<h1>${title}</h1><p>${text}</p></article>`);
    const files: Record<string, string> = {
      ...twoCases(),
      'cases/c/index.html': caseWith('案例丙', '党建引领基层治理。'),
      'cases/d/index.html': caseWith('案例丁', '机关党建工作。'),
    };
    const cache = { cacheDir: site({}), root: process.cwd(), base: '/' };
    const plain = site(files);
    const cached = site(files);
    await buildSearchIndex(cached, () => {}, cache);
    expect(readSearchCache(cache).pairs?.ids).toHaveLength(4);
    const steps: [string, Record<string, string | null>][] = [
      // One page gone, one new, one changed, with syllables no page had (ng, m, mou).
      [
        'come, go and change',
        {
          'cases/a/index.html': null,
          'cases/e/index.html': caseWith('案例戊', '嗯，呣。新的案例。'),
          'cases/c/index.html': caseWith('案例丙', '党建引领基层治理，改过。'),
        },
      ],
      // The same syllables: only the new record's pinyin pairs are made.
      ['a title changed', { 'cases/d/index.html': caseWith('案例丁改', '机关党建工作。') }],
    ];
    for (const [name, change] of steps) {
      for (const dir of [plain, cached])
        for (const [path, text] of Object.entries(change)) {
          if (text === null) rmSync(join(dir, path));
          else writeFiles(dir, { [path]: text });
        }
      await buildSearchIndex(plain);
      await buildSearchIndex(cached, () => {}, cache);
      expect(read(cached), name).toEqual(read(plain));
    }
  });

  it('fails with a Chinese message when no page is marked for search', async () => {
    const dir = site({ 'index.html': page('<h1>首页</h1>') });
    await expect(buildSearchIndex(dir)).rejects.toThrow(SearchIndexError);
    await expect(buildSearchIndex(dir)).rejects.toThrow(/没有找到带 data-pagefind-body 的页面/);
  });

  it('fails naming the file when a milestone record has no id', async () => {
    const dir = site({ 'timeline/index.html': page('<div data-pagefind-body><p data-search-record>无编号</p></div>') });
    await expect(buildSearchIndex(dir)).rejects.toThrow(
      /timeline\/index\.html 中有一个 data-search-record 元素没有 id/,
    );
  });

  it('fails when two records have the same address', async () => {
    const dir = site({
      'timeline/index.html': page(
        '<div data-pagefind-body><p id="m1" data-search-record>甲</p><p id="m1" data-search-record>乙</p></div>',
      ),
    });
    await expect(buildSearchIndex(dir)).rejects.toThrow(/\/timeline\/#m1 出现了两次/);
  });

  it('takes an unchanged page from its cache, reads an edited one again, and sets a damaged cache aside in one line', async () => {
    const files = twoCases();
    const cache = { cacheDir: site({}), root: process.cwd(), base: '/' };
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const plain = site(files);
    const cached = site(files);
    await buildSearchIndex(plain);
    await buildSearchIndex(cached, log, cache);
    await buildSearchIndex(cached, log, cache);
    expect(read(cached)).toEqual(read(plain));

    // An entry whose page has the bytes it was made from is used as it is (here one changed on
    // purpose, with the cache's checksum made again): the page is not read again.
    const stored = readSearchCache(cache);
    expect(stored.problem).toBeUndefined();
    const entry = stored.pages.get(join('cases', 'a', 'index.html'))!;
    const record = { ...entry.records[0]!.record, content: '只在缓存里的文字' };
    stored.pages.set(join('cases', 'a', 'index.html'), { ...entry, records: [indexedRecord(record)] });
    writeSearchCache(cache, stored.pages);
    await buildSearchIndex(cached, log, cache);
    expect(texts(cached)).toContain('只在缓存里的文字');

    // An edited page is read again.
    writeFiles(cached, { 'cases/a/index.html': files['cases/a/index.html'].replace('正文', '新的正文') });
    writeFiles(plain, { 'cases/a/index.html': files['cases/a/index.html'].replace('正文', '新的正文') });
    await buildSearchIndex(plain);
    await buildSearchIndex(cached, log, cache);
    expect(texts(cached)).not.toContain('只在缓存里的文字');
    expect(read(cached)).toEqual(read(plain));
    expect(lines.filter((l) => l.includes('缓存'))).toEqual([]);

    // A cache file cut short or changed: one line, and the index made from the pages alone.
    const file = searchCacheFile(cache);
    for (const damage of [
      () => truncateSync(file, 100),
      () => {
        const bytes = readFileSync(file);
        bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 1, bytes.length - 10);
        writeFileSync(file, bytes);
      },
    ]) {
      await buildSearchIndex(cached, log, cache);
      damage();
      lines.length = 0;
      await buildSearchIndex(cached, log, cache);
      expect(lines.filter((l) => l.includes('缓存'))).toEqual([
        expect.stringMatching(/^搜索索引缓存不可用（缓存文件不完整或已改动），本次从全部页面重新生成索引。$/),
      ]);
      expect(read(cached)).toEqual(read(plain));
    }
  });
});
