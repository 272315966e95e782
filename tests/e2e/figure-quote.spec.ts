/**
 * 原文: every figure card opens the passage its number comes from, with the source and date, by
 * keyboard, touch and screen reader; print shows it without opening. Numbers about a wider whole
 * (background figures) are shown apart and never as a case's key number or a single site's bar.
 */
import { expect, test, type Locator } from '@playwright/test';

const CASE = './cases/xinhuoshi/fangxiang-jiangxisuo/';

/** The number a card shows, as digits and words only ("15,744名" → "15744名"). */
const plain = (s: string) => s.replace(/[\s,]/g, '');

async function cards(page: import('@playwright/test').Page): Promise<Locator[]> {
  const all = page.locator('.card').filter({ has: page.locator('details') });
  await expect(all.first()).toBeVisible();
  return all.all();
}

test.describe('原文 on figure cards', () => {
  test('each card on a case page opens a passage that prints its number, with source and date', async ({
    page,
    isMobile,
  }) => {
    await page.goto(CASE);
    for (const card of await cards(page)) {
      const shown = plain((await card.locator('.value').getAttribute('title')) ?? '');
      const summary = card.getByRole('group').locator('summary');
      const passage = card.locator('blockquote');
      await expect(passage).toBeHidden();
      // The disclosure is named for screen readers by what it counts, not only "原文".
      await expect(summary).toHaveAccessibleName(/^原文：.+/);
      if (isMobile) await summary.tap();
      else {
        await summary.focus();
        await page.keyboard.press('Enter');
      }
      await expect(passage).toBeVisible();
      expect(plain((await passage.locator('p').textContent()) ?? '')).toContain(shown.replace(/^超/, ''));
      await expect(passage.locator('footer')).toContainText(/福州日报.*\d{4} 年/);
      await expect(card.getByRole('group')).toHaveAttribute('open', '');
    }
  });

  test('a second press closes it again', async ({ page }) => {
    await page.goto(CASE);
    const [card] = await cards(page);
    const summary = card!.locator('summary');
    await summary.click();
    await expect(card!.locator('blockquote')).toBeVisible();
    await summary.click();
    await expect(card!.locator('blockquote')).toBeHidden();
  });

  test('print shows every passage without opening anything', async ({ page }) => {
    await page.goto(CASE);
    await page.emulateMedia({ media: 'print' });
    for (const card of await cards(page)) {
      await expect(card.locator('blockquote')).toBeVisible();
      await expect(card.getByRole('group')).not.toHaveAttribute('open', '');
    }
  });
});

test.describe('background figures', () => {
  test('the home page figures band shows no background figure as a case’s key number', async ({ page }) => {
    await page.goto('./');
    const band = page.locator('section.figures');
    await expect(band.locator('.card').first()).toBeVisible();
    await expect(band.locator('.card.context')).toHaveCount(0);
  });

  test('a case page lists its background figures apart, labelled, each with its date', async ({ page }) => {
    await page.goto('./cases/xinhuoshi/jiceng-zhili-xingeju/');
    const heading = page.getByRole('heading', { name: '背景数字', level: 3 });
    await expect(heading).toBeVisible();
    const context = page.locator('.card.context');
    expect(await context.count()).toBeGreaterThan(0);
    for (const card of await context.all()) {
      await expect(card).toContainText('背景数字');
      await expect(card.locator('.meta')).toContainText(/截至 \d{4} 年/);
    }
  });

  test('/figures/: the network total is not a bar beside single sites', async ({ page }) => {
    await page.goto('./figures/');
    const totals = page.getByRole('region', { name: '整个网络累计接待' });
    await expect(totals).toContainText('3.1万多人次');
    await expect(totals).toContainText('背景数字');
    const bars = page.locator('#chart-visitors svg');
    await expect(bars).toBeVisible();
    await expect(bars).not.toContainText('3.1万多人次');
    // The chart's data table gives each bar its 原文.
    await page.locator('#chart-visitors summary').click();
    await expect(page.locator('#chart-visitors table')).toContainText('接待参观者1.8万人次');
  });
});
