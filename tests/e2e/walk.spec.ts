import { expect, test } from '@playwright/test';
import {
  allPresentations,
  part,
  type Presentation,
  sitePages,
  switchPresentation,
  usePresentation,
  visitWhole,
} from '../gates/site.ts';
import { onePerShape } from '../gates/shapes.ts';
import { structureProblems } from '../gates/structure.ts';
import { axeViolations, headerPolicy, installAxe, watchCspViolations, watchOutsideRequests } from '../gates/watch.ts';
import { distDir } from '../site.ts';

/**
 * The gates' walk: every page of the built site, in the default, kiosk and elder presentations
 * (issue 8) and with the 无障碍 settings 高对比度 and 200 % text (issue 14), opened through nginx
 * (deploy/nginx.conf) and read to the bottom, as a visitor would; and one page of each structure
 * (tests/gates/shapes.ts) in 长者模式 with 200 % text, the two together. A page is opened once per
 * screen: on a desktop screen in the default look, then switched to 高对比度 as the 无障碍 panel
 * does; on a kiosk screen in the kiosk presentation; on a phone in 长者模式, then switched to the
 * default look at 200 % text, then (one page of each structure) to 长者模式 at 200 % text. Each
 * visit, and each switch, checks every gate that needs a page open:
 * - it answers, in the presentation asked for;
 * - privacy and offline use: no request to any other origin (no CDN, font service, analytics or
 *   map tiles), whether it went out or the CSP stopped it;
 * - security: the server sends the build's Content-Security-Policy header, and neither it nor
 *   the page's <meta> policy reports a violation;
 * - accessibility: axe finds no WCAG 2.0/2.1/2.2 A or AA violation and no breach of its best
 *   practices (with 高对比度 also none of the AAA contrast rule, 7:1); the page has its skip
 *   link, landmarks and ordered headings, body text spacing as MIIT 适老化 asks, and never
 *   scrolls sideways (structure.ts).
 * A failure names the page, the presentation and what went wrong.
 *
 * Why one page of each structure for the combination: the CSP allows no inline style, so a
 * page's look in a presentation is its structure under the one style sheet; pages that share a
 * structure (most tag and unit pages) differ only in their text, and the one with the most text
 * and the one with the longest heading stand for the others (77 of the 252 pages on 30 November
 * 2026). Each setting is still checked alone on every page.
 */

/** Tests per screen, so the two workers share the pages and a failure shows early. */
const PARTS = 4;
/**
 * How long no request may have been pending before a page counts as loaded. Shorter than
 * visitWhole's default (which the byte budgets need, to count every lazy image): here the checks
 * that follow (axe above all) take far longer, and a request or CSP report that comes during them
 * is still seen and named with the page. About 40 ms less for each of some 750 page loads.
 */
const QUIET_MS = 20;
/** Time allowed per page (axe on a long page of a busy 2-core machine can take several seconds). */
const PER_PAGE_MS = 30_000;

const named = (name: Presentation['name']): Presentation => {
  const found = allPresentations.find((p) => p.name === name);
  if (!found) throw new Error(`no presentation ${name}`);
  return found;
};
/** Per screen: the presentation each page opens in, then those it is switched to in place. */
const screens: [Presentation, ...Presentation[]][] = [
  [named('default'), named('high-contrast')],
  [named('kiosk')],
  [named('elder'), named('text-200'), named('elder-text-200')],
];
// Every presentation is walked: a new one must be added to a screen here.
test('the walk covers every presentation', () => {
  expect(
    screens
      .flat()
      .map((p) => p.name)
      .sort(),
  ).toEqual(allPresentations.map((p) => p.name).sort());
});

/** Presentations checked on one page of each structure, not on every page (see above). */
const onStructures = new Set<Presentation['name']>(['elder-text-200']);
let shapes: Set<string> | undefined;
/** One page of each structure, computed once per worker. */
const oneOfEachShape = () => (shapes ??= new Set(onePerShape(distDir, sitePages(distDir))));

for (const [opened, ...switched] of screens) {
  const names = [opened, ...switched].map((p) => p.name).join(', ');
  test.describe(`${names} presentation`, () => {
    // The kiosk's service worker (its precache of the whole site, its offline answers) is
    // tested in kiosk-offline.spec and requests.spec; here it would only add work to every visit.
    test.use({ ...opened.use, serviceWorkers: 'block' });

    for (let index = 0; index < PARTS; index++) {
      test(`every page: no outside request, no CSP violation, no WCAG 2.2 AA violation (part ${index + 1} of ${PARTS})`, async ({
        page,
      }) => {
        const pages = part(sitePages(distDir), index, PARTS);
        test.setTimeout(Math.max(120_000, pages.length * PER_PAGE_MS));
        expect(pages.length).toBeGreaterThan(0);
        await usePresentation(page, opened);
        await installAxe(page);
        let path = '';
        const outside = await watchOutsideRequests(page, () => path);
        const violations = await watchCspViolations(page);
        const policy = headerPolicy();
        const csp: string[] = [];
        const axe: string[] = [];
        /** The gates that read the open page, in the presentation it shows now. */
        const check = async (presentation: Presentation) => {
          // The presentation really is on: otherwise this would silently test the default look.
          for (const [name, value] of Object.entries(presentation.attributes)) {
            await expect(page.locator('html'), `${path} in ${presentation.name}`).toHaveAttribute(name, value);
          }
          // 高对比度 also promises WCAG AAA contrast (7:1, large text 4.5:1).
          const aaa = presentation.name === 'high-contrast' ? ['color-contrast-enhanced'] : [];
          axe.push(...(await axeViolations(page, path, presentation.name, aaa)));
          axe.push(
            ...(await page.evaluate(structureProblems)).map((p) => `${path} [${presentation.name}] structure: ${p}`),
          );
        };
        for (path of pages) {
          violations.length = 0;
          const response = await visitWhole(page, path, QUIET_MS);
          if ((await response.headerValue('content-security-policy')) !== policy) {
            csp.push(`${path}: the server did not send the build's Content-Security-Policy header`);
          }
          await check(opened);
          for (const presentation of switched) {
            if (onStructures.has(presentation.name) && !oneOfEachShape().has(path)) continue;
            await switchPresentation(page, presentation);
            await check(presentation);
          }
          csp.push(...violations.map((v) => `${path}: ${v}`));
        }
        expect.soft(outside, `requests to other origins:\n${outside.join('\n')}`).toEqual([]);
        expect.soft(csp, `CSP violations:\n${csp.join('\n')}`).toEqual([]);
        expect.soft(axe, `axe found violations:\n${axe.join('\n')}`).toEqual([]);
      });
    }
  });
}
