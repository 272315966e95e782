/**
 * Shared steps of the search specs: run a query through the search page as a visitor would, and
 * read what the build indexed (the records' texts in the index's fragments), straight from the
 * built site, as the ground truth.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, type Page } from '@playwright/test';

/** Waits until the search page has answered (status written, no longer busy). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const app = document.querySelector('zg-search');
    const status = app?.querySelector('[role="status"]')?.textContent ?? '';
    return app && !app.hasAttribute('aria-busy') && status !== '' && !status.includes('正在搜索');
  });
}

/** Presses “显示更多结果” until every result is listed; returns how many are. */
export async function showAll(page: Page): Promise<number> {
  const hits = page.locator('[data-hits] > li');
  const more = page.locator('[data-more]');
  while (await more.isVisible()) {
    const before = await hits.count();
    // Not click(): scrolling the button into view can load the next results by itself (up to a
    // page of 20), which moves the button or hides it when none are left; search.spec tests the
    // button as a visitor uses it.
    await more.dispatchEvent('click');
    // The click added results, or the page had just shown the last ones by itself (a screen
    // that still had room loads the next few) and hid the button before the click arrived.
    await expect
      .poll(async () => (await hits.count()) > before || !(await more.isVisible()), {
        message: '“显示更多结果” adds results until none are left',
      })
      .toBe(true);
  }
  return hits.count();
}

/**
 * Searches with /search/?<params> and returns the result links in order (every page of
 * results). On the search page already, a plain query is typed into the box and submitted, as a
 * visitor searching again would; otherwise the page is opened at that address.
 */
export async function search(page: Page, params: string): Promise<{ title: string; href: string }[]> {
  const query = new URLSearchParams(params);
  const box = page.getByRole('searchbox', { name: '搜索关键词' });
  if (new URL(page.url()).pathname.endsWith('/search/') && [...query.keys()].join() === 'q') {
    await box.fill(query.get('q') ?? '');
    await box.press('Enter');
  } else {
    await page.goto(`search/?${params}`);
  }
  await settled(page);
  await expect(box).toHaveValue(query.get('q') ?? '');
  await showAll(page);
  return page.locator('[data-hits] > li h2 a').evaluateAll((links) =>
    links.map((a) => ({
      title: a.textContent ?? '',
      href: new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash,
    })),
  );
}

export interface IndexedPage {
  url: string;
  /** The indexed text of the page (word separators, which Pagefind's fragments had, removed). */
  text: string;
  title: string;
}

/** Every page record in a built site's search bundle (the token records are not on disk). */
export function indexedPages(dist: string): IndexedPage[] {
  const dir = join(dist, 'pagefind', 'fragment');
  return readdirSync(dir).map((name) => {
    const raw = gunzipSync(readFileSync(join(dir, name)))
      .toString('utf8')
      .replace(/^pagefind_dcd/, '');
    const { url, content, meta } = JSON.parse(raw) as { url: string; content: string; meta: { title?: string } };
    return { url, text: content.replace(/\u200b/g, ''), title: meta.title ?? '' };
  });
}
