/**
 * The incremental publishing build, run for real on a copy of the project: after staff edit a
 * case title, a tag, a unit's name, a series title and a source, and add a case and remove it, the build that reuses the page
 * cache publishes exactly the site a build without that cache publishes, byte for byte — so every
 * page that shows the changed thing was rendered again. A page cache that is damaged (a page
 * deleted or cut short, the manifest truncated) is noticed, said in one Chinese line, and the
 * site is built from nothing; a damaged cache of the search index is said in one line and the index
 * made from the pages.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesBelow, projectCopy, run, treeHash } from './publish-project.ts';

let root: string;
let published: string;
let cache: string;
let fresh = 0;
/** The published tree when the kept cache is known to hold the current site (else undefined). */
let current: Record<string, string> | undefined;
/** A case the tests add and then remove. */
const added = 'content/cases/fuzhou/zengshan-ceshi.md';

/** The publishing build into `published/` with the kept cache (or `cacheDir`); its log. */
async function publish(cacheDir = cache): Promise<string> {
  const result = await run('node', ['scripts/build.ts'], root, { PUBLISH_DIR: published, CACHE_DIR: cacheDir });
  expect(result.code, result.output.slice(-3000)).toBe(0);
  return result.output;
}

/** The published site built with no page cache (photos reused: they are not what is tested). */
async function publishFresh(): Promise<Record<string, string>> {
  const dir = join(root, `.cache-fresh-${++fresh}`);
  mkdirSync(dir, { recursive: true });
  if (existsSync(join(cache, 'assets'))) cpSync(join(cache, 'assets'), join(dir, 'assets'), { recursive: true });
  const log = await publish(dir);
  expect(log).not.toMatch(/\((cached|restored)\)/);
  rmSync(dir, { recursive: true, force: true });
  return treeHash(published);
}

const reused = (log: string) => (log.match(/\((cached|restored)\)/g) ?? []).length;
const edit = (path: string, from: string, to: string) => {
  const file = join(root, path);
  const text = readFileSync(file, 'utf8');
  expect(text, `${path} contains ${from}`).toContain(from);
  writeFileSync(file, text.replace(from, to));
};
/** Published case pages that contain `text`. */
const casePagesWith = (text: string) =>
  filesBelow(join(published, 'cases')).filter(
    (f) => f.endsWith('.html') && readFileSync(join(published, 'cases', f), 'utf8').includes(text),
  );

