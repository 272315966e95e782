import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { part, releaseRoutes, presentations, settingPresentations, sitePages, usePresentation } from '../gates/site.ts';
import { distDir } from '../site.ts';

test.afterEach(releaseRoutes);

/** The built HTML of a site path. */
const pageHtml = (path: string) =>
  readFileSync(join(distDir, path.endsWith('.html') ? path : `${path}index.html`), 'utf8');

/**
 * Accessibility gate: axe (WCAG 2.0/2.1/2.2 A and AA rules) on every page of the built site, in
 * the default, kiosk and elder presentations and with the 无障碍 settings 高对比度 (plus axe's AAA
 * contrast rule, 7:1) and 200 % text; on each page also the structure and spacing rules below.
 * Zero violations; a failure names the page, the presentation, the rule and the elements.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Tests per presentation, so the two workers share the pages and a failure shows early. */
const PARTS = 6;
/** Time allowed per page (axe on a long page of a busy 2-core machine can take several seconds). */
const PER_PAGE_MS = 30_000;

async function axeViolations(page: Page, path: string, presentation: string, rules?: string[]): Promise<string[]> {
  // Only violations are needed: skipping the passes' details makes each run much faster.
  const builder = rules ? new AxeBuilder({ page }).withRules(rules) : new AxeBuilder({ page }).withTags(TAGS);
  const { violations } = await builder.options({ resultTypes: ['violations'] }).analyze();
  return violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 5)
      .map(
        (n) =>
          `    ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1).join(' ').trim()}` : ''}`,
      )
      .join('\n');
    return `${path} [${presentation}] ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${nodes}`;
  });
}

/**
 * Runs in the page: what breaks the structure and spacing every page must have (issue 14): a
 * 跳到正文 link to the main landmark, one banner, main and contentinfo, one h1 and no skipped
 * heading level; body text with a line height of at least 1.5 and paragraphs further apart than
 * the lines inside them (MIIT 适老化 2021, WCAG 1.4.12).
 */
function structureProblems(): string[] {
  const problems: string[] = [];
  const skip = [...document.querySelectorAll<HTMLAnchorElement>('a[href="#main"]')].find(
    (a) => a.textContent?.trim() === '跳到正文',
  );
  if (!skip || !document.querySelector('main#main')) problems.push('no 跳到正文 link to <main id="main">');
  for (const [selector, role] of [
    ['body > header', 'banner'],
    ['main', 'main'],
    ['body > footer', 'contentinfo'],
  ] as const) {
    const count = document.querySelectorAll(selector).length;
    if (count !== 1) problems.push(`${count} ${role} landmarks`);
  }
  const headings = [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].filter(
    (h) => h.checkVisibility() && !h.closest('[aria-hidden="true"], dialog:not([open])'),
  );
  const h1s = headings.filter((h) => h.tagName === 'H1').length;
  if (h1s !== 1) problems.push(`${h1s} h1 headings`);
  let level = 0;
  for (const heading of headings) {
    const next = Number(heading.tagName[1]);
    if (next > level + 1 && level > 0) {
      problems.push(`heading level skipped: h${level} → h${next} “${heading.textContent?.trim().slice(0, 20)}”`);
    }
    level = next;
  }
  // Reflow (WCAG 1.4.10): larger text wraps, the page never scrolls sideways.
  const { scrollWidth, clientWidth } = document.documentElement;
  if (scrollWidth > clientWidth + 1) problems.push(`the page scrolls sideways: ${scrollWidth} px in ${clientWidth} px`);
  const root = parseFloat(getComputedStyle(document.documentElement).fontSize);
  for (const el of document.querySelectorAll<HTMLElement>('main :is(p, li, dd, blockquote)')) {
    if (!el.checkVisibility() || el.closest('[aria-hidden="true"], .sr-only') || !el.textContent?.trim()) continue;
    const style = getComputedStyle(el);
    const size = parseFloat(style.fontSize);
    // Body text, not display figures or titles set large on purpose.
    if (size > root * 1.4) continue;
    const line = style.lineHeight === 'normal' ? size * 1.2 : parseFloat(style.lineHeight);
    if (line / size < 1.5 - 0.01) {
      problems.push(
        `line height ${(line / size).toFixed(2)} < 1.5: ${el.tagName.toLowerCase()}.${el.className} “${el.textContent.trim().slice(0, 16)}”`,
      );
    }
  }
  for (const p of document.querySelectorAll<HTMLElement>('main .zg-prose > p + p')) {
    const previous = p.previousElementSibling;
    if (!previous || !p.checkVisibility()) continue;
    const style = getComputedStyle(p);
    const leading = parseFloat(style.lineHeight) - parseFloat(style.fontSize);
    const gap = p.getBoundingClientRect().top - previous.getBoundingClientRect().bottom;
    if (gap <= leading) {
      problems.push(
        `paragraph spacing ${gap.toFixed(1)} px ≤ line spacing ${leading.toFixed(1)} px: “${p.textContent?.trim().slice(0, 16)}”`,
      );
    }
  }
  return problems;
}

for (const presentation of [...presentations, ...settingPresentations]) {
  test.describe(`axe, ${presentation.name} presentation`, () => {
    test.use(presentation.use);

    for (let index = 0; index < PARTS; index++) {
      test(`every page has no WCAG 2.2 AA violation (part ${index + 1} of ${PARTS})`, async ({ page }) => {
        await usePresentation(page, presentation);
        const pages = part(sitePages(distDir), index, PARTS);
        test.setTimeout(Math.max(120_000, pages.length * PER_PAGE_MS));
        expect(pages.length).toBeGreaterThan(0);
        const failures: string[] = [];
        for (const path of pages) {
          const response = await page.goto(path);
          expect(response?.status(), `${path} answers`).toBeLessThan(400);
          if (presentation.attribute) {
            // The presentation really is on: otherwise this would silently test the default look.
            await expect(page.locator('html'), `${path} in ${presentation.name}`).toHaveAttribute(
              presentation.attribute,
            );
          }
          failures.push(...(await axeViolations(page, path, presentation.name)));
          if (presentation.name === 'high-contrast') {
            // WCAG AAA contrast (7:1, large text 4.5:1), which 高对比度 promises.
            failures.push(...(await axeViolations(page, path, presentation.name, ['color-contrast-enhanced'])));
          }
          failures.push(
            ...(await page.evaluate(structureProblems)).map((p) => `${path} [${presentation.name}] structure: ${p}`),
          );
        }
        expect(failures, `axe found violations:\n${failures.join('\n')}`).toEqual([]);
      });
    }
  });
}

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
