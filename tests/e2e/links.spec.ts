import { expect, test } from '@playwright/test';
import { checkLinks, formatBroken } from '../gates/links.ts';
import { sitemapPaths } from '../gates/site.ts';
import { distDir, rootUrl, subpath, subpathDistDir, subpathUrl } from '../site.ts';

/**
 * Link gate over the built sites as nginx serves them (deploy/nginx.conf, tests/serve.ts): every
 * internal link, #anchor, image, stylesheet and script in every HTML page resolves, at the root
 * and under the sub-path. A failure names the page, the target and why.
 */
test('every internal link, anchor and image of the built site resolves', async () => {
  test.setTimeout(300_000);
  const result = await checkLinks(distDir, { server: rootUrl });
  expect(result.broken, `broken links:\n${formatBroken(result.broken)}`).toEqual([]);
  // Every page was checked, not just the home page.
  expect(result.pages).toBeGreaterThanOrEqual(sitemapPaths(distDir).length);
  expect(result.checked).toBeGreaterThan(result.pages);
});

test(`the same holds for the build under the sub-path ${subpath}`, async () => {
  test.setTimeout(300_000);
  const result = await checkLinks(subpathDistDir, { server: subpathUrl, base: subpath });
  expect(result.broken, `broken links:\n${formatBroken(result.broken)}`).toEqual([]);
  expect(result.pages).toBeGreaterThanOrEqual(sitemapPaths(distDir).length);
});
