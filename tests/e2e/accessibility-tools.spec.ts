/**
 * 无障碍 tools (issue 14) in a real browser: 朗读全文 and 点读 with a recording stand-in for speech
 * synthesis, the 无障碍 panel's settings (computed styles, persistence across pages, applied before
 * first paint), a keyboard-only walk through the panel, contrast of 7:1 with 高对比度 on, and the
 * text spacing and structure rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { pagesUnder } from '../gates/site.ts';
import { axeResults, axeSummary } from '../gates/watch.ts';
import { distDir } from '../site.ts';
import { finishUtterance, stubSpeech } from './speech-stub.ts';
import { speakable } from '../../src/utils/speech.ts';

/** The first case page of the built site with key figures (read when the tests run, not at load). */
let casePath: string | undefined;
function casePage(): string {
  casePath ??= pagesUnder(distDir, '/cases/').find((path) =>
    readFileSync(join(distDir, path, 'index.html'), 'utf8').includes('class="value'),
  );
  if (!casePath) throw new Error('the built site has no case page with key figures');
  return casePath;
}

const readButton = (page: Page) => page.getByRole('button', { name: '朗读全文' });
const toolsButton = (page: Page) => page.getByRole('button', { name: '无障碍', exact: true });
const panel = (page: Page) => page.getByRole('region', { name: '无障碍设置' });
const player = (page: Page) => page.getByRole('region', { name: '朗读', exact: true });

/** Text of the sentence highlighted as being read ('' when none). */
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get('zg-reading');
    const range = highlight ? [...highlight][0] : undefined;
    return range instanceof Range ? range.toString().trim() : '';
  });

/** Opens the 无障碍 panel with the mouse. */
async function openPanel(page: Page): Promise<void> {
  await toolsButton(page).click();
  await expect(panel(page)).toBeVisible();
}

