import { expect, test, type Page } from '@playwright/test';
import { caseTitle } from '../content.ts';

/** The page does not scroll sideways: nothing sticks out of a 390 px phone screen. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'page is wider than the screen').toBeLessThanOrEqual(0);
}

test.describe('every page type renders with real content', () => {
  test('home is an exhibition entrance with the four sections', async ({ page }) => {
    await page.goto('./');
    await expect(page).toHaveTitle(/福州机关党建数字展馆/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '福州机关党建数字展馆' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const name of ['案例', '政治生活馆', '红色航线', '大事记', '单位']) {
      await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
    }
    const sections = page.getByRole('region', { name: '展厅导览' });
    await expect(sections.getByRole('link')).toHaveCount(4);
    await expectNoSidewaysScroll(page);
  });

  test('case index leads to a case page with unit, year, figures, honours and sources', async ({ page }) => {
    await page.goto('./cases/');
    await expect(page.getByRole('heading', { level: 1, name: '案例展厅' })).toBeVisible();
    // The case's title as content/ has it now (staff correct titles).
    const title = caseTitle('xinhuoshi/fangxiang-jiangxisuo');
    await page.getByRole('link', { name: title }).first().click();
    await expect(page).toHaveURL(/\/cases\/xinhuoshi\/fangxiang-jiangxisuo\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const meta = page.locator('dl');
    await expect(meta.getByRole('link', { name: '市纪委监委' })).toBeVisible();
    await expect(meta).toContainText('2024');
    const figures = page.getByRole('region', { name: '关键数字' });
    await expect(figures).toContainText('410余场次');
    await expect(figures).toContainText('截至 2024 年');
    await expect(figures).toContainText('来源：福州日报');
    await expect(page.getByRole('region', { name: '所获荣誉' })).toContainText('省直机关廉政教育点');
    await expect(page.getByRole('region', { name: '资料来源' }).getByRole('listitem').first()).toContainText(
      '福州日报',
    );
    await expectNoSidewaysScroll(page);
  });

  test('hall page lists its zones in order', async ({ page }) => {
    await page.goto('./halls/');
    await expect(page.getByRole('heading', { level: 1, name: '党员政治生活馆' })).toBeVisible();
    await page.getByRole('link', { name: '坊巷讲习所', exact: true }).click();
    const zones = page.getByRole('region', { name: '展区' }).getByRole('heading', { level: 3 });
    await expect(zones).toHaveText(['总览', '论述', '抢救', '夯基', '精进', '活化', '护航', '新篇']);
    await expectNoSidewaysScroll(page);
  });

  test('route page shows the stops in travel order', async ({ page }) => {
    await page.goto('./routes/');
    await page.getByRole('link', { name: '闽江红色航线' }).first().click();
    const stops = page.getByRole('region', { name: /^航程/ }).getByRole('heading', { level: 3 });
    await expect(stops.first()).toHaveText('台江码头');
    await expect(stops.last()).toHaveText('永泰兔儿山省委旧址');
    await expect(page.locator('dl')).toContainText('去程 49 公里');
    await expectNoSidewaysScroll(page);
  });

  test('timeline lists dated milestones and links to their entries', async ({ page }) => {
    await page.goto('./timeline/');
    const first = page.locator('ol li time').first();
    await expect(first).toHaveText(/^\d{4} 年/);
    await expect(page.getByRole('heading', { name: '坊巷讲习所在三坊七巷谢家祠揭牌' })).toBeVisible();
    await page.locator('[id="2023-fangxiang-jiepai"]').getByRole('link', { name: '查看相关展项' }).click();
    await expect(page).toHaveURL(/\/halls\/fangxiang-jiangxisuo\/$/);
  });

  test('unit index and unit page show the unit’s cases and halls', async ({ page }) => {
    await page.goto('./units/');
    await page.getByRole('link', { name: '市纪委监委', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('市纪委监委');
    await expect(page.getByRole('link', { name: '“坊巷讲习所”的探索与实践' })).toBeVisible();
    await expect(page.getByRole('link', { name: '坊巷讲习所', exact: true })).toBeVisible();
    await expectNoSidewaysScroll(page);
  });

  test('tag pages gather entries by topic', async ({ page }) => {
    await page.goto('./cases/xinhuoshi/fangxiang-jiangxisuo/');
    await page.getByRole('list', { name: '标签' }).getByRole('link', { name: '#三坊七巷' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('#三坊七巷');
    await expect(page.getByRole('link', { name: '“坊巷讲习所”的探索与实践' })).toBeVisible();
  });

  test('sources page lists every source with the pages that cite it', async ({ page }) => {
    await page.goto('./sources/');
    const item = page.locator('#fzrb-2024-shijia');
    await expect(item).toContainText('福州日报');
    await expect(item.getByRole('link', { name: '“坊巷讲习所”的探索与实践' })).toBeVisible();
  });

  test('an unknown address shows the Chinese 404 page', async ({ page }) => {
    const response = await page.goto('./no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('没有找到这个页面');
    await expect(page.getByRole('link', { name: '案例展厅' })).toBeVisible();
  });
});
