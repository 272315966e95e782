import { expect, test } from '@playwright/test';
import { publishedCases } from '../content.ts';
import { subpath } from '../site.ts';
import { search } from './search-helpers.ts';

const WORD = '双拥';
/** Cases whose title holds the word (from content/, so staff edits cannot break the test): they rank first. */
const titled = publishedCases()
  .filter((c) => String(c.data['title']).includes(WORD))
  .map((c) => `${subpath}cases/${c.slug}/`);

test('search works under a sub-path: index, result links and pinyin', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  const results = await search(page, `q=${encodeURIComponent(WORD)}`);
  expect(results.length).toBeGreaterThan(0);
  for (const { href } of results) expect(href.startsWith(subpath), href).toBe(true);
  expect(titled).toContain(results[0]?.href);
  expect((await search(page, 'q=shuangyong')).map((r) => r.href)).toContain(results[0]?.href);
  await page.locator('[data-hits] a').first().click();
  await expect(page).toHaveURL(new RegExp(`${results[0]?.href ?? ''}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(WORD);
  expect(failed).toEqual([]);
});
