/**
 * Kiosk mode on touch screens (kiosk-portrait 1080×1920, kiosk-landscape 1920×1080): start screen
 * and attract loop, idle reset that leaves no trace, touch lockdown, take-home QR code, and the
 * on-screen keyboard of the search page. Offline use is in kiosk-offline.spec.ts.
 * Tests tagged ONE_KIOSK_SCREEN do not depend on the screen's shape and run on the portrait one.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { caseTitle } from '../content.ts';
import { ONE_KIOSK_SCREEN } from '../site.ts';
import { axeResults, axeSummary } from '../gates/watch.ts';

// The service worker is tested on its own; here it would only precache the site in every test.
test.use({ serviceWorkers: 'block' });

/** A case of the featured series (on the kiosk start screen), titled as content/ has it. */
const CASE_TITLE = caseTitle('xinhuoshi/fangxiang-jiangxisuo');
const CASE_PATH = /\/cases\/xinhuoshi\/fangxiang-jiangxisuo\/$/;

/** Opens the kiosk start screen as a kiosk PC does, with the given idle time. */
async function openKiosk(page: Page, idle = 600): Promise<Locator> {
  await page.goto(`./kiosk/?idle=${idle}`);
  const attract = page.locator('[data-kiosk-attract]');
  await expect(attract).toBeVisible();
  return attract;
}

/** From the start screen, taps 大事记 and waits for the timeline. */
async function openTimeline(page: Page): Promise<void> {
  await page
    .getByRole('link', { name: /大事记/ })
    .first()
    .tap();
  await expect(page).toHaveURL(/\/timeline\/$/);
}

/** Touches the attract loop and waits for the start screen. */
async function startVisit(page: Page, attract: Locator): Promise<void> {
  await attract.tap();
  await expect(attract).toBeHidden();
  await expect(page.getByRole('link', { name: /^十佳案例/ })).toBeVisible();
}

/**
 * Stops the page's clock: idle timers and countdowns advance only by `page.clock.runFor`, so a
 * slow machine can never let the countdown start before the test means it to.
 */
async function freezeTime(page: Page): Promise<void> {
  await page.clock.install({ time: new Date('2026-01-01T08:00:00') });
  await page.clock.pauseAt(new Date('2026-01-01T09:00:00'));
}

/** Waits until the page's kiosk code has loaded (it loads on demand) and armed its idle timer. */
async function kioskReady(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => customElements.get('zg-kiosk') !== undefined)).toBe(true);
}

const heightOf = async (locator: Locator) => (await locator.boundingBox())?.height ?? 0;

/** Writes a link to another site into the case text, as staff might, and taps it. */
async function tapOutsideLink(page: Page): Promise<void> {
  await page
    .locator('.zg-prose p')
    .first()
    .evaluate((p) => {
      const a = document.createElement('a');
      a.href = 'https://www.gov.cn/';
      a.textContent = '中国政府网';
      p.append(' ', a);
    });
  await page.getByRole('link', { name: '中国政府网' }).tap();
}

