/**
 * What the gates run over: every page of the built site (from its sitemap, plus the 404 page)
 * in each presentation a visitor can get (default, kiosk, elder).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Response } from '@playwright/test';

/** Site paths (e.g. `/cases/x/`) listed in the sitemap of the built site in `dir`. */
export function sitemapPaths(dir: string, base = '/'): string[] {
  const index = join(dir, 'sitemap-index.xml');
  if (!existsSync(index)) throw new Error(`${index} is missing: the build wrote no sitemap`);
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
  const paths = locs(readFileSync(index, 'utf8')).flatMap((sitemap) =>
    locs(readFileSync(join(dir, new URL(sitemap).pathname.slice(base.length)), 'utf8')),
  );
  return [...new Set(paths.map((loc) => new URL(loc).pathname))];
}

/**
 * Every page the gates visit: the sitemap, then every other built HTML page (the 404 page, and
 * pages kept out of the sitemap on purpose such as /kiosk/ and /design/, which people still use).
 */
export function sitePages(dir: string): string[] {
  const pages = new Set(sitemapPaths(dir));
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(dir, folder), { withFileTypes: true })) {
      const path = `${folder}${entry.name}`;
      if (entry.isDirectory()) walk(`${path}/`);
      else if (entry.name === 'index.html') pages.add(folder);
      else if (entry.name.endsWith('.html')) pages.add(`/${path.replace(/^\//, '')}`);
    }
  };
  walk('/');
  return [...pages];
}

/** The built file of a site path from `sitePages` (`/cases/x/` → `<dir>/cases/x/index.html`). */
export const pageFile = (dir: string, path: string): string =>
  join(dir, path.endsWith('.html') ? path : `${path}index.html`);

/** Pages of one kind, e.g. `pagesUnder(dir, '/cases/')` → case pages (not the index). */
export function pagesUnder(dir: string, prefix: string): string[] {
  return sitemapPaths(dir).filter((p) => p.startsWith(prefix) && p !== prefix);
}

export interface Presentation {
  name: 'default' | 'kiosk' | 'elder' | 'high-contrast' | 'text-200' | 'elder-text-200';
  /** localStorage entries that switch the presentation on (read by ModeBoot before first paint). */
  storage: Record<string, string>;
  /** Attributes on <html> that show the presentation is on, with their values ('' for a flag). */
  attributes: Record<string, string>;
  /** Screen the presentation is typically seen on. */
  use: { viewport: { width: number; height: number }; hasTouch?: boolean; isMobile?: boolean };
}

export const presentations: Presentation[] = [
  { name: 'default', storage: {}, attributes: {}, use: { viewport: { width: 1920, height: 1080 } } },
  {
    name: 'kiosk',
    storage: { 'zg-kiosk': '1' },
    attributes: { 'data-kiosk': '' },
    use: { viewport: { width: 1080, height: 1920 }, hasTouch: true },
  },
  {
    name: 'elder',
    storage: { 'zg-elder': '1' },
    attributes: { 'data-elder': '' },
    use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
  },
];

/**
 * The 无障碍 settings a visitor can add to any presentation (issue 14): 高对比度, and text at
 * 200 % on a phone, where it is hardest to fit. The accessibility gate walks these as well.
 */
export const settingPresentations: Presentation[] = [
  {
    name: 'high-contrast',
    storage: { 'zg-a11y': JSON.stringify({ contrast: true }) },
    attributes: { 'data-contrast': '' },
    use: { viewport: { width: 1920, height: 1080 } },
  },
  {
    name: 'text-200',
    storage: { 'zg-a11y': JSON.stringify({ scale: 200 }) },
    attributes: { 'data-text-scale': '200' },
    use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
  },
  {
    // Both at once: an older visitor in 长者模式 who also turns the text up.
    name: 'elder-text-200',
    storage: { 'zg-elder': '1', 'zg-a11y': JSON.stringify({ scale: 200 }) },
    attributes: { 'data-elder': '', 'data-text-scale': '200' },
    use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
  },
];

