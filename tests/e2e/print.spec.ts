import { expect, test } from '@playwright/test';
import { readEntries } from '../content.ts';

const topTen = readEntries()
  .filter((e) => e.collection === 'cases' && e.data['series'] === 'xinhuoshi-2024' && e.data['draft'] !== true)
  .sort((a, b) => Number(a.data['order']) - Number(b.data['order']));

test.describe('printable 案例汇编', () => {
  test.beforeEach(() => {
    test.skip(test.info().project.name !== 'desktop', 'printing is checked once');
  });

  test('has a cover, a table of contents and every case of the series with its sources', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('link', { name: '案例汇编（可打印）' }).click();
    await expect(page).toHaveURL(/\/print\/xinhuoshi-2024\/$/);
    await expect(page.getByRole('heading', { level: 1, name: '“新、活、实”十佳案例' })).toBeVisible();
    const toc = page.getByRole('navigation', { name: '目录' });
    await expect(toc.getByRole('link')).toHaveCount(topTen.length);
    for (const [i, entry] of topTen.entries()) {
      const article = page.getByRole('article', { name: String(entry.data['title']) });
      await expect(article).toBeAttached();
      await expect(toc.getByRole('link').nth(i)).toContainText(String(entry.data['title']));
      await expect(article.getByRole('region', { name: '资料来源' }).getByRole('listitem').first()).toContainText(
        '日报',
      );
    }
    // The MDX case prints its components too.
    await expect(
      page.getByRole('article', { name: /党建\+双拥/ }).getByRole('complementary', { name: '获评与推广' }),
    ).toBeAttached();
    await expect(page.getByRole('button', { name: '打印 / 存为 PDF' })).toBeVisible();
  });

  test('prints to A4 pages without the site chrome: cover first, each case on a new page', async ({ page }) => {
    await page.goto('./print/xinhuoshi-2024/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    await expect(page.getByRole('button', { name: '打印 / 存为 PDF' })).toBeHidden();
    const breaks = await page
      .locator('article.case')
      .evaluateAll((els) => els.map((e) => getComputedStyle(e).breakAfter));
    expect(breaks.every((b) => b === 'page')).toBe(true);

    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    // Cover, contents, at least one page per case, the list of sources.
    expect(pages.length).toBeGreaterThanOrEqual(topTen.length + 3);
    expect(pages.length).toBeLessThanOrEqual(topTen.length * 3);
    const size = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
    expect(Math.round(Number(size?.[1]))).toBe(595);
    expect(Math.round(Number(size?.[2]))).toBe(842);
  });

  test('every page prints without navigation, and a case keeps its sources', async ({ page }) => {
    await page.goto('./cases/xinhuoshi/fangxiang-jiangxisuo/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    await expect(page.getByRole('button', { name: '长者模式' })).toBeHidden();
    await expect(page.getByRole('region', { name: '资料来源' })).toBeVisible();
    await expect(page.getByRole('region', { name: '关键数字' })).toBeVisible();
    // Printed in light colours even when the screen is dark.
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
      'rgb(255, 255, 255)',
    );
  });
});