beforeAll(async () => {
  root = projectCopy('real');
  published = join(root, 'published');
  cache = join(root, '.cache-kept');
  // The collection as built before: every page rendered once and cached.
  const first = await publish();
  expect(reused(first)).toBe(0);
}, 900_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the incremental publishing build', () => {
  it('reuses every case, tag, unit and booklet page when nothing changed; a damaged search-index cache is said in one line and set aside', async () => {
    const before = treeHash(published);
    // The search index's cache cut short (src/integrations/search-cache.ts).
    const folder = join(cache, 'zg-search');
    const files = readdirSync(folder).filter((name) => name.endsWith('.bin'));
    expect(files).toHaveLength(1);
    for (const file of files) truncateSync(join(folder, file), 100);
    const log = await publish();
    expect(log.split('\n').filter((line) => line.includes('搜索索引缓存不可用'))).toHaveLength(1);
    expect(treeHash(published)).toEqual(before);
    const pages = (section: string) =>
      filesBelow(join(published, section)).filter((f) => f.split('/').length > 1 && f.endsWith('index.html'));
    const reusedIn = (section: string) =>
      log.split('\n').filter((l) => l.includes(` /${section}/`) && /\((cached|restored)\)/.test(l)).length;
    for (const section of ['cases', 'tags', 'units', 'print']) {
      const keyed = pages(section).filter((f) => f !== 'index.html');
      expect(keyed.length, section).toBeGreaterThan(0);
      expect(reusedIn(section), section).toBe(keyed.length);
    }
  }, 900_000);

  it('after a case title and a tag change, publishes what a build without cache publishes', async () => {
    edit(
      'content/cases/xinhuoshi/dangjian-shuangyong.mdx',
      'title: 探索推行全国首个“党建+双拥”工作机制',
      'title: 全国首个“党建+双拥”工作机制改名测试',
    );
    edit('content/cases/fuzhou/ganbu-yexiao.md', '智慧党建]', '智慧党建改名测试]');
    // A case added (removed again by the next test).
    writeFileSync(
      join(root, added),
      readFileSync(join(root, 'content/cases/fuzhou/ganbu-yexiao.md'), 'utf8')
        .replace(/^title: .*$/m, 'title: 增删测试用的案例')
        .replace(/^order: .*$/m, 'order: 99'),
    );
    const log = await publish();
    // Some pages came from the cache, some were rendered again. Those kept were already in the
    // folder the build started from (the site published before: kept-output.ts), not copied.
    expect(reused(log)).toBeGreaterThan(0);
    expect(log).toMatch(/\(cached\)/);
    const incremental = treeHash(published);
    // The new title shows on its own page and on the pages that list it as related.
    expect(casePagesWith('全国首个“党建+双拥”工作机制改名测试').length).toBeGreaterThan(1);
    expect(casePagesWith('智慧党建改名测试').length).toBeGreaterThan(0);
    expect(casePagesWith('增删测试用的案例').length).toBeGreaterThan(0);
    expect(incremental).toEqual(await publishFresh());
  }, 1_200_000);

  it('after a unit name, a series title and a source change, publishes what a build without cache publishes', async () => {
    edit(
      'content/units.yaml',
      '  name: 中共福州市委市直机关工委\n  short: 市委市直机关工委\n  aliases: [福州市委市直机关工委, 工委]',
      '  name: 中共福州市委市直机关工作委员会\n  short: 福州市直机关工委\n  aliases: [福州市委市直机关工委, 工委, 市委市直机关工委]',
    );
    edit('content/series.yaml', 'name: “新、活、实”十佳案例', 'name: “新、活、实”十佳案例改名测试');
    edit(
      'content/sources.yaml',
      '更新 更活 更实——福州市新时代机关党建“新、活、实”十佳案例集萃',
      '更新 更活 更实——十佳案例集萃改名测试',
    );
    // The case added by the test before removed: its page and every link to it go.
    rmSync(join(root, added));
    await publish();
    const incremental = treeHash(published);
    for (const text of ['福州市直机关工委', '十佳案例改名测试', '十佳案例集萃改名测试'])
      expect(casePagesWith(text).length, text).toBeGreaterThan(1);
    expect(casePagesWith('增删测试用的案例')).toEqual([]);
    expect(existsSync(join(published, 'cases/fuzhou/zengshan-ceshi'))).toBe(false);
    expect(incremental).toEqual(await publishFresh());
    current = incremental;
  }, 1_200_000);
});

describe('a damaged page cache', () => {
  it.each([
    ['a cached page deleted', (pages: string) => rmSync(join(pages, 'cases/xinhuoshi/wangge-zhili/index.html'))],
    [
      'a cached page cut short',
      (pages: string) => truncateSync(join(pages, 'cases/xinhuoshi/wangge-zhili/index.html'), 200),
    ],
    ['the cache manifest truncated', () => truncateSync(join(cache, 'incremental-build.json'), 100)],
  ])(
    '%s: noticed, said in one Chinese line, and the site built from nothing',
    async (_name, damage) => {
      // A good cache first, holding the current site (the test before left one, when run in order).
      if (!current) await publish();
      const good = current ?? treeHash(published);
      current = undefined;
      damage(join(cache, 'dist'));
      const log = await publish();
      const notes = log.split('\n').filter((line) => line.includes('页面缓存不可用'));
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatch(/已清除，本次从头生成全部页面。$/);
      expect(reused(log)).toBe(0);
      expect(treeHash(published)).toEqual(good);
      current = good;
    },
    600_000,
  );
});
