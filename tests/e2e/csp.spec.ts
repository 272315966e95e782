import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { NGINX_HEADERS_FILE } from '../../src/integrations/security-headers.ts';
import { metaPolicy, parsePolicy } from '../../src/security.ts';
import { part, releaseRoutes, sitePages } from '../gates/site.ts';
import { distDir } from '../site.ts';

/**
 * Security gate: every page carries a Content-Security-Policy <meta> that allows no inline script
 * but the hashed ones, and every page works under it — and under the header policy the build
 * writes for nginx, which serves the tests (tests/serve.ts) — with no violation reported by the browser.
 */

test.afterEach(releaseRoutes);
const PARTS = 2;

/** Records CSP violations (the DOM event) and console errors that mention the policy. */
async function watchViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  await page.exposeFunction('__zgCspViolation', (text: string) => found.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __zgCspViolation: (t: string) => void }).__zgCspViolation(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}${e.sample ? ` (“${e.sample}”)` : ''} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) found.push(msg.text());
  });
  return found;
}

/** The nginx snippet's Content-Security-Policy value. */
function headerPolicy(): string {
  const conf = readFileSync(join(distDir, NGINX_HEADERS_FILE), 'utf8');
  const value = /add_header Content-Security-Policy "([^"]+)"/.exec(conf)?.[1];
  if (!value) throw new Error(`${NGINX_HEADERS_FILE} has no Content-Security-Policy`);
  return value;
}

test('every page has a strict Content-Security-Policy <meta>', () => {
  for (const path of sitePages(distDir)) {
    const file = path.endsWith('.html') ? path : `${path}index.html`;
    const html = readFileSync(join(distDir, file), 'utf8');
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
  expect(directives.get('script-src')).toContain("'wasm-unsafe-eval'");
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  const conf = readFileSync(join(distDir, NGINX_HEADERS_FILE), 'utf8');
  for (const header of ['Referrer-Policy', 'X-Content-Type-Options "nosniff"', 'Permissions-Policy']) {
    expect(conf).toContain(`add_header ${header}`);
  }
});

for (let index = 0; index < PARTS; index++) {
  test(`every page runs with no CSP violation under the <meta> and header policies (part ${index + 1})`, async ({
    page,
  }) => {
    // Generous per page: a busy 2-core machine can take seconds for one page.
    test.setTimeout(60_000 + (sitePages(distDir).length / PARTS) * 20_000);
    const policy = headerPolicy();
    const violations = await watchViolations(page);
    const problems: string[] = [];
    for (const path of part(sitePages(distDir), index, PARTS)) {
      violations.length = 0;
      const response = await page.goto(path, { waitUntil: 'load' });
      // nginx (deploy/nginx.conf, tests/serve.ts) sends the generated header policy on top of the <meta>.
      if ((await response?.headerValue('content-security-policy')) !== policy) {
        problems.push(`${path}: the server did not send the build's Content-Security-Policy header`);
      }
      // The mode boot script (hashed inline) ran: storage was read without being blocked.
      await page.waitForTimeout(50);
      problems.push(...violations.map((v) => `${path}: ${v}`));
    }
    expect(problems, `CSP violations:\n${problems.join('\n')}`).toEqual([]);
  });
}

test('search works under the policy (Pagefind WebAssembly allowed by wasm-unsafe-eval)', async ({ page }) => {
  test.skip(!sitePages(distDir).includes('/search/'), 'the site has no search page');
  const violations = await watchViolations(page);
  const response = await page.goto('./search/?q=讲习所');
  expect(await response?.headerValue('content-security-policy')).toBe(headerPolicy());
  const results = page.getByRole('region', { name: '搜索结果' });
  // The engine and its WebAssembly load on demand: slow on a busy machine, so allow time.
  await expect(results.getByRole('link').first()).toContainText('讲习所', { timeout: 30_000 });
  // Typing a new query searches again (the engine, its WebAssembly and index chunks all load).
  await page.getByRole('main').getByRole('searchbox').first().fill('双拥');
  await expect(results.getByRole('link').first()).toContainText('双拥', { timeout: 30_000 });
  expect(violations, violations.join('\n')).toEqual([]);
});

test('the presentation modes still switch on under the policy (inline boot script allowed by hash)', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  await page.addInitScript(() => localStorage.setItem('zg-elder', '1'));
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-elder', '');
  expect(violations).toEqual([]);
});

test('an inline script that is not hashed is blocked', async ({ page }) => {
  // Proves the policy is enforced at all: a script injected into the page must not run.
  const violations = await watchViolations(page);
  await page.route('**/about/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</main>', '<script>document.title = "pwned";</script></main>');
    await route.fulfill({ response, body: html });
  });
  await page.goto('./about/');
  await expect(page).not.toHaveTitle('pwned');
  expect(violations.join('\n')).toMatch(/script-src/);
});
