import { expect, test } from '@playwright/test';
import { checkLinks, formatBroken } from '../gates/links.ts';
import { sitemapPaths } from '../gates/site.ts';
import { distDir, port, subpath, subpathDistDir } from '../site.ts';

/**
 * Link gate over the built folders: every internal link, #anchor, image, stylesheet and script
 * in every HTML page resolves (linkinator serves the folder itself, at the base path the site
 * was built for). A failure names the page, the target and why.
 */
test('every internal link, anchor and image of the built site resolves', async () => {
  test.setTimeout(300_000);
  const result = await checkLinks(distDir, { port: port + 10 });
  expect(result.broken, `broken links:\n${formatBroken(result.broken)}`).toEqual([]);
  // Every page was checked, not just the home page.
  expect(result.pages).toBeGreaterThanOrEqual(sitemapPaths(distDir).length);
  expect(result.checked).toBeGreaterThan(result.pages);
});

test(`the same holds for the build under the sub-path ${subpath}`, async () => {
  test.setTimeout(300_000);
  const result = await checkLinks(subpathDistDir, { port: port + 11, base: subpath });
  expect(result.broken, `broken links:\n${formatBroken(result.broken)}`).toEqual([]);
  expect(result.pages).toBeGreaterThanOrEqual(sitemapPaths(distDir).length);
});
