import { expect, test } from '@playwright/test';
import { subpath } from '../site.ts';
import { search } from './search-helpers.ts';

test('search works under a sub-path: index, result links and pinyin', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  const results = await search(page, `q=${encodeURIComponent('双拥')}`);
  expect(results.length).toBeGreaterThan(0);
  for (const { href } of results) expect(href.startsWith(subpath), href).toBe(true);
  expect(results[0]?.href).toBe(`${subpath}cases/xinhuoshi/dangjian-shuangyong/`);
  expect((await search(page, 'q=shuangyong')).map((r) => r.href)).toContain(results[0]?.href);
  await page.locator('[data-hits] a').first().click();
  await expect(page).toHaveURL(new RegExp(`${subpath}cases/xinhuoshi/dangjian-shuangyong/$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('党建+双拥');
  expect(failed).toEqual([]);
});
