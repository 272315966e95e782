import { expect, test, type Response } from '@playwright/test';
import { budgets, gzipSize, inlineScripts, kb } from '../gates/budgets.ts';
import { part, sitePages, visitWhole } from '../gates/site.ts';
import { distDir, rootUrl } from '../site.ts';

/**
 * Size budgets, measured in a browser at 1080 px wide (the kiosk's width, device pixel ratio 1)
 * on a first visit with an empty cache: what each page really downloads and runs.
 * - a case page: HTML + CSS + JS ≤ 30 KB gzipped (images excluded);
 * - every page but search and the kiosk start page (whose code is their purpose and loads on
 *   demand): JavaScript run on first load ≤ 10 KB gzipped, inline scripts included;
 * - every page: no single image over 150 KB.
 */

const PARTS = 2;
const siteOrigin = new URL(rootUrl).origin;
const isCasePage = (path: string) => /^\/cases\/.+\/.+\/$/.test(path);
/** Pages whose own code loads on demand, only there (see the header comment). */
const onDemandPages = ['/search/', '/kiosk/'];

test.use({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 1, serviceWorkers: 'block' });

interface Download {
  url: string;
  type: string;
  bytes: number;
  gzip: number;
}

for (let index = 0; index < PARTS; index++) {
  test(`every page stays within the byte budgets (part ${index + 1})`, async ({ page }) => {
    // Generous per page: a busy 2-core machine can take seconds for one page.
    test.setTimeout(60_000 + (sitePages(distDir).length / PARTS) * 20_000);
    // The HTTP cache is off, so each page is a first visit.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let pending: Promise<Download | undefined>[] = [];
    // Assets have hashed names and are shared by many pages: each is measured once.
    const measured = new Map<string, Promise<Download | undefined>>();
    const measure = async (response: Response): Promise<Download | undefined> => {
      const url = new URL(response.url());
      const body = await response.body().catch(() => undefined);
      if (!body) return undefined;
      const type = response.request().resourceType();
      return { url: url.pathname, type, bytes: body.length, gzip: type === 'image' ? body.length : gzipSize(body) };
    };
    const record = (response: Response): Promise<Download | undefined> => {
      const url = new URL(response.url());
      if (url.origin !== siteOrigin || response.status() !== 200) return Promise.resolve(undefined);
      if (response.request().resourceType() === 'document') return measure(response);
      const known = measured.get(url.href) ?? measure(response);
      measured.set(url.href, known);
      return known;
    };
    page.on('response', (response) => pending.push(record(response)));

    const pages = part(sitePages(distDir), index, PARTS);
    const cases = pages.filter(isCasePage);
    const over: string[] = [];
    let largestCase = { path: '', bytes: 0 };
    for (const path of pages) {
      pending = [];
      await visitWhole(page, path);
      const downloads = (await Promise.all(pending)).filter((d): d is Download => d !== undefined);
      const html = downloads.find((d) => d.type === 'document');
      expect(html, `${path} was downloaded`).toBeTruthy();
      const css = downloads.filter((d) => d.type === 'stylesheet');
      const js = downloads.filter((d) => d.type === 'script');
      const inline = inlineScripts(await page.content()).map((s) => gzipSize(s));
      const sum = (list: { gzip: number }[]) => list.reduce((n, d) => n + d.gzip, 0);
      const jsBytes = sum(js) + inline.reduce((a, b) => a + b, 0);
      const detail = (list: Download[]) => list.map((d) => `${d.url} ${kb(d.gzip)}`).join(', ');

      if (isCasePage(path)) {
        const total = (html?.gzip ?? 0) + sum(css) + jsBytes;
        if (total > largestCase.bytes) largestCase = { path, bytes: total };
        if (total > budgets.casePageBytes) {
          over.push(
            `${path}: HTML+CSS+JS ${kb(total)} gzipped > ${kb(budgets.casePageBytes)} (HTML ${kb(html?.gzip ?? 0)}; CSS ${detail(css)}; JS ${detail(js)}; inline JS ${kb(jsBytes - sum(js))})`,
          );
        }
      }
      if (!onDemandPages.includes(path) && jsBytes > budgets.firstLoadJsBytes) {
        over.push(
          `${path}: JavaScript on first load ${kb(jsBytes)} gzipped > ${kb(budgets.firstLoadJsBytes)} (${detail(js)}; inline ${kb(jsBytes - sum(js))})`,
        );
      }
      for (const image of downloads.filter((d) => d.type === 'image' && d.bytes > budgets.imageBytes)) {
        over.push(`${path}: image ${image.url} is ${kb(image.bytes)} > ${kb(budgets.imageBytes)} at 1080 px wide`);
      }
    }
    if (cases.length > 0)
      console.log(`largest case page in part ${index + 1}: ${largestCase.path} ${kb(largestCase.bytes)}`);
    expect(over, `over budget:\n${over.join('\n')}`).toEqual([]);
  });
}

test('the case pages are measured at all', () => {
  // The budget above only means something if the sitemap really lists case pages.
  expect(sitePages(distDir).filter(isCasePage).length).toBeGreaterThanOrEqual(10);
});
