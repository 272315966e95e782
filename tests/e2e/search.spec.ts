import { expect, test, type Page } from '@playwright/test';
import { publishedCases, unitNames } from '../content.ts';
import { search, settled, showAll } from './search-helpers.ts';

/** Phones fold the filters away under “筛选”. */
async function openFilters(page: Page) {
  const details = page.locator('zg-search details');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await expect(page.locator('[data-facets]')).toBeVisible();
}

/**
 * The query word and what it must find, read from content/ when the test runs, so staff adding
 * cases or correcting a title or summary cannot break the test: cases whose title holds the word
 * rank first.
 */
const WORD = '双拥';
const titled = publishedCases().filter((c) => String(c.data['title']).includes(WORD));
const TITLED_URLS = titled.map((c) => `/cases/${c.slug}/`);
const isTitledCase = (href: string | undefined) => TITLED_URLS.includes(href ?? '');

test.describe('search page', () => {
  test('双拥 lists a case with the word in its title first, with type, unit, year and the word highlighted', async ({
    page,
  }) => {
    expect(titled.length, `content/cases has a published case with ${WORD} in its title`).toBeGreaterThan(0);
    const results = await search(page, `q=${encodeURIComponent(WORD)}`);
    expect(isTitledCase(results[0]?.href), `first result ${results[0]?.href}`).toBe(true);
    const entry = titled.find((c) => `/cases/${c.slug}/` === results[0]?.href);
    const title = String(entry?.data['title']);
    const status = page.getByRole('status');
    await expect(status).toHaveText(`找到 ${results.length} 条包含“${WORD}”的内容`);
    const first = page.locator('[data-hits] > li').first();
    await expect(first.getByRole('heading', { level: 2 })).toHaveText(title);
    await expect(first.locator('.type')).toHaveText('案例');
    const meta = (await first.locator('.meta').textContent()) ?? '';
    expect(meta).toContain(`${String(entry?.data['year'])} 年`);
    expect(
      unitNames(String(entry?.data['unit'])).some((name) => meta.includes(name)),
      meta,
    ).toBe(true);
    await expect(first.locator('.excerpt mark').first()).toHaveText(WORD);
    // The result opens the case.
    await first.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`${results[0]?.href ?? ''}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });

  test('full pinyin and initials find the same case as the Chinese', async ({ page }) => {
    const chinese = (await search(page, `q=${encodeURIComponent(WORD)}`)).map((r) => r.href);
    const full = (await search(page, 'q=shuangyong')).map((r) => r.href);
    expect(isTitledCase(full[0]), `first result ${full[0]}`).toBe(true);
    expect(new Set(full)).toEqual(new Set(chinese));
    await expect(page.locator('[data-pinyin]')).toContainText('按拼音匹配：双拥');
    await expect(page.locator('[data-hits] > li').first().locator('mark').first()).toHaveText('双拥');

    const initials = (await search(page, 'q=sy')).map((r) => r.href);
    expect(isTitledCase(initials[0]), `first result ${initials[0]}`).toBe(true);
    for (const href of chinese) expect(initials).toContain(href);

    const fangxiang = await search(page, 'q=fangxiang');
    const fangxiangChinese = await search(page, `q=${encodeURIComponent('坊巷')}`);
    for (const r of fangxiangChinese) expect(fangxiang.map((f) => f.href)).toContain(r.href);
    expect(fangxiang[0]?.title).toContain('坊巷');
  });

  test('a unit filter narrows the list, the URL keeps it, reload and Back work', async ({ page }) => {
    const all = await search(page, `q=${encodeURIComponent('机制')}`);
    expect(all.length).toBeGreaterThan(3);
    const filters = page.locator('[data-facets]');
    await openFilters(page);
    const unit = filters.getByRole('group', { name: '单位' });
    const box = unit.getByRole('checkbox', { name: /^市委市直机关工委/ });
    const label =
      (await unit
        .locator('label')
        .filter({ hasText: /^市委市直机关工委/ })
        .textContent()) ?? '';
    const expected = Number(/(\d+) 条/.exec(label)?.[1]);
    await box.check();
    await expect(page).toHaveURL(/unit=%E5%B8%82%E5%A7%94%E5%B8%82%E7%9B%B4%E6%9C%BA%E5%85%B3%E5%B7%A5%E5%A7%94/);
    await settled(page);
    const narrowed = page.locator('[data-hits] > li');
    expect(await showAll(page)).toBe(expected);
    expect(expected).toBeLessThan(all.length);
    for (const meta of await narrowed.locator('.meta').allTextContents()) expect(meta).toContain('市委市直机关工委');
    await expect(page.getByRole('button', { name: '取消筛选：单位：市委市直机关工委' })).toBeVisible();

    await page.reload();
    await settled(page);
    expect(await showAll(page)).toBe(expected);
    await expect(page.getByRole('searchbox', { name: '搜索关键词' })).toHaveValue('机制');
    await openFilters(page);
    await expect(box).toBeChecked();

    await page.goBack();
    await settled(page);
    await expect(page).not.toHaveURL(/unit=/);
    expect(await showAll(page)).toBe(all.length);
  });

  test('results fill the screen at first, follow the scrolling, and “显示更多结果” adds the rest', async ({ page }) => {
    const texts: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/pagefind/fragment/')) texts.push(r.url());
    });
    // Browsing everything: every record is a result, in the site's order, none checked first.
    await page.goto('search/');
    await settled(page);
    const total = Number(/共 (\d+) 条/.exec((await page.getByRole('status').textContent()) ?? '')?.[1]);
    expect(total, 'the collection has more results than one page holds').toBeGreaterThan(20);
    const hits = page.locator('[data-hits] > li');
    const endOfList = () => page.locator('[data-hits]').evaluate((list) => list.getBoundingClientRect().bottom);
    const screen = page.viewportSize()!.height;
    // The first results reach past the bottom of the screen, and only their page texts were loaded.
    const first = await hits.count();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(20);
    expect(await endOfList()).toBeGreaterThan(screen);
    expect(texts.length).toBe(first);
    // Jumping to the bottom of the page shows more, up to a page of 20.
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('End');
    await expect(hits).not.toHaveCount(first);
    await expect(async () => {
      await page.keyboard.press('End');
      expect(await hits.count()).toBe(20);
    }).toPass();
    const more = page.getByRole('button', { name: `显示更多结果（还有 ${total - 20} 条）` });
    await expect(more).toBeVisible();
    // The button adds the next 20 and takes the keyboard to the first of them.
    await more.click();
    await expect(hits).toHaveCount(Math.min(total, 40));
    await expect(hits.nth(20).getByRole('link')).toBeFocused();
    expect(texts.length).toBe(Math.min(total, 40));
  });

  test('facets work with an empty query and combine', async ({ page }) => {
    const halls = await search(page, `type=${encodeURIComponent('展馆')}`);
    await expect(page.getByRole('status')).toHaveText(`共 ${halls.length} 条内容，可按条件筛选`);
    expect(halls.length).toBeGreaterThan(3);
    for (const type of await page.locator('[data-hits] .type').allTextContents()) expect(type).toBe('展馆');
    const both = await search(page, `type=${encodeURIComponent('展馆')}&region=${encodeURIComponent('莆田市')}`);
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(halls.length);
    // Each facet shows counts for the other facets' selection.
    await openFilters(page);
    const regions = page.locator('[data-facets]').getByRole('group', { name: '地区' });
    await expect(regions.getByRole('checkbox', { name: /福州市/ })).not.toBeChecked();
  });

  test('an unknown word gets a Chinese empty state with suggestions', async ({ page }) => {
    expect(await search(page, `q=${encodeURIComponent('量子计算机')}`)).toEqual([]);
    const empty = page.locator('[data-empty]');
    await expect(empty.getByRole('heading', { level: 2 })).toHaveText('没有找到包含“量子计算机”的内容');
    await expect(empty).toContainText('拼音');
    const suggestion = empty.getByRole('link').first();
    const word = (await suggestion.textContent()) ?? '';
    await suggestion.click();
    await settled(page);
    await expect(page.getByRole('searchbox', { name: '搜索关键词' })).toHaveValue(word);
    await expect(page.locator('[data-hits] > li').first()).toBeVisible();
  });

  test('scrolling while a new search is under way on a slow network does not mix the two', async ({ page }) => {
    // Every search file takes a while, as on a weak phone connection.
    await page.route(/\/pagefind\/(fragment|zg-pairs)\//, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto('search/');
    await settled(page);
    await page.getByRole('searchbox', { name: '搜索关键词' }).fill(WORD);
    // The new search has started and waits for its index file; the visitor scrolls down, which
    // asks for more of the results still on screen.
    await expect(page.locator('zg-search')).toHaveAttribute('aria-busy', 'true');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await settled(page);
    await expect(page.getByRole('status')).toContainText(`包含“${WORD}”`);
    const hits = page.locator('[data-hits] > li');
    await expect(hits.first().locator('mark').first()).toHaveText(WORD);
    expect(isTitledCase((await hits.first().getByRole('link').getAttribute('href')) ?? undefined)).toBe(true);
    for (const text of await hits.allTextContents()) expect(text).toContain(WORD);
  });

  test('typing searches as you go and keeps the query in the URL', async ({ page }) => {
    await page.goto('search/');
    await settled(page);
    const box = page.getByRole('searchbox', { name: '搜索关键词' });
    await expect(box).toBeFocused();
    await box.fill('网格');
    await expect(page).toHaveURL(/q=%E7%BD%91%E6%A0%BC/);
    await settled(page);
    await expect(page.getByRole('status')).toContainText('包含“网格”');
    await expect(page.locator('[data-hits] h2').first()).toContainText('网格');
    // `/` brings the keyboard back to the box from anywhere on the page.
    await page.getByRole('heading', { level: 1 }).click();
    await expect(box).not.toBeFocused();
    await page.keyboard.press('/');
    await expect(box).toBeFocused();
    await expect(box).toHaveValue('网格');
  });
});

test.describe('header search box', () => {
  test('is on every page, labelled, reached with /, and opens the results', async ({ page, isMobile }) => {
    await page.goto('cases/');
    const box = page.getByRole('banner').getByRole('searchbox', { name: '搜索展馆内容' });
    if (isMobile) {
      // Phones show a search button in the header that opens the search page.
      await page.getByRole('banner').getByRole('button', { name: '搜索' }).click();
      await expect(page).toHaveURL(/\/search\/(\?q=)?$/);
      await expect(page.getByRole('searchbox', { name: '搜索关键词' })).toBeFocused();
      return;
    }
    await expect(box).toHaveAttribute('aria-keyshortcuts', '/');
    await page.locator('body').press('/');
    await expect(box).toBeFocused();
    await box.fill('12345');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=12345$/);
    await settled(page);
    await expect(page.getByRole('status')).toContainText('包含“12345”');
  });

  test('loads no search code until the visitor searches', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto('cases/xinhuoshi/wangge-zhili/');
    await page.waitForLoadState('networkidle');
    expect(requested.filter((p) => p.includes('/pagefind/'))).toEqual([]);
  });
});
