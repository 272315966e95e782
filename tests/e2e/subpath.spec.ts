import { expect, test } from '@playwright/test';

import { subpath } from '../site.ts';

test('under a sub-path every page, link, style and asset resolves', async ({ page, request }) => {
  // Crawls the whole site: allow for a slow machine.
  test.setTimeout(180_000);
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: '福州机关党建数字展馆' })).toBeVisible();
  // Styles applied: the header has its red background.
  const bg = await page
    .locator('header')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).not.toBe('rgba(0, 0, 0, 0)');

  // Crawl every internal link reachable from home and the section pages.
  const seen = new Set<string>();
  const queue = [`${subpath}`];
  while (queue.length > 0 && seen.size < 2000) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await request.get(path);
    expect(res.status(), `${path} answers`).toBe(200);
    if (!(res.headers()['content-type'] ?? '').includes('text/html')) continue;
    const html = await res.text();
    for (const [, href] of html.matchAll(/(?:href|src)="([^"#?]+)[^"]*"/g)) {
      if (!href || /^[a-z]+:/i.test(href) || href.startsWith('//')) continue;
      expect(href.startsWith(subpath), `${path} links to ${href} outside ${subpath}`).toBe(true);
      if (!seen.has(href)) queue.push(href);
    }
  }
  expect(seen.size).toBeGreaterThan(15);
  await page.getByRole('link', { name: '进入展厅' }).click();
  await expect(page).toHaveURL(new RegExp(`${subpath}cases/$`));
  expect(failed).toEqual([]);
});
