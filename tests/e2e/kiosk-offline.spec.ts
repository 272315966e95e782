/**
 * An offline kiosk: after one visit while online, the service worker serves every page, image
 * and the search index with the network cut.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { distDir, ONE_KIOSK_SCREEN, subpath, subpathUrl } from '../site.ts';
import { caseTitle } from '../content.ts';

/** A case of the featured series (on the kiosk start screen), titled as content/ has it. */
const CASE_TITLE = caseTitle('xinhuoshi/fangxiang-jiangxisuo');

/** An image the build ships: a processed photo when there is one, else the site icon. */
function shippedImage(): string {
  const photos = readdirSync(join(distDir, '_astro')).filter((f) => /\.(webp|avif|jpe?g|png)$/.test(f));
  return photos[0] ? `_astro/${photos[0]}` : 'favicon.svg';
}

test(
  'after a first visit, a case page, an image and a search work with the network cut',
  { tag: ONE_KIOSK_SCREEN },
  async ({ page, context }) => {
    test.setTimeout(120_000);
    await page.goto('./kiosk/');
    // First visit: the worker installs, precaches the site and takes control.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
      }
    });

    await context.setOffline(true);
    // The network is really gone: a file the site does not have cannot be fetched.
    const reachable = await page.evaluate(() =>
      fetch('/not-in-the-cache.txt', { cache: 'no-store' }).then(
        () => true,
        () => false,
      ),
    );
    expect(reachable).toBe(false);

    await page.reload();
    await page.locator('[data-kiosk-attract]').tap();
    await page.getByRole('link', { name: CASE_TITLE }).tap();
    await expect(page).toHaveURL(/\/cases\/xinhuoshi\/fangxiang-jiangxisuo\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(CASE_TITLE);
    await expect(page.getByRole('complementary', { name: '扫码在手机上继续阅读' })).toBeVisible();
    // Styles came from the cache too: the kiosk header is laid out, not raw HTML.
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();

    // Images: those on the page, and one the build ships, decode from the cache.
    const image = new URL(shippedImage(), page.url().replace(/cases\/.*$/, '')).href;
    const widths = await page.evaluate(async (src) => {
      const pictures = [...document.images];
      const extra = new Image();
      extra.src = src;
      pictures.push(extra);
      return Promise.all(
        pictures.map((img) =>
          img.decode().then(
            () => img.naturalWidth,
            () => 0,
          ),
        ),
      );
    }, image);
    expect(widths.length).toBeGreaterThan(0);
    expect(widths.every((w) => w > 0)).toBe(true);

    // Search: the page, its script and the search index all come from the cache.
    await page.getByRole('navigation', { name: '触摸屏导航' }).getByRole('link', { name: '搜索' }).tap();
    await expect(page).toHaveURL(/\/search\/$/);
    const keyboard = page.getByRole('group', { name: '屏幕键盘' });
    for (const key of 'fxjxs') await keyboard.getByRole('button', { name: key, exact: true }).tap();
    await expect(page.locator('#search-results').getByRole('link', { name: CASE_TITLE })).toBeVisible();
    // A page opened directly by its address (with a query string) is served too.
    await page.goto('./search/?q=坊巷讲习所');
    await expect(page.locator('#search-results').getByRole('link', { name: CASE_TITLE })).toBeVisible();
  },
);

test(
  'a new deployment waits during a visit and is taken at the next idle reset',
  { tag: ONE_KIOSK_SCREEN },
  async ({ page }) => {
    // It changes the published worker for a moment: one run at a time.
    test.setTimeout(120_000);
    // The page's clock stands still: the idle reset comes when the test lets time pass.
    await page.clock.install({ time: new Date('2026-01-01T08:00:00') });
    await page.clock.pauseAt(new Date('2026-01-01T09:00:00'));
    await page.goto('./kiosk/?idle=3');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
      }
    });
    await page.locator('[data-kiosk-attract]').tap();
    await page.getByRole('link', { name: CASE_TITLE }).tap();
    await expect(page).toHaveURL(/\/cases\/xinhuoshi\/fangxiang-jiangxisuo\/$/);

    // A new build is published: the server now sends a different worker (a no-op change, undone
    // at the end, so other tests of this run see the same site).
    const worker = join(distDir, 'sw.js');
    const published = readFileSync(worker, 'utf8').replace(/\n\/\/ next deployment\n$/, '');
    writeFileSync(worker, `${published}\n// next deployment\n`);
    try {
      await nextDeployment();
    } finally {
      writeFileSync(worker, published);
    }

    async function nextDeployment() {
      const waiting = () =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return registration?.waiting?.state ?? null;
        });
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      await expect.poll(waiting, { timeout: 30_000 }).toBe('installed');

      // Mid-visit nothing changes: the visitor keeps reading, the new worker keeps waiting.
      await page.getByRole('navigation', { name: '触摸屏导航' }).getByRole('link', { name: '搜索' }).tap();
      await expect(page).toHaveURL(/\/search\/$/);
      expect(await waiting()).toBe('installed');

      // The idle reset switches to it before opening the start screen.
      // (The kiosk code loads on demand: wait until it has armed the idle timer on this page.)
      await expect.poll(() => page.evaluate(() => customElements.get('zg-kiosk') !== undefined)).toBe(true);
      await page.clock.runFor(3_100);
      await expect(page.getByRole('dialog', { name: '即将返回首页' })).toBeVisible();
      await page.clock.runFor(3_000);
      await expect(page).toHaveURL(/\/kiosk\/$/, { timeout: 20_000 });
      await expect(page.locator('[data-kiosk-attract]')).toBeVisible();
      await expect.poll(waiting).toBeNull();
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
    }
  },
);

test(
  'under a sub-path the kiosk, its worker and its QR codes use the base path',
  { tag: ONE_KIOSK_SCREEN },
  async ({ page, context }) => {
    test.setTimeout(120_000);
    await page.goto(`${subpathUrl}kiosk/`);
    const scope = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
      }
      return registration.scope;
    });
    expect(scope).toBe(subpathUrl);
    await context.setOffline(true);
    await page.locator('[data-kiosk-attract]').tap();
    await page.getByRole('link', { name: CASE_TITLE }).tap();
    await expect(page).toHaveURL(`${subpathUrl}cases/xinhuoshi/fangxiang-jiangxisuo/`);
    await expect(page.getByRole('complementary', { name: '扫码在手机上继续阅读' })).toContainText(
      `${subpath}cases/xinhuoshi/fangxiang-jiangxisuo/`,
    );
    await page.getByRole('navigation', { name: '触摸屏导航' }).getByRole('link', { name: '返回首页' }).tap();
    await expect(page).toHaveURL(`${subpathUrl}kiosk/`);
  },
);