test.describe('朗读全文', () => {
  test('reads the page from its title, highlights each sentence in view, speaks figures as printed', async ({
    page,
  }) => {
    const log = await stubSpeech(page);
    await page.goto(casePage());
    const title = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
    await readButton(page).click();
    await expect.poll(() => log.utterances.length).toBe(1);
    expect(log.utterances[0]?.text).toBe(speakable(title));
    expect(log.utterances[0]?.lang).toBe('zh-CN');
    expect(await highlighted(page)).toBe(title);
    await expect(player(page).getByRole('button', { name: '暂停' })).toBeFocused();
    await expect(player(page).getByRole('button', { name: '停止朗读' })).toBeVisible();

    // Each end of an utterance brings the next sentence; figure cards are read as one sentence.
    const figure = page.locator('.card .value').first();
    const printed = (await figure.getAttribute('title')) ?? '';
    expect(printed).not.toBe('');
    for (let i = 0; i < 60 && !log.utterances.some((u) => u.text.includes(speakable(printed))); i++) {
      const count = log.utterances.length;
      await finishUtterance(page);
      await expect.poll(() => log.utterances.length).toBe(count + 1);
    }
    const spokenFigure = log.utterances.find((u) => u.text.includes(speakable(printed)));
    expect(spokenFigure, `the figure ${printed} is read`).toBeDefined();
    // The whole card in one sentence: what was counted, the figure, as of when, from where.
    expect(spokenFigure?.text).toMatch(/：.+，截至.+，来源：.+。$/);

    // Further down the body: the sentence read is on screen, clear of the player.
    for (let i = 0; i < 12; i++) {
      const count = log.utterances.length;
      await finishUtterance(page);
      await expect.poll(() => log.utterances.length).toBe(count + 1);
    }
    const sentence = await highlighted(page);
    expect(sentence.length).toBeGreaterThan(0);
    expect(speakable(sentence)).toBe(log.utterances.at(-1)?.text);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const range = [...(CSS.highlights.get('zg-reading') ?? [])][0];
          const rect = range instanceof Range ? range.getBoundingClientRect() : undefined;
          const playerTop = document.querySelector('[data-read-player]')?.getBoundingClientRect().top ?? innerHeight;
          return !!rect && rect.top >= 0 && rect.bottom <= playerTop;
        }),
      )
      .toBe(true);
  });

  test('暂停 and 继续, 语速, then 停止朗读 cancels speech and returns focus', async ({ page }) => {
    const log = await stubSpeech(page);
    await page.goto(casePage());
    await readButton(page).click();
    const controls = player(page);
    await controls.getByRole('button', { name: '暂停' }).click();
    await expect.poll(() => log.calls.at(-1)).toBe('pause');
    await expect(controls.getByRole('status')).toHaveText('已暂停');
    await controls.getByRole('button', { name: '继续' }).click();
    await expect.poll(() => log.calls.at(-1)).toBe('resume');
    await expect(controls.getByRole('status')).toHaveText('正在朗读');

    // A slower rate restarts the sentence at once, and is kept for the next page.
    const spoken = log.utterances.length;
    await controls.getByRole('radio', { name: '慢速' }).check();
    await expect.poll(() => log.utterances.length).toBe(spoken + 1);
    expect(log.utterances.at(-1)?.rate).toBeLessThan(1);
    expect(log.utterances.at(-1)?.text).toBe(log.utterances.at(-2)?.text);

    await controls.getByRole('button', { name: '停止朗读' }).click();
    await expect.poll(() => log.calls.at(-1)).toBe('cancel');
    await expect(controls).toBeHidden();
    expect(await highlighted(page)).toBe('');
    await expect(readButton(page)).toBeFocused();

    await page.goto('/about/');
    await readButton(page).click();
    await expect.poll(() => log.utterances.at(-1)?.rate).toBeLessThan(1);
  });

  test('leaving the page stops the speech', async ({ page }) => {
    const log = await stubSpeech(page);
    await page.goto(casePage());
    await readButton(page).click();
    await expect.poll(() => log.calls).toContain('speak');
    const before = log.calls.length;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link').first().click();
    await expect(page).not.toHaveURL(new RegExp(`${casePage()}$`));
    await expect.poll(() => log.calls.slice(before)).toContain('cancel');
  });

  test('without a Chinese voice the button says so and nothing is spoken', async ({ page }) => {
    const log = await stubSpeech(page, ['en-US', 'ja-JP']);
    await page.goto(casePage());
    const button = page.locator('[data-read-start]');
    await expect(button).toHaveText('本机无中文语音，无法朗读');
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    // Disabled for assistive technology, but a press must still do nothing harmful.
    await button.click({ force: true });
    await expect(player(page)).toBeHidden();
    expect(log.utterances).toEqual([]);
  });

  test('点读 in 长者模式: a tap on a paragraph reads that paragraph', async ({ page }) => {
    const log = await stubSpeech(page);
    await page.addInitScript(() => localStorage.setItem('zg-elder', '1'));
    await page.goto(casePage());
    await openPanel(page);
    const point = panel(page).getByRole('button', { name: '点读' });
    await point.click();
    await expect(point).toHaveAttribute('aria-pressed', 'true');
    const paragraph = page.locator('main .zg-prose > p').nth(1);
    const text = ((await paragraph.textContent()) ?? '').trim();
    await paragraph.click({ position: { x: 20, y: 10 } });
    await expect.poll(() => log.utterances.length).toBe(1);
    expect(text.replace(/\s+/g, '')).toContain(log.utterances[0]?.text.replace(/\s+/g, '').slice(0, 20));
    // Off outside 长者模式: the switch is not offered, a tap reads nothing.
    await page.evaluate(() => localStorage.removeItem('zg-elder'));
    await page.addInitScript(() => localStorage.removeItem('zg-elder'));
    await page.reload();
    await openPanel(page);
    await expect(panel(page).getByRole('button', { name: '点读' })).toBeHidden();
    const spoken = log.utterances.length;
    await page
      .locator('main .zg-prose > p')
      .nth(1)
      .click({ position: { x: 20, y: 10 } });
    await page.waitForTimeout(300);
    expect(log.utterances.length).toBe(spoken);
  });
});

