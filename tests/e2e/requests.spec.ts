import { expect, test } from '@playwright/test';
import { releaseRoutes, sitePages } from '../gates/site.ts';
import { watchOutsideRequests } from '../gates/watch.ts';
import { distDir } from '../site.ts';

/**
 * Privacy and offline gate: no page may make the browser contact any origin but the site's own
 * (no CDN, font service, analytics or map tiles). Every page of the sitemap is visited in every
 * presentation; a failure names the page and the outside URL.
 */

test.afterEach(releaseRoutes);

test('a kiosk visit and a search contact no other origin', async ({ browser }) => {
  const pages = sitePages(distDir);
  test.skip(!pages.includes('/kiosk/') && !pages.includes('/search/'), 'no kiosk or search page');
  // A touch screen with the service worker on, as the kiosk PC runs it.
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  const page = await context.newPage();
  let path = '';
  const outside = await watchOutsideRequests(page, () => path);
  if (pages.includes('/kiosk/')) {
    path = '/kiosk/';
    await page.goto(path);
    const attract = page.locator('[data-kiosk-attract]');
    if (await attract.isVisible()) await attract.tap();
    // Follow the first tile of the start screen, then come back.
    await page.getByRole('main').getByRole('link').first().tap();
    await page.waitForURL((url) => url.pathname !== '/kiosk/', { waitUntil: 'load' });
    path = new URL(page.url()).pathname;
    // Back to the start screen the way the kiosk header does it (kiosk history is kept flat).
    path = '/kiosk/';
    await page.goto(path);
  }
  if (pages.includes('/search/')) {
    path = '/search/';
    await page.goto('./search/');
    const box = page.getByRole('main').getByRole('searchbox').first();
    await box.fill('讲习所');
    await expect(page.getByRole('region', { name: '搜索结果' }).getByRole('link').first()).toBeVisible({
      timeout: 30_000,
    });
    await box.fill('shuangyong');
    await expect(page.getByRole('region', { name: '搜索结果' }).getByRole('link').first()).toBeVisible({
      timeout: 30_000,
    });
  }
  await page.waitForTimeout(500);
  await context.close();
  expect(outside, `requests to other origins:\n${outside.join('\n')}`).toEqual([]);
});

for (const withCsp of [true, false]) {
  test(`the gate notices an outside script (${withCsp ? 'blocked by the CSP' : 'page without CSP'})`, async ({
    page,
  }) => {
    // Proves the watcher works: a page that loads a script from a CDN is reported with its URL,
    // whether the CSP stops it first or (on a server without the policy) the request goes out.
    let path = '/about/';
    const outside = await watchOutsideRequests(page, () => path);
    await page.route('**/about/', async (route) => {
      const response = await route.fetch();
      let html = (await response.text()).replace(
        '</main>',
        '<script src="https://cdn.example.com/lib.js"></script></main>',
      );
      if (!withCsp) html = html.replace(/<meta http-equiv="content-security-policy"[^>]*>/, '');
      // One policy at a time: the page's <meta> (or none), without the header nginx adds.
      const headers = Object.fromEntries(
        Object.entries(response.headers()).filter(([name]) => name !== 'content-security-policy'),
      );
      await route.fulfill({ response, body: html, headers });
    });
    // The script is never really fetched: the test stays off the network.
    await page.route('https://cdn.example.com/**', (route) => route.abort('blockedbyclient'));
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    path = '';
    // Reported once or twice (the attempt, and the CSP's refusal), always with page and URL.
    expect(outside.length).toBeGreaterThan(0);
    for (const line of outside) {
      expect(line).toMatch(/^\/about\/ (requested|tried to load) https:\/\/cdn\.example\.com\/lib\.js/);
    }
  });
}
