/**
 * The search is exact: for queries drawn from the real content, the search page (the real index, in
 * Chromium, on the built site) lists every page whose indexed text contains the query, and no page
 * that only has the query's characters apart ranks above one that has the query.
 * Ground truth is a plain substring scan over the text the index stored for each page.
 */
import { expect, test } from '@playwright/test';
import { normalize } from '../../src/search/normalize.ts';
import { distDir } from '../site.ts';
import { indexedPages, search, type IndexedPage } from './search-helpers.ts';

/** Words, names and numbers printed in the exhibition, 2 to 8 characters, digits included. */
const QUERIES = [
  '双拥',
  '六个一',
  '坊巷',
  '网格',
  '12345',
  '138',
  '3820',
  '3.0',
  '三坊七巷',
  '讲习所',
  '新思想宣讲队',
  '纪检监察干部',
  '谢家祠',
  '结对共建',
  '法律监督',
  '十百千万',
  '五星达标党支部',
  '木兰溪',
  '羽毛球',
  '邻里中心',
  '后黄村',
  '一馆五站',
  '侨房',
  '西天尾镇',
  '政治生活馆',
  '数字福建',
  '便民热线',
  '红色航线',
  '闽江',
  '三三制',
  '遍访问计',
  '干部夜校',
  '乡村振兴',
  '鉴江',
  '供电所',
  '1000平方米',
  '6800',
  '70余名',
  '2024年',
  '1.8万人次',
  '党建+',
  '检察院',
  '湄洲日报',
  '410余场次',
  '两张皮',
  '同频共振',
  '138机制',
  '12345热线',
];

/** Pages whose indexed text contains `q` (both sides normalised the same way). */
const containing = (pages: IndexedPage[], q: string) =>
  new Set(pages.filter((p) => normalize(p.text).includes(normalize(q))).map((p) => p.url));

/** Deterministic pseudo-random numbers, so a failure can be reproduced. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

/** `n` substrings of 2–8 characters of the indexed texts, within runs of letters, digits and a few signs. */
function sample(pages: IndexedPage[], n: number): string[] {
  const next = random(20240527);
  const out = new Set<string>();
  while (out.size < n) {
    const page = pages[Math.floor(next() * pages.length)]!;
    const chars = [...page.text];
    const len = 2 + Math.floor(next() * 7);
    const at = Math.floor(next() * Math.max(1, chars.length - len));
    const q = chars.slice(at, at + len).join('');
    if (/^[\p{L}\p{N}+.%“”、·]+$/u.test(q) && normalize(q).length >= 2) out.add(q);
  }
  return [...out];
}

test.describe('exact Chinese search over the real content', () => {
  test.describe.configure({ mode: 'parallel' });

  let pages: IndexedPage[] = [];
  test.beforeAll(({}, info) => {
    // One screen size is enough: the engine is the same on every one.
    test.skip(info.project.name !== 'desktop');
    pages = indexedPages(distDir);
    expect(pages.length).toBeGreaterThan(40);
  });

  const check = async (page: import('@playwright/test').Page, q: string) => {
    const truth = containing(pages, q);
    expect(truth.size, `“${q}” occurs in the content`).toBeGreaterThan(0);
    const found = (await search(page, `q=${encodeURIComponent(q)}`)).map((r) => r.href);
    // Every listed result contains the query, so nothing with the characters apart ranks above it …
    for (const url of found) expect(truth.has(url), `“${q}”: ${url} is listed but does not contain it`).toBe(true);
    // … and no page that contains it is missing.
    for (const url of truth) expect(found, `“${q}”: ${url} contains it but is missing`).toContain(url);
    expect(new Set(found).size).toBe(found.length);
  };

  test(`${QUERIES.length} words and numbers from the content find exactly the pages that contain them`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    expect(QUERIES.length).toBeGreaterThanOrEqual(40);
    for (const q of QUERIES) await check(page, q);
  });

  test('40 strings sampled from the indexed text find exactly the pages that contain them', async ({ page }) => {
    test.setTimeout(180_000);
    const queries = sample(pages, 40);
    expect(queries.some((q) => /\d/.test(q))).toBe(true);
    for (const q of queries) await check(page, q);
  });

  test('a query whose characters only occur apart lists those pages below, as not containing it', async ({ page }) => {
    // “党建双拥” is never printed; pages write “党建+双拥”.
    expect(containing(pages, '党建双拥').size).toBe(0);
    expect(await search(page, `q=${encodeURIComponent('党建双拥')}`)).toEqual([]);
    const related = page.locator('[data-related]');
    await expect(related).toContainText('没有连在一起');
    await expect(related.getByRole('link', { name: '探索推行全国首个“党建+双拥”工作机制' })).toBeVisible();
    // Pages with 党建+双拥 in the title come before the rest.
    const titles = await related.getByRole('link').allTextContents();
    const lastClose = titles.findLastIndex((t) => t.includes('党建+双拥'));
    expect(titles.slice(0, lastClose + 1).every((t) => t.includes('党建+双拥'))).toBe(true);
  });
});