/** Every presentation the gates know. */
export const allPresentations: Presentation[] = [...presentations, ...settingPresentations];
/** The stored choices and <html> attributes of all of them, so that one can be switched off. */
const storageKeys = [...new Set(allPresentations.flatMap((p) => Object.keys(p.storage)))];
const attributeNames = [...new Set(allPresentations.flatMap((p) => Object.keys(p.attributes)))];

/** Switches the presentation on for every page this `page` opens (set before any script runs). */
export async function usePresentation(page: Page, presentation: Presentation): Promise<void> {
  // Each page opens in this presentation alone, whatever a switch on the page before stored.
  await page.addInitScript(
    ({ keys, entries }) => {
      for (const key of keys) localStorage.removeItem(key);
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    },
    { keys: storageKeys, entries: presentation.storage },
  );
}

/**
 * Switches the open page to `presentation` as the page's own controls do (the 长者模式 switch,
 * the 无障碍 panel): the stored choice, the attribute on <html> and the change events, with no
 * reload; then waits until the page has drawn the new look. Settings of other presentations
 * are switched off first. Presentations that need another screen (kiosk) cannot be switched to.
 */
export async function switchPresentation(page: Page, presentation: Presentation): Promise<void> {
  await page.evaluate(
    async ({ keys, names, storage, attributes }) => {
      const root = document.documentElement;
      for (const key of keys) localStorage.removeItem(key);
      for (const name of names) root.removeAttribute(name);
      for (const [key, entry] of Object.entries(storage)) localStorage.setItem(key, entry);
      for (const [name, value] of Object.entries(attributes)) root.setAttribute(name, value);
      document.dispatchEvent(new CustomEvent('zg-elder-change'));
      document.dispatchEvent(new CustomEvent('zg-a11y-change'));
      await document.fonts.ready;
      for (let frame = 0; frame < 2; frame++) await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    },
    { keys: storageKeys, names: attributeNames, storage: presentation.storage, attributes: presentation.attributes },
  );
}

/** Splits `items` into `count` interleaved parts, so each test gets a similar mix of pages. */
export function part<T>(items: T[], index: number, count: number): T[] {
  return items.filter((_, i) => i % count === index);
}

/**
 * Opens `path` the way a visitor reads it: loads it, scrolls to the bottom (so lazy images and
 * deferred code load) and waits until no request has been pending for `quietMs`. Faster than
 * Playwright's networkidle, which always waits 500 ms.
 */
export async function visitWhole(page: Page, path: string, quietMs = 60): Promise<Response> {
  let pending = 0;
  let last = Date.now();
  const start = () => {
    pending += 1;
    last = Date.now();
  };
  const end = () => {
    pending = Math.max(0, pending - 1);
    last = Date.now();
  };
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  try {
    const response = await page.goto(path, { waitUntil: 'load' });
    if (!response || response.status() >= 400) throw new Error(`${path} answered ${response?.status() ?? 'nothing'}`);
    await page.evaluate(async () => {
      // Instant: the site scrolls smoothly, and a smooth scroll still running would move the
      // page under the checks that follow (axe once read the header's colours over the page).
      for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
        window.scrollTo({ top: y, behavior: 'instant' });
        await new Promise((r) => requestAnimationFrame(() => r(undefined)));
      }
      window.scrollTo({ top: document.body.scrollHeight, behavior: 'instant' });
      // One frame for lazy images near the bottom to start loading.
      await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (pending > 0 || Date.now() - last < quietMs)) {
      await page.waitForTimeout(10);
    }
    return response;
  } finally {
    page.off('request', start);
    page.off('requestfinished', end);
    page.off('requestfailed', end);
  }
}

/**
 * Removes the routes a gate installed, ignoring callbacks still fetching, so that a request in
 * flight when one test ends cannot fail the next test in the same worker (use in afterEach).
 */
export async function releaseRoutes({ page }: { page: Page }): Promise<void> {
  await page.context().unrouteAll({ behavior: 'ignoreErrors' });
  await page.unrouteAll({ behavior: 'ignoreErrors' });
}
