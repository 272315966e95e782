import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { pageFile, presentations, releaseRoutes, sitePages, usePresentation } from '../gates/site.ts';
import { axeViolations } from '../gates/watch.ts';
import { distDir } from '../site.ts';

/**
 * Accessibility: the keyboard paths and focus indicators a visitor relies on, and proof that the
 * axe gate bites. axe itself runs on every page in every presentation in walk.spec.ts.
 */
test.afterEach(releaseRoutes);

/** The built HTML of a site path. */
const pageHtml = (path: string) => readFileSync(pageFile(distDir, path), 'utf8');

test('the axe gate names the page, the presentation and the rule (an image without alt)', async ({ page }) => {
  // Proves the gate bites: the same check as above on a page given an image with no alt text.
  await page.route('**/about/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</main>', '<img src="/favicon.svg" width="40" height="40"></main>');
    await route.fulfill({ response, body: html });
  });
  await page.goto('./about/');
  const failures = await axeViolations(page, '/about/', 'default');
  expect(failures).toHaveLength(1);
  expect(failures[0]).toMatch(
    /^\/about\/ \[default\] image-alt \(critical\): Images must have alternative text\n\s+img\b.*does not have an alt attribute/,
  );
});

test('in 高对比度 the gate also holds text to 7:1 (AAA), in the same run as the AA rules', async ({ page }) => {
  // Text at about 6.4:1 passes WCAG AA (4.5:1) but not the 7:1 that 高对比度 promises.
  await page.goto('./about/');
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = '对比度约为六点四比一的说明文字';
    Object.assign(p.style, { color: '#5f5f5f', background: '#ffffff', fontSize: '16px', fontWeight: '400' });
    document.querySelector('main')?.append(p);
  });
  expect(await axeViolations(page, '/about/', 'default')).toEqual([]);
  const failures = await axeViolations(page, '/about/', 'high-contrast', ['color-contrast-enhanced']);
  expect(failures).toHaveLength(1);
  expect(failures[0]).toMatch(/^\/about\/ \[high-contrast\] color-contrast-enhanced \(serious\)/);
});

test('the gate runs the best practices of axe too (a skipped heading level)', async ({ page }) => {
  await page.goto('./about/');
  await page.evaluate(() => {
    const heading = document.createElement('h6');
    heading.textContent = '跳级的标题';
    document.querySelector('main')?.append(heading);
  });
  const failures = await axeViolations(page, '/about/', 'default');
  expect(failures.map((f) => f.split(' ')[2])).toEqual(['heading-order']);
});

