import { expect, test } from '@playwright/test';
import {
  part,
  presentations,
  releaseRoutes,
  settingPresentations,
  sitePages,
  usePresentation,
  visitWhole,
} from '../gates/site.ts';
import { structureProblems } from '../gates/structure.ts';
import { axeViolations, headerPolicy, watchCspViolations, watchOutsideRequests } from '../gates/watch.ts';
import { distDir } from '../site.ts';

/**
 * The gates' walk: every page of the built site, in the default, kiosk and elder presentations
 * and with the 无障碍 settings 高对比度 and 200 % text (issue 14), opened once through nginx (deploy/nginx.conf) and read to the bottom, as a visitor would. Each
 * visit checks every gate that needs a page open:
 * - it answers, in the presentation asked for;
 * - privacy and offline use: no request to any other origin (no CDN, font service, analytics or
 *   map tiles), whether it went out or the CSP stopped it;
 * - security: the server sends the build's Content-Security-Policy header, and neither it nor
 *   the page's <meta> policy reports a violation;
 * - accessibility: axe finds no WCAG 2.0/2.1/2.2 A or AA violation (with 高对比度 also none of
 *   the AAA contrast rule, 7:1); the page has its skip link, landmarks and ordered headings, body
 *   text spacing as MIIT 适老化 asks, and never scrolls sideways (structure.ts).
 * A failure names the page, the presentation and what went wrong.
 */

test.afterEach(releaseRoutes);
/** Tests per presentation, so the two workers share the pages and a failure shows early. */
const PARTS = 6;
/** Time allowed per page (axe on a long page of a busy 2-core machine can take several seconds). */
const PER_PAGE_MS = 30_000;

for (const presentation of [...presentations, ...settingPresentations]) {
  test.describe(`${presentation.name} presentation`, () => {
    test.use(presentation.use);

    for (let index = 0; index < PARTS; index++) {
      test(`every page: no outside request, no CSP violation, no WCAG 2.2 AA violation (part ${index + 1} of ${PARTS})`, async ({
        page,
      }) => {
        const pages = part(sitePages(distDir), index, PARTS);
        test.setTimeout(Math.max(120_000, pages.length * PER_PAGE_MS));
        expect(pages.length).toBeGreaterThan(0);
        await usePresentation(page, presentation);
        let path = '';
        const outside = await watchOutsideRequests(page, () => path);
        const violations = await watchCspViolations(page);
        const policy = headerPolicy();
        const csp: string[] = [];
        const axe: string[] = [];
        for (path of pages) {
          violations.length = 0;
          const response = await visitWhole(page, path);
          if (presentation.attribute) {
            // The presentation really is on: otherwise this would silently test the default look.
            await expect(page.locator('html'), `${path} in ${presentation.name}`).toHaveAttribute(
              presentation.attribute,
            );
          }
          if ((await response.headerValue('content-security-policy')) !== policy) {
            csp.push(`${path}: the server did not send the build's Content-Security-Policy header`);
          }
          axe.push(...(await axeViolations(page, path, presentation.name)));
          if (presentation.name === 'high-contrast') {
            // WCAG AAA contrast (7:1, large text 4.5:1), which 高对比度 promises.
            axe.push(...(await axeViolations(page, path, presentation.name, ['color-contrast-enhanced'])));
          }
          axe.push(
            ...(await page.evaluate(structureProblems)).map((p) => `${path} [${presentation.name}] structure: ${p}`),
          );
          csp.push(...violations.map((v) => `${path}: ${v}`));
        }
        expect.soft(outside, `requests to other origins:\n${outside.join('\n')}`).toEqual([]);
        expect.soft(csp, `CSP violations:\n${csp.join('\n')}`).toEqual([]);
        expect.soft(axe, `axe found violations:\n${axe.join('\n')}`).toEqual([]);
      });
    }
  });
}