test.describe('无障碍 panel', () => {
  // Mouse aids (大鼠标, 十字辅助线) and Tab walks are for computers; the phone project has neither.
  test.skip(({ isMobile }) => isMobile, 'mouse and keyboard aids are tested on the desktop');

  /** Computed styles the settings change, on the page as it is now. */
  const looks = (page: Page) =>
    page.evaluate(() => {
      const html = getComputedStyle(document.documentElement);
      const body = getComputedStyle(document.body);
      const h1 = document.querySelector('main h1');
      return {
        rootSize: parseFloat(html.fontSize),
        ink: body.color,
        paper: getComputedStyle(document.documentElement).backgroundColor,
        title: h1 ? getComputedStyle(h1).color : '',
        cursor: getComputedStyle(document.querySelector('main') ?? document.body).cursor,
        linkCursor: getComputedStyle(document.querySelector('main a[href]') ?? document.body).cursor,
      };
    });

  test('each setting changes the page as specified and stays on the next page and the next visit', async ({
    page,
    context,
  }) => {
    await page.goto(casePage());
    const before = await looks(page);
    await openPanel(page);
    const tools = panel(page);

    // 放大字号: four steps from 100 % to 200 %, no further; 缩小字号 goes back.
    const size = tools.locator('output');
    const larger = tools.getByRole('button', { name: '放大字号' });
    await expect(size).toHaveText('100%');
    await expect(tools.getByRole('button', { name: '缩小字号' })).toHaveAttribute('aria-disabled', 'true');
    for (const step of ['125%', '150%', '175%', '200%']) {
      await larger.click();
      await expect(size).toHaveText(step);
    }
    await expect(larger).toHaveAttribute('aria-disabled', 'true');
    expect((await looks(page)).rootSize).toBeCloseTo(before.rootSize * 2, 1);
    await tools.getByRole('button', { name: '缩小字号' }).click();
    expect((await looks(page)).rootSize).toBeCloseTo(before.rootSize * 1.75, 1);

    // 高对比度: black on white.
    await tools.getByRole('button', { name: '高对比度' }).click();
    await expect(tools.getByRole('button', { name: '高对比度' })).toHaveAttribute('aria-pressed', 'true');
    // 大鼠标: a 64 px drawn pointer, a hand on links.
    await tools.getByRole('button', { name: '大鼠标' }).click();
    // 十字辅助线.
    await tools.getByRole('button', { name: '十字辅助线' }).click();

    const viewport = page.viewportSize() ?? { width: 0, height: 0 };
    const check = async () => {
      const now = await looks(page);
      expect(now.rootSize).toBeCloseTo(before.rootSize * 1.75, 1);
      expect(now.ink).toBe('rgb(0, 0, 0)');
      expect(now.title).toBe('rgb(0, 0, 0)');
      expect(now.paper).toBe('rgb(255, 255, 255)');
      expect(now.cursor).toMatch(/^url\("data:image\/svg\+xml.*width='64'.*\) 6 4, auto$/);
      expect(now.linkCursor).toMatch(/^url\("data:image\/svg\+xml.*\) 22 6, pointer$/);
      // The guide lines follow the mouse and never take a click.
      await page.mouse.move(600, 380);
      await page.mouse.move(640, 420, { steps: 2 });
      const guides = page.locator('.zg-guides');
      await expect(guides).toBeVisible();
      await expect
        .poll(() =>
          guides.evaluate((el) => {
            const [h, v] = [...el.children].map((c) => c.getBoundingClientRect());
            return {
              y: Math.round(h?.top ?? 0),
              x: Math.round(v?.left ?? 0),
              width: Math.round(h?.width ?? 0),
              height: Math.round(v?.height ?? 0),
              events: getComputedStyle(el).pointerEvents,
            };
          }),
        )
        .toEqual({ y: 420, x: 640, width: viewport.width, height: viewport.height, events: 'none' });
    };
    await check();
    expect(before.ink).not.toBe('rgb(0, 0, 0)');
    expect(before.cursor).toBe('auto');

    // Another page, and a new visit in the same browser.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link').nth(1).click();
    await check();
    const again = await context.newPage();
    await again.goto('/about/');
    await expect(again.locator('html')).toHaveAttribute('data-contrast', '');
    await again.close();

    // 重置: everything back, nothing stored.
    await openPanel(page);
    await panel(page).getByRole('button', { name: '重置' }).click();
    const reset = await looks(page);
    expect(reset.rootSize).toBeCloseTo(before.rootSize, 1);
    expect(reset.ink).toBe(before.ink);
    expect(reset.cursor).toBe('auto');
    await page.mouse.move(300, 300);
    await expect(page.locator('.zg-guides')).toBeHidden();
    expect(await page.evaluate(() => localStorage.getItem('zg-a11y'))).toBeNull();
  });

  test('settings apply before first paint: <html> has them when <body> appears', async ({ page }) => {
    await page.addInitScript(() => {
      localStorage.setItem('zg-a11y', JSON.stringify({ scale: 150, contrast: true, cursor: true, guides: true }));
      // Records <html>'s attributes the moment the parser creates <body>, before anything is drawn.
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        observer.disconnect();
        const root = document.documentElement;
        (window as unknown as { atBody: string[] }).atBody = root
          .getAttributeNames()
          .filter((n) => n.startsWith('data-') && !n.startsWith('data-astro'));
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(casePage());
    const atBody = await page.evaluate(() => (window as unknown as { atBody?: string[] }).atBody ?? []);
    expect(atBody.sort()).toEqual(['data-contrast', 'data-cursor', 'data-guides', 'data-text-scale']);
  });

  test('keyboard only: open, change every setting, close with Escape', async ({ page }) => {
    await page.goto(casePage());
    const open = toolsButton(page);
    // From the top of the page: 跳到正文, 朗读全文, 无障碍.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await open.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(open).toBeFocused();
    await expect(open).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Enter');
    await expect(open).toHaveAttribute('aria-expanded', 'true');
    const tools = panel(page);
    await expect(tools.getByRole('button', { name: '缩小字号' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(tools.getByRole('button', { name: '放大字号' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('data-text-scale', '125');
    await page.keyboard.press('Tab');
    await expect(tools.getByRole('button', { name: '高对比度' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.locator('html')).toHaveAttribute('data-contrast', '');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('data-cursor', '');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('data-guides', '');
    // 语速: one Tab stop, arrows choose.
    await page.keyboard.press('Tab');
    await expect(tools.getByRole('radio', { name: '正常' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(tools.getByRole('radio', { name: '快速' })).toBeChecked();
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('zg-a11y') ?? '{}').rate)).toBe('fast');
    await page.keyboard.press('Tab');
    await expect(tools.getByRole('button', { name: '重置' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).not.toHaveAttribute('data-contrast');
    await expect(tools.getByRole('radio', { name: '正常' })).toBeChecked();
    // The panel is clean for axe, then Escape closes it and focus returns to its button.
    expect(axeSummary(await axeResults(page, { include: '#zg-a11y-panel' }))).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(tools).toBeHidden();
    await expect(open).toBeFocused();
    await expect(open).toHaveAttribute('aria-expanded', 'false');
  });
});

test.describe('reading comfort', () => {
  test('figure cards read as one sentence to a screen reader', async ({ page }) => {
    await page.goto(casePage());
    const cards = page.locator('main .card:has(.value)');
    expect(await cards.count()).toBeGreaterThan(0);
    for (const card of await cards.all()) {
      const printed = (await card.locator('.value').getAttribute('title')) ?? '';
      const tree = await card.ariaSnapshot();
      // One sentence, then the closed 「原文」 disclosure that opens the source passage.
      const [sentence, ...rest] = tree.split('\n');
      expect(rest, tree).toEqual(['- group: 原文']);
      expect(sentence).toContain(printed);
      expect(sentence).toMatch(/^- paragraph: .+：.+，截至.+，来源：.+。$/);
    }
  });
});

/**
 * Runs in the page: text whose colour has less than `min`:1 contrast with what lies behind it
 * (WCAG relative luminance; translucent layers composited; text over a picture or gradient is
 * counted as unmeasured). Returns the failures and how many texts were measured.
 */
function lowContrast(min: number): { failures: string[]; measured: number; unmeasured: number } {
  type Rgba = [number, number, number, number];
  const parse = (value: string): Rgba | undefined => {
    const m = /rgba?\(([^)]+)\)/.exec(value) ?? /color\(srgb ([^)]+)\)/.exec(value);
    if (!m?.[1]) return undefined;
    const parts = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    const scale = value.startsWith('color(') ? 255 : 1;
    return [(parts[0] ?? 0) * scale, (parts[1] ?? 0) * scale, (parts[2] ?? 0) * scale, parts[3] ?? 1];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const mix = (i: 0 | 1 | 2) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const luminance = ([r, g, b]: Rgba) => {
    const c = [r, g, b].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (c[0] ?? 0) + 0.7152 * (c[1] ?? 0) + 0.0722 * (c[2] ?? 0);
  };
  const page = parse(getComputedStyle(document.documentElement).backgroundColor) ?? [255, 255, 255, 1];
  const background = (el: Element): Rgba | undefined => {
    const layers: Rgba[] = [];
    for (let node: Element | null = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== 'none') return undefined;
      const color = parse(style.backgroundColor);
      if (color && color[3] > 0) layers.push(color);
      if (color && color[3] >= 1) break;
    }
    return layers.reduceRight<Rgba>((below, layer) => over(layer, below), page[3] < 1 ? [255, 255, 255, 1] : page);
  };
  const failures: string[] = [];
  let measured = 0;
  let unmeasured = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || seen.has(el) || !node.textContent?.trim()) continue;
    seen.add(el);
    if (
      !el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) ||
      el.closest('.sr-only, [aria-hidden="true"] svg, script, style')
    )
      continue;
    const rect = el.getBoundingClientRect();
    if (rect.width < 2 || rect.height < 2) continue;
    const back = background(el);
    const fore = parse(getComputedStyle(el).color);
    if (!back || !fore) {
      unmeasured += 1;
      continue;
    }
    const text = over(fore, back);
    const [l1, l2] = [luminance(text), luminance(back)].sort((a, b) => b - a);
    const ratio = ((l1 ?? 0) + 0.05) / ((l2 ?? 0) + 0.05);
    measured += 1;
    if (ratio < min)
      failures.push(
        `${ratio.toFixed(2)}:1 ${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${node.textContent.trim().slice(0, 16)}”`,
      );
  }
  return { failures, measured, unmeasured };
}

test.describe('高对比度', () => {
  test.skip(({ isMobile }) => isMobile, 'colours do not depend on the screen; measured once, on the desktop');

  for (const scheme of ['light', 'dark'] as const) {
    test(`every text on one page of each kind has a contrast of at least 7:1 (${scheme} scheme)`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.addInitScript(() => localStorage.setItem('zg-a11y', JSON.stringify({ contrast: true })));
      const pages = [
        '/',
        '/cases/',
        casePage(),
        '/halls/',
        ...pagesUnder(distDir, '/halls/').slice(0, 1),
        '/routes/',
        ...pagesUnder(distDir, '/routes/').slice(0, 1),
        '/timeline/',
        '/units/',
        ...pagesUnder(distDir, '/units/').slice(0, 1),
        '/about/',
      ];
      const failures: string[] = [];
      for (const path of pages) {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-contrast', '');
        const result = await page.evaluate(lowContrast, 7);
        expect(result.measured, `${path}: texts measured`).toBeGreaterThan(20);
        failures.push(...result.failures.map((f) => `${path}: ${f}`));
      }
      expect(failures, `text under 7:1 with 高对比度 on:\n${failures.join('\n')}`).toEqual([]);
    });
  }
});