test.describe('keyboard', () => {
  test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
    await page.goto('./cases/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到正文' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    // The next Tab continues inside the main content, not back in the header.
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement));
    expect(inMain).toBe(true);
  });

  test('every main navigation link is reachable with Tab and opens its section with Enter', async ({ page }) => {
    await page.goto('./');
    const nav = page.getByRole('navigation', { name: '主导航' });
    const links = nav.getByRole('link');
    const names = (await links.allTextContents()).map((s) => s.trim());
    expect(names.length).toBeGreaterThanOrEqual(5);
    const reached: string[] = [];
    for (let i = 0; i < 40 && reached.length < names.length; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.closest('nav') && el instanceof HTMLAnchorElement ? el.textContent?.trim() : undefined;
      });
      if (focused && !reached.includes(focused)) reached.push(focused);
    }
    expect(reached, 'Tab order reaches the navigation links in their visual order').toEqual(names);
    // Enter on the focused (last) link opens that section, marked as current.
    const last = names.at(-1) ?? '';
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: last, exact: true }),
    ).toHaveAttribute('aria-current', 'page');
  });

  test('search: “/” focuses the header box, Enter shows results, Tab and Enter open one', async ({ page }) => {
    test.skip(!sitePages(distDir).includes('/search/'), 'the site has no search page');
    await page.goto(focusCasePage);
    await page.keyboard.press('/');
    const box = page.getByRole('search').first().getByRole('searchbox');
    await expect(box).toBeFocused();
    await page.keyboard.type('讲习所');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=/);
    const results = page.getByRole('region', { name: '搜索结果' });
    const first = results.getByRole('link').first();
    // The engine loads on demand: allow a busy machine time.
    await expect(first).toContainText('讲习所', { timeout: 30_000 });
    // Tab from the search box reaches the first result (filters come first, results after).
    let onResult = false;
    for (let i = 0; i < 60 && !onResult; i++) {
      await page.keyboard.press('Tab');
      onResult = await first.evaluate((el) => el === document.activeElement);
    }
    expect(onResult, 'Tab reaches the first result').toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/(cases|halls|routes)\/.+\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('讲习所');
  });

  test('lightbox: opens from the keyboard, arrows move, Escape closes and returns focus', async ({ page }) => {
    const withGallery = sitePages(distDir).find((path) => pageHtml(path).includes('<zg-gallery'));
    test.skip(!withGallery, 'no page of the site uses the Gallery lightbox');
    await page.goto(withGallery ?? '/');
    const photo = page.locator('zg-gallery a[data-zg-photo]').first();
    // Reach the first photo with Tab, as a keyboard user would.
    let onPhoto = false;
    for (let i = 0; i < 200 && !onPhoto; i++) {
      await page.keyboard.press('Tab');
      onPhoto = await photo.evaluate((el) => el === document.activeElement);
    }
    expect(onPhoto, `Tab reaches the first photo on ${withGallery}`).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    // Focus is inside the dialog, and Tab moves it to another of its buttons, not to the page behind.
    const focusInDialog = () => dialog.evaluate((d) => d.contains(document.activeElement));
    expect(await focusInDialog()).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await focusInDialog()).toBe(true);
    await page.keyboard.press('Tab');
    const counter = dialog.locator('[aria-live]');
    const before = await counter.textContent();
    const photos = await page.locator('zg-gallery').first().locator('a[data-zg-photo]').count();
    if (photos > 1) {
      await page.keyboard.press('ArrowRight');
      await expect(counter).not.toHaveText(before ?? '');
      await page.keyboard.press('ArrowLeft');
      await expect(counter).toHaveText(before ?? '');
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(photo).toBeFocused();
  });

  for (const presentation of presentations) {
    test(`every Tab stop shows a visible focus indicator (${presentation.name})`, async ({ page }) => {
      await page.setViewportSize(presentation.use.viewport);
      await usePresentation(page, presentation);
      const missing: string[] = [];
      for (const path of ['/', '/cases/', focusCasePage]) {
        await page.goto(path);
        const seen = new Set<string>();
        for (let i = 0; i < 120; i++) {
          await page.keyboard.press('Tab');
          const stop = await page.evaluate(focusIndicator);
          if (!stop || seen.has(stop.key)) break; // focus left the page or came round again
          seen.add(stop.key);
          if (!stop.visible) missing.push(`${path} [${presentation.name}] ${stop.label}`);
        }
        expect(seen.size, `${path}: Tab reaches the page's links`).toBeGreaterThan(5);
      }
      expect(missing, `focused elements with no visible indicator:\n${missing.join('\n')}`).toEqual([]);
    });
  }
});

/** A case page with sources, tags and figures: many kinds of links. */
const focusCasePage = '/cases/xinhuoshi/fangxiang-jiangxisuo/';

/**
 * Runs in the page: whether the focused element (or the card or box around it, up to three
 * levels) draws an outline or box-shadow that it does not draw without focus.
 */
function focusIndicator() {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return undefined;
  const chain: HTMLElement[] = [];
  for (
    let node: HTMLElement | null = el;
    node && chain.length < 4 && node !== document.body;
    node = node.parentElement
  ) {
    chain.push(node);
  }
  // Read the end state of focus transitions, not a frame in the middle of them.
  // Drawn parts inside the element count too (an SVG link shows focus on its shapes).
  const parts = [...el.querySelectorAll<Element>('*')].slice(0, 30);
  const look = () => {
    for (const animation of document.getAnimations()) animation.finish();
    const ring = chain.map((node) => {
      const style = getComputedStyle(node);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return `${outline ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : 'none'}|${style.boxShadow}`;
    });
    const drawn = [el, ...parts].map((node) => {
      const style = getComputedStyle(node);
      return [
        style.backgroundColor,
        style.color,
        style.fill,
        style.stroke,
        style.strokeWidth,
        style.textDecorationLine,
      ].join('|');
    });
    return { ring, drawn };
  };
  const focused = look();
  el.blur();
  const blurred = look();
  el.focus({ preventScroll: true });
  const visible =
    focused.ring.some((f, i) => f !== blurred.ring[i] && f !== 'none|none') ||
    focused.drawn.some((f, i) => f !== blurred.drawn[i]);
  const label = `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}”`;
  const key = `${label}@${Math.round(el.getBoundingClientRect().top + scrollY)},${Math.round(el.getBoundingClientRect().left)}`;
  return { visible, label, key };
}
