import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { NGINX_HEADERS_FILE } from '../../src/integrations/security-headers.ts';
import { metaPolicy, parsePolicy } from '../../src/security.ts';
import { pageFile, releaseRoutes, sitePages } from '../gates/site.ts';
import { headerPolicy, watchCspViolations } from '../gates/watch.ts';
import { distDir } from '../site.ts';

/**
 * Security gate: every page carries a Content-Security-Policy <meta> that allows no inline script
 * but the hashed ones, and every page works under it — and under the header policy the build
 * writes for nginx, which serves the tests (tests/serve.ts) — with no violation reported by the browser.
 */

test.afterEach(releaseRoutes);

test('every page has a strict Content-Security-Policy <meta>', () => {
  for (const path of sitePages(distDir)) {
    const html = readFileSync(pageFile(distDir, path), 'utf8');
    const policy = metaPolicy(html);
    expect(policy, `${path} has a CSP <meta>`).toBeTruthy();
    const directives = parsePolicy(policy ?? '');
    const scripts = directives.get('script-src') ?? [];
    expect(scripts, `${path}: script-src`).toContain("'self'");
    expect(scripts, `${path}: script-src must not allow inline scripts`).not.toContain("'unsafe-inline'");
    expect(scripts, `${path}: script-src must not allow eval`).not.toContain("'unsafe-eval'");
    expect(directives.get('default-src'), `${path}: default-src`).toEqual(["'self'"]);
    expect(directives.get('object-src'), `${path}: object-src`).toEqual(["'none'"]);
    // The <meta> must come before anything it governs except the mode boot script.
    const metaAt = html.search(/<meta http-equiv="content-security-policy"/i);
    const firstBodyScript = html.indexOf('<body');
    expect(metaAt, `${path}: CSP <meta> is in <head>`).toBeLessThan(firstBodyScript);
  }
});

test('the header policy for servers is strict and covers frame-ancestors', () => {
  const directives = parsePolicy(headerPolicy());
  expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  // No code compiled at run time: neither eval() nor WebAssembly.
  expect(directives.get('script-src')).toEqual(expect.not.arrayContaining(["'unsafe-eval'", "'wasm-unsafe-eval'"]));
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  const conf = readFileSync(join(distDir, NGINX_HEADERS_FILE), 'utf8');
  for (const header of ['Referrer-Policy', 'X-Content-Type-Options "nosniff"', 'Permissions-Policy']) {
    expect(conf).toContain(`add_header ${header}`);
  }
});

test('search works under the policy, with no eval and no WebAssembly', async ({ page }) => {
  test.skip(!sitePages(distDir).includes('/search/'), 'the site has no search page');
  const violations = await watchCspViolations(page);
  const response = await page.goto('./search/?q=讲习所');
  expect(await response?.headerValue('content-security-policy')).toBe(headerPolicy());
  const results = page.getByRole('region', { name: '搜索结果' });
  // The engine and its index load on demand: slow on a busy machine, so allow time.
  await expect(results.getByRole('link').first()).toContainText('讲习所', { timeout: 30_000 });
  // Typing a new query searches again (more of the index loads).
  await page.getByRole('main').getByRole('searchbox').first().fill('双拥');
  await expect(results.getByRole('link').first()).toContainText('双拥', { timeout: 30_000 });
  expect(violations, violations.join('\n')).toEqual([]);
});

test('the presentation modes still switch on under the policy (inline boot script allowed by hash)', async ({
  page,
}) => {
  const violations = await watchCspViolations(page);
  await page.addInitScript(() => localStorage.setItem('zg-elder', '1'));
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-elder', '');
  expect(violations).toEqual([]);
});

test('an inline script that is not hashed is blocked', async ({ page }) => {
  // Proves the policy is enforced at all: a script injected into the page must not run.
  const violations = await watchCspViolations(page);
  await page.route('**/about/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</main>', '<script>document.title = "pwned";</script></main>');
    await route.fulfill({ response, body: html });
  });
  await page.goto('./about/');
  await expect(page).not.toHaveTitle('pwned');
  expect(violations.join('\n')).toMatch(/script-src/);
});
