import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { NGINX_HEADERS_FILE } from '../../src/integrations/security-headers.ts';
import { distDir, rootUrl, subpath, subpathDistDir, subpathUrl } from '../site.ts';
import { indexedPages } from './search-helpers.ts';

/**
 * Deployment gate: both test builds are served by nginx with deploy/nginx.conf (tests/serve.ts),
 * as a venue's server would serve them. What a visitor's browser gets from it: every file intact
 * with the security headers, text compressed, long caching only for fingerprinted files, the
 * Chinese 404 page, and a search that works. (The CSP, link, request and kiosk-offline gates run
 * through the same servers.)
 */

const deployments = [
  { name: 'at the root', dist: distDir, url: rootUrl },
  { name: `under ${subpath}`, dist: subpathDistDir, url: subpathUrl },
];

/** Types deploy/nginx.conf compresses (text/html always is). */
const COMPRESSED = /\.(html|css|js|mjs|json|svg|xml)$/;
/** Below this nginx sends text as is (gzip_min_length defaults to 20 bytes; leave a margin). */
const SMALL = 256;
const LONG_CACHE = 'public, max-age=31536000, immutable';
/** Astro's fingerprint: `name.<hash>.ext`, the hash 8 characters or more (images add their options' hash). */
const FINGERPRINT = /\.[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

/** The headers the build's nginx snippet adds to every response. */
function snippetHeaders(dist: string): [string, string][] {
  const conf = readFileSync(join(dist, NGINX_HEADERS_FILE), 'utf8');
  return [...conf.matchAll(/add_header ([\w-]+) "([^"]*)" always;/g)].map((m) => [m[1] ?? '', m[2] ?? '']);
}

/** Runs `task` over `items`, `limit` at a time. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
    }),
  );
}

for (const { name, dist, url } of deployments) {
  test.describe(`nginx ${name}`, () => {
    test('every file arrives intact, with the security headers; text gzipped; long caching only on fingerprinted files', async () => {
      test.setTimeout(180_000);
      const expected = snippetHeaders(dist);
      expect(expected.map(([header]) => header)).toContain('Content-Security-Policy');
      const problems: string[] = [];
      const all = files(dist).filter((file) => file !== NGINX_HEADERS_FILE);
      let compressed = 0;
      await pool(all, 8, async (file) => {
        const response = await fetch(new URL(file.split('/').map(encodeURIComponent).join('/'), url), {
          headers: { 'accept-encoding': 'gzip' },
        });
        const say = (what: string) => void problems.push(`${file}: ${what}`);
        if (response.status !== 200) {
          say(`HTTP ${response.status}`);
          return;
        }
        for (const [header, value] of expected) {
          if (response.headers.get(header) !== value) say(`${header} is ${response.headers.get(header)}`);
        }
        // fetch undoes the gzip: what remains must be the very bytes of the built file.
        const built = readFileSync(join(dist, file));
        if (!Buffer.from(await response.arrayBuffer()).equals(built)) say('differs from the built file');
        const size = built.length;
        const encoding = response.headers.get('content-encoding');
        if (COMPRESSED.test(file) && size >= SMALL) {
          if (encoding === 'gzip') compressed++;
          else say(`text of ${size} bytes sent uncompressed`);
        }
        const cache = response.headers.get('cache-control');
        if (file.startsWith('_astro/')) {
          if (cache !== LONG_CACHE) say(`fingerprinted asset has Cache-Control ${cache}`);
          if (!FINGERPRINT.test(file)) say('is cached for a year but has no fingerprint in its name');
        } else if (cache && /max-age=[1-9]/.test(cache)) {
          say(`cached (${cache}) though its name does not change with its content`);
        }
      });
      expect(problems, problems.join('\n')).toEqual([]);
      expect(compressed).toBeGreaterThan(0);
    });

    test('an unknown address gets the Chinese 404 page with the headers; the nginx snippet is not served', async ({
      page,
    }) => {
      const response = await page.goto(`${url}${encodeURIComponent('没有这一页')}/`);
      expect(response?.status()).toBe(404);
      expect(await response?.headerValue('content-security-policy')).toBe(
        snippetHeaders(dist).find(([h]) => h === 'Content-Security-Policy')?.[1],
      );
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      const built = readFileSync(join(dist, '404.html'), 'utf8');
      const heading = /<h1[^>]*>([^<]+)</.exec(built)?.[1]?.trim() ?? '';
      expect(heading).toMatch(/\p{Script=Han}/u);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      // Its styles and links work from any depth.
      const links = page.getByRole('main').getByRole('link');
      expect(await links.count()).toBeGreaterThan(0);
      const snippet = await fetch(`${url}${NGINX_HEADERS_FILE}`);
      expect(snippet.status).toBe(404);
      expect(await snippet.text()).not.toContain('add_header');
    });

    test('search works: its manifest, pair index and page texts load and find a page by its title', async ({
      page,
    }) => {
      test.skip(!existsSync(join(dist, 'search', 'index.html')), 'the site has no search page');
      const failed: string[] = [];
      const loaded: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
        else if (r.url().includes('/pagefind/')) loaded.push(new URL(r.url()).pathname);
      });
      page.on('console', (msg) => {
        if (msg.type() === 'error') failed.push(msg.text());
      });
      // A case from the built index (so a staff edit to titles cannot break this test).
      const target = indexedPages(dist).find((p) => p.url.includes('/cases/') && p.title.length >= 4);
      expect(target, 'the index holds a case').toBeTruthy();
      const title = target?.title ?? '';
      await page.goto(`${url}search/?q=${encodeURIComponent(title)}`);
      await expect(page.locator('[data-hits] a').filter({ hasText: title }).first()).toBeVisible({ timeout: 30_000 });
      // Each kind of index file came through nginx (the gzip fragments unaltered, or the page's
      // text could not have been read for the result).
      for (const kind of [/\/zg-search\.json$/, /\/zg-pairs\/[cp]\d+\.bin$/, /\/fragment\/[^/]+\.pf_fragment$/])
        expect(
          loaded.some((path) => kind.test(path)),
          `${kind} loaded`,
        ).toBe(true);
      expect(failed, failed.join('\n')).toEqual([]);
    });
  });
}