test.describe('start screen and attract loop', () => {
  test('the attract loop cycles highlights until touched, then the start screen shows five sections', async ({
    page,
  }) => {
    const attract = await openKiosk(page);
    await expect(page.locator('html')).toHaveAttribute('data-kiosk', '');
    await expect(attract).toContainText('轻触屏幕开始浏览');
    // Full screen.
    const box = await attract.boundingBox();
    const viewport = page.viewportSize();
    expect(box?.width).toBe(viewport?.width);
    expect(box?.height).toBe(viewport?.height);
    // Highlights from the content: case titles, key figures with their source, zones, stops.
    const slides = attract.locator('.slide');
    expect(await slides.count()).toBeGreaterThan(20);
    await expect(attract.locator('.slide[data-kind="case"]').first()).toContainText(CASE_TITLE);
    await expect(attract.locator('.slide[data-kind="figure"]').first()).toContainText('来源：');
    // Every figure slide shows the passage its number comes from, number included.
    for (const slide of await attract.locator('.slide[data-kind="figure"]').all()) {
      const number = ((await slide.locator('.figure').textContent()) ?? '').replace(/[\s,]/g, '');
      await expect(slide.locator('.quote')).toContainText('原文');
      expect(((await slide.locator('.quote').textContent()) ?? '').replace(/[\s,]/g, '')).toContain(
        number.replace(/^超/, ''),
      );
    }
    await expect(attract.locator('.slide[data-kind="zone"]').first()).toContainText('展区');
    await expect(attract.locator('.slide[data-kind="stop"]').first()).toContainText('台江码头');
    // One slide at a time, and it changes by itself.
    const active = attract.locator('.slide[data-active]');
    await expect(active).toHaveCount(1);
    const first = await active.innerText();
    await expect(active).not.toHaveText(first, { timeout: 12_000 });
    await expect(active).toHaveCount(1);

    await startVisit(page, attract);
    for (const name of ['十佳案例', '政治生活馆', '红色航线', '大事记', '搜索']) {
      const tile = page.getByRole('link', { name: new RegExp(name) }).first();
      await expect(tile).toBeVisible();
      expect(await heightOf(tile), `${name} is a large target`).toBeGreaterThanOrEqual(60);
    }
    // Everything fits on one screen: a kiosk start screen does not scroll.
    const overflow = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('with reduced motion the loop does not drift', { tag: ONE_KIOSK_SCREEN }, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const attract = await openKiosk(page);
    const animations = await attract.evaluate((el) =>
      el.getAnimations({ subtree: true }).filter((a) => a.playState === 'running'),
    );
    expect(animations).toHaveLength(0);
  });
});

test.describe('idle reset', () => {
  test('tap into a case, stay idle: countdown, then the attract loop with every trace gone', async ({ page }) => {
    await freezeTime(page);
    const attract = await openKiosk(page, 3);
    const historyAtStart = await page.evaluate(() => history.length);
    await startVisit(page, attract);
    await page.getByRole('link', { name: CASE_TITLE }).first().tap();
    await expect(page).toHaveURL(CASE_PATH);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(CASE_TITLE);

    // Traces a visitor leaves: an open dialog, larger text (elder mode), a stored search, a
    // scrolled page.
    await tapOutsideLink(page);
    await expect(page.getByRole('dialog', { name: '这个链接通向展馆以外的网站' })).toBeVisible();
    await page.evaluate(async () => {
      localStorage.setItem('zg-elder', '1');
      document.documentElement.dataset['elder'] = '';
      sessionStorage.setItem('zg-search', JSON.stringify({ q: 'fangxiang', type: 'case' }));
      // Resolves once the (smooth) scroll has ended: every scroll event counted as activity.
      await new Promise((resolve) => {
        addEventListener('scrollend', resolve, { once: true });
        scrollTo(0, 900);
      });
    });
    // Internal navigation replaced the page: history did not grow.
    expect(await page.evaluate(() => history.length)).toBe(historyAtStart);

    // Three seconds without a touch (?idle=3): the countdown.
    const countdown = page.getByRole('dialog', { name: '即将返回首页' });
    await kioskReady(page);
    await page.clock.runFor(2_900);
    await expect(countdown).toBeHidden();
    await page.clock.runFor(200);
    await expect(countdown).toBeVisible();
    await expect(countdown.getByRole('button', { name: '继续浏览' })).toBeVisible();
    const seconds = countdown.locator('[data-count]');
    await expect(seconds).toHaveText('3');
    await page.clock.runFor(1_000);
    await expect(seconds).toHaveText('2');
    await expect(page).toHaveURL(CASE_PATH);

    await page.clock.runFor(2_000);
    await expect(page).toHaveURL(/\/kiosk\/$/);
    await expect(page.locator('[data-kiosk-attract]')).toBeVisible();
    const state = await page.evaluate(() => ({
      elder: localStorage.getItem('zg-elder'),
      elderAttr: 'elder' in document.documentElement.dataset,
      search: sessionStorage.getItem('zg-search'),
      kiosk: localStorage.getItem('zg-kiosk'),
      idle: sessionStorage.getItem('zg-kiosk-idle'),
      scrollY,
      openDialogs: document.querySelectorAll('dialog[open]').length,
      history: history.length,
    }));
    expect(state).toEqual({
      elder: null,
      elderAttr: false,
      search: null,
      kiosk: '1',
      idle: '3',
      scrollY: 0,
      openDialogs: 0,
      history: historyAtStart,
    });
    // The back gesture does not lead into the previous visit.
    await page.goBack().catch(() => null);
    await expect(page).not.toHaveURL(CASE_PATH);
  });

  test('继续浏览 keeps the visit going', { tag: ONE_KIOSK_SCREEN }, async ({ page }) => {
    await freezeTime(page);
    const attract = await openKiosk(page, 3);
    await startVisit(page, attract);
    const countdown = page.getByRole('dialog', { name: '即将返回首页' });
    await kioskReady(page);
    await page.clock.runFor(3_100);
    await expect(countdown).toBeVisible();
    await page.clock.runFor(1_000);
    await countdown.getByRole('button', { name: '继续浏览' }).tap();
    await expect(countdown).toBeHidden();
    // The countdown stopped, and the idle time starts again from the touch.
    await page.clock.runFor(2_900);
    await expect(page).toHaveURL(/\/kiosk\/\?idle=3$/);
    await expect(attract).toBeHidden();
    await expect(countdown).toBeHidden();
    await page.clock.runFor(200);
    await expect(countdown).toBeVisible();
  });
});

test.describe('navigation inside the exhibition', () => {
  test('the header offers only back, start screen and search; back walks this visit', async ({ page }) => {
    const attract = await openKiosk(page);
    const historyAtStart = await page.evaluate(() => history.length);
    await startVisit(page, attract);
    await openTimeline(page);

    const header = page.locator('header.site-header');
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
    const kioskNav = page.getByRole('navigation', { name: '触摸屏导航' });
    await expect(kioskNav.getByRole('link', { name: '返回首页' })).toBeVisible();
    await expect(kioskNav.getByRole('link', { name: '搜索' })).toBeVisible();
    await expect(kioskNav.getByRole('button', { name: '返回' })).toBeVisible();
    const visibleLinks = await header
      .locator('a:visible')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(visibleLinks.every((path) => /\/(kiosk|search)\/$/.test(path) || path === '/')).toBe(true);
    for (const target of await kioskNav.locator('a, button').all()) {
      expect(await heightOf(target)).toBeGreaterThanOrEqual(60);
    }

    await page.locator('[id="2023-fangxiang-jiepai"]').getByRole('link', { name: '查看相关展项' }).tap();
    await expect(page).toHaveURL(/\/halls\/fangxiang-jiangxisuo\/$/);
    await kioskNav.getByRole('button', { name: '返回' }).tap();
    await expect(page).toHaveURL(/\/timeline\/$/);
    await kioskNav.getByRole('button', { name: '返回' }).tap();
    await expect(page).toHaveURL(/\/kiosk\/(\?idle=600)?$/);
    // Straight to the start screen, not the attract loop: the visit goes on.
    await expect(page.locator('[data-kiosk-attract]')).toBeHidden();
    expect(await page.evaluate(() => history.length)).toBe(historyAtStart);
  });

  test('a case page is readable from a metre away and offers its QR code to take home', async ({ page }) => {
    const attract = await openKiosk(page);
    await startVisit(page, attract);
    await page.getByRole('link', { name: CASE_TITLE }).first().tap();
    await expect(page).toHaveURL(CASE_PATH);
    const body = page.locator('.zg-prose p').first();
    const fontSize = await body.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(22);
    const qr = page.getByRole('complementary', { name: '扫码在手机上继续阅读' });
    await expect(qr).toBeVisible();
    await expect(qr.locator('svg path').first()).toBeAttached();
    await expect(qr).toContainText('/cases/xinhuoshi/fangxiang-jiangxisuo/');
    // Every button and link a visitor can touch in the page is at least 60 px high.
    const small = await page
      .locator('main a:visible, main button:visible, header :is(a, button):visible')
      .evaluateAll((els) =>
        els
          .map((el) => ({ text: (el.textContent ?? '').trim(), height: el.getBoundingClientRect().height }))
          .filter((t) => t.height < 59.5),
      );
    expect(small).toEqual([]);
  });

  test(
    'no data downloads or print on a kiosk; /kiosk/?exit turns the kiosk back into the site',
    { tag: ONE_KIOSK_SCREEN },
    async ({ page }) => {
      const attract = await openKiosk(page);
      await startVisit(page, attract);
      await openTimeline(page);
      const footer = page.locator('footer.site-footer');
      await expect(footer.getByRole('link', { name: /JSON|CSV|RSS|打印/ })).toHaveCount(0);
      await expect(footer.getByRole('link', { name: '关于' })).toBeVisible();

      await page.goto('./kiosk/?exit');
      await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
      await expect(page.locator('html')).not.toHaveAttribute('data-kiosk');
      await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
      expect(await page.evaluate(() => localStorage.getItem('zg-kiosk'))).toBeNull();
    },
  );

  test('outside kiosk mode the page has no QR block and the full navigation', async ({ page }) => {
    await page.goto('./cases/xinhuoshi/fangxiang-jiangxisuo/');
    await expect(page.getByRole('complementary', { name: '扫码在手机上继续阅读' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '触摸屏导航' })).toBeHidden();
  });
});

test.describe('touch lockdown', () => {
  /** Records every contextmenu event after the page's own handlers had their turn. */
  const recordContextMenus = (page: Page) =>
    page.evaluate(() => {
      const seen: boolean[] = [];
      (window as unknown as { seen: boolean[] }).seen = seen;
      window.addEventListener('contextmenu', (e) => seen.push(e.defaultPrevented));
    });
  const contextMenus = (page: Page) => page.evaluate(() => (window as unknown as { seen: boolean[] }).seen);

  /** A long press: a held touch, then the contextmenu event Chromium sends for it. */
  async function longPress(page: Page, target: Locator) {
    await target.scrollIntoViewIfNeeded();
    const box = await target.boundingBox();
    if (!box) throw new Error('target not on screen');
    const x = box.x + 30;
    const y = box.y + box.height / 2;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.synthesizeTapGesture', { x, y, duration: 1000, gestureSourceType: 'touch' });
    await page.mouse.click(x, y, { button: 'right' });
  }

  test('a long press shows no context menu and selects no text', { tag: ONE_KIOSK_SCREEN }, async ({ page }) => {
    const attract = await openKiosk(page);
    await startVisit(page, attract);
    await page.getByRole('link', { name: CASE_TITLE }).first().tap();
    await expect(page).toHaveURL(CASE_PATH);
    const text = page.locator('.zg-prose p').first();
    await recordContextMenus(page);
    await longPress(page, text);
    const seen = await contextMenus(page);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((prevented) => prevented)).toBe(true);
    // Selecting text is blocked too (a long press or a drag would start a selection).
    const selectStart = await text.evaluate((p) => {
      const event = new Event('selectstart', { bubbles: true, cancelable: true });
      p.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(selectStart).toBe(true);
    expect(await text.evaluate((p) => getComputedStyle(p).userSelect)).toBe('none');
  });

  test('outside kiosk mode the context menu is left alone', { tag: ONE_KIOSK_SCREEN }, async ({ page }) => {
    await page.goto('./cases/xinhuoshi/fangxiang-jiangxisuo/');
    await recordContextMenus(page);
    await longPress(page, page.locator('.zg-prose p').first());
    const seen = await contextMenus(page);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.some((prevented) => prevented)).toBe(false);
  });

  test('two-finger pinch and double-tap zoom are switched off', { tag: ONE_KIOSK_SCREEN }, async ({ page }) => {
    const attract = await openKiosk(page);
    await startVisit(page, attract);
    // Every element only pans (no pinch-zoom, no double-tap zoom) and the page never overscrolls
    // into back/forward navigation.
    const styles = await page
      .locator('.kiosk-start .tiles a')
      .first()
      .evaluate((a) => ({
        touch: getComputedStyle(a).touchAction,
        overscroll: getComputedStyle(document.documentElement).overscrollBehaviorX,
      }));
    expect(styles).toEqual({ touch: 'pan-x pan-y', overscroll: 'none' });
    // A two-finger move is cancelled by the page.
    await page.evaluate(() => {
      const seen: boolean[] = [];
      (window as unknown as { pinches: boolean[] }).pinches = seen;
      window.addEventListener('touchmove', (e) => e.touches.length > 1 && seen.push(e.defaultPrevented));
    });
    const cdp = await page.context().newCDPSession(page);
    const at = (dx: number) => [
      { x: 400 - dx, y: 600, id: 1 },
      { x: 600 + dx, y: 600, id: 2 },
    ];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
    for (const dx of [20, 40, 60])
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(dx) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const pinches = await page.evaluate(() => (window as unknown as { pinches: boolean[] }).pinches);
    expect(pinches.length).toBeGreaterThan(0);
    expect(pinches.every((prevented) => prevented)).toBe(true);
  });

  test(
    'an external link does not navigate: it shows its address as a QR code',
    { tag: ONE_KIOSK_SCREEN },
    async ({ page }) => {
      const attract = await openKiosk(page);
      await startVisit(page, attract);
      await page.getByRole('link', { name: CASE_TITLE }).first().tap();
      await expect(page).toHaveURL(CASE_PATH);
      // A staff member may write a link to another site into a case; on a kiosk it must not open.
      await tapOutsideLink(page);
      const dialog = page.getByRole('dialog', { name: '这个链接通向展馆以外的网站' });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText('https://www.gov.cn/');
      await expect(dialog.getByRole('img', { name: '外部网址的二维码' }).locator('svg')).toBeVisible();
      await expect(page).toHaveURL(CASE_PATH);
      await dialog.getByRole('button', { name: '关闭' }).tap();
      await expect(dialog).toBeHidden();
      await expect(page).toHaveURL(CASE_PATH);
    },
  );
});

test.describe('search without a keyboard', () => {
  test('the on-screen keyboard types pinyin initials; popular tags and units search with one touch', async ({
    page,
  }) => {
    const attract = await openKiosk(page);
    const historyAtStart = await page.evaluate(() => history.length);
    await startVisit(page, attract);
    await page.getByRole('link', { name: /^搜索/ }).tap();
    await expect(page).toHaveURL(/\/search\/$/);
    const keyboard = page.getByRole('group', { name: '屏幕键盘' });
    await expect(keyboard).toBeVisible();
    const input = page.locator('main input[type="search"]');
    // The system keyboard stays down: the screen keyboard replaces it.
    await expect(input).toHaveAttribute('inputmode', 'none');

    for (const key of 'fxjxs') await keyboard.getByRole('button', { name: key, exact: true }).tap();
    await expect(input).toHaveValue('fxjxs');
    const results = page.locator('#search-results');
    await expect(results.getByRole('link', { name: CASE_TITLE })).toBeVisible();
    await keyboard.getByRole('button', { name: '退格' }).tap();
    await expect(input).toHaveValue('fxjx');
    await keyboard.getByRole('button', { name: '清空' }).tap();
    await expect(input).toHaveValue('');
    for (const key of '12345') await keyboard.getByRole('button', { name: key, exact: true }).tap();
    await keyboard.getByRole('button', { name: '搜索' }).tap();
    await expect(page).toHaveURL(/\?q=12345$/);
    await expect(results.getByRole('link').first()).toBeVisible();

    await page.getByRole('region', { name: '热门主题' }).getByRole('button', { name: '闽江红色航线' }).tap();
    await expect(input).toHaveValue('闽江红色航线');
    await expect(results.getByRole('link', { name: '闽江红色航线' }).first()).toBeVisible();
    await page.getByRole('region', { name: '单位' }).getByRole('button', { name: '市纪委监委' }).tap();
    await expect(input).toHaveValue('市纪委监委');
    await expect(results.getByRole('link', { name: CASE_TITLE })).toBeVisible();
    // Every key is a large target.
    const keys = await keyboard
      .getByRole('button')
      .evaluateAll((els) => els.map((b) => b.getBoundingClientRect().height));
    expect(Math.min(...keys)).toBeGreaterThanOrEqual(60);
    // Searches replaced the page state instead of piling up history.
    expect(await page.evaluate(() => history.length)).toBe(historyAtStart);
  });

  test('the idle reset clears the search', { tag: ONE_KIOSK_SCREEN }, async ({ page }) => {
    await freezeTime(page);
    const attract = await openKiosk(page, 3);
    await startVisit(page, attract);
    await page.getByRole('link', { name: /^搜索/ }).tap();
    const keyboard = page.getByRole('group', { name: '屏幕键盘' });
    for (const key of 'fxjxs') await keyboard.getByRole('button', { name: key, exact: true }).tap();
    // The search page searches a moment after the last key.
    await kioskReady(page);
    await page.clock.runFor(500);
    await expect(page).toHaveURL(/\?q=fxjxs$/);
    await expect(page.locator('#search-results').getByRole('link', { name: CASE_TITLE })).toBeVisible();
    await page.clock.runFor(3_000);
    await expect(page.getByRole('dialog', { name: '即将返回首页' })).toBeVisible();
    await page.clock.runFor(3_000);
    await expect(page).toHaveURL(/\/kiosk\/$/);
    await expect(page.locator('[data-kiosk-attract]')).toBeVisible();
    await page.locator('[data-kiosk-attract]').tap();
    await page.getByRole('link', { name: /^搜索/ }).tap();
    await expect(page).toHaveURL(/\/search\/$/);
    await expect(page.locator('main input[type="search"]')).toHaveValue('');
  });
});

test.describe('accessibility of the kiosk screens', () => {
  /** axe's WCAG A and AA rules and best practices; the kiosk start page is not in the sitemap the site gate walks. */
  const violations = async (page: Page, only?: string) =>
    axeSummary(await axeResults(page, only ? { include: only } : {}));

  test('attract loop, start screen, countdown and keyboard pass axe', async ({ page }) => {
    // Four axe runs over large pages.
    test.setTimeout(180_000);
    // Time flows, but can be skipped ahead: the countdown comes when the test asks for it.
    await page.clock.install();
    const attract = await openKiosk(page, 120);
    expect(await violations(page), 'attract loop').toEqual([]);
    await startVisit(page, attract);
    expect(await violations(page), 'start screen').toEqual([]);
    await page.clock.fastForward(121_000);
    await expect(page.getByRole('dialog', { name: '即将返回首页' })).toBeVisible();
    // Ten seconds until the reset: check the dialog alone.
    expect(await violations(page, 'dialog[open]'), 'countdown').toEqual([]);
    await page.getByRole('button', { name: '继续浏览' }).tap();
    await page.getByRole('link', { name: /^搜索/ }).tap();
    await expect(page.getByRole('group', { name: '屏幕键盘' })).toBeVisible();
    expect(await violations(page), 'search keyboard').toEqual([]);
  });
});
