/**
 * 无障碍 on the kiosk (kiosk-portrait 1080×1920, kiosk-landscape 1920×1080, touch): every tappable
 * element at least 60 × 60 px (links inside running text excepted), the 无障碍 panel and 朗读 in
 * the kiosk header, and the idle reset that silences the speech and forgets the settings.
 */
import { expect, test, type Page } from '@playwright/test';
import { pagesUnder, sitePages } from '../gates/site.ts';
import { distDir, ONE_KIOSK_SCREEN } from '../site.ts';
import { stubSpeech } from './speech-stub.ts';

test.use({ serviceWorkers: 'block' });

const MIN = 60;

/** One page of every kind, so a new case or hall brings no new test. */
function samplePages(): string[] {
  const all = new Set(sitePages(distDir));
  const first = (prefix: string) => pagesUnder(distDir, prefix).slice(0, 1);
  const indexes = [
    '/',
    '/cases/',
    '/halls/',
    '/routes/',
    '/timeline/',
    '/units/',
    '/sources/',
    '/about/',
    '/search/',
    '/figures/',
    '/tags/',
  ];
  return [
    ...indexes.filter((p) => all.has(p)),
    ...first('/cases/'),
    ...first('/halls/'),
    ...first('/routes/'),
    ...first('/units/'),
    ...first('/tags/'),
  ];
}

/**
 * Runs in the page: tappable elements smaller than `min` px. A link inside running text (an
 * inline link in a paragraph with other words) is excepted, as WCAG 2.5.8 excepts it.
 */
function smallTargets(min: number): string[] {
  const selector =
    'a[href], button, summary, select, textarea, input:not([type="hidden"]), [role="button"], [tabindex]:not([tabindex="-1"])';
  const small: string[] = [];
  for (const el of document.querySelectorAll<HTMLElement>(selector)) {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    if (el.closest('[inert], [aria-hidden="true"]')) continue;
    const target = el.matches('input[type="radio"], input[type="checkbox"]') ? (el.closest('label') ?? el) : el;
    const block = el.parentElement?.closest('p, li, dd, td, figcaption, blockquote');
    const inline = getComputedStyle(el).display === 'inline';
    if (
      el.matches('a') &&
      inline &&
      block &&
      (block.textContent ?? '').trim().length > (el.textContent ?? '').trim().length
    ) {
      continue;
    }
    const rect = target.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    if (rect.width < min - 0.5 || rect.height < min - 0.5) {
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24);
      small.push(`${el.tagName.toLowerCase()} “${name}” ${Math.round(rect.width)}×${Math.round(rect.height)}`);
    }
  }
  return small;
}

async function kioskMode(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('zg-kiosk', '1'));
}

test('every tappable element is at least 60 × 60 px on every kind of page', async ({ page }) => {
  test.setTimeout(180_000);
  await kioskMode(page);
  const failures: string[] = [];
  for (const path of samplePages()) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('data-kiosk', '');
    failures.push(...(await page.evaluate(smallTargets, MIN)).map((s) => `${path}: ${s}`));
  }
  // The 无障碍 panel and the 朗读 player, open.
  const casePage = pagesUnder(distDir, '/cases/')[0] ?? '/cases/';
  await stubSpeech(page);
  await page.goto(casePage);
  await page.getByRole('button', { name: '无障碍', exact: true }).tap();
  await page.getByRole('button', { name: '朗读全文' }).tap();
  await expect(page.getByRole('region', { name: '朗读', exact: true })).toBeVisible();
  failures.push(...(await page.evaluate(smallTargets, MIN)).map((s) => `${casePage} (panel, player): ${s}`));
  expect(failures, `targets under ${MIN} px:\n${failures.join('\n')}`).toEqual([]);
});

test('the footer link 关于 on /cases/ is a full kiosk target', async ({ page }) => {
  await kioskMode(page);
  await page.goto('/cases/');
  const about = page.getByRole('contentinfo').getByRole('link', { name: '关于', exact: true });
  const box = await about.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(MIN);
  expect(box?.height).toBeGreaterThanOrEqual(MIN);
});

test(
  '朗读 and 无障碍 in the kiosk header; the idle reset stops the speech and forgets the settings',
  { tag: ONE_KIOSK_SCREEN },
  async ({ page }) => {
    const log = await stubSpeech(page);
    await page.clock.install({ time: new Date('2026-01-01T08:00:00') });
    await page.clock.pauseAt(new Date('2026-01-01T09:00:00'));
    await page.goto('./kiosk/?idle=3');
    await page.locator('[data-kiosk-attract]').tap();
    const casePage = pagesUnder(distDir, '/cases/')[0] ?? '/cases/';
    await page.goto(casePage);
    await expect(page.locator('html')).toHaveAttribute('data-kiosk', '');

    await page.getByRole('button', { name: '无障碍', exact: true }).tap();
    const panel = page.getByRole('region', { name: '无障碍设置' });
    await panel.getByRole('button', { name: '高对比度' }).tap();
    await panel.getByRole('button', { name: '放大字号' }).tap();
    await expect(page.locator('html')).toHaveAttribute('data-contrast', '');
    await expect(page.locator('html')).toHaveAttribute('data-text-scale', '125');
    await page.getByRole('button', { name: '朗读全文' }).tap();
    await expect.poll(() => log.utterances.length).toBe(1);
    expect(log.utterances[0]?.text).toBe(
      ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim().replace(/\s+/g, ''),
    );
    const spoken = log.calls.length;

    // No touch for the idle time and the countdown: the reset.
    await expect.poll(() => page.evaluate(() => customElements.get('zg-kiosk') !== undefined)).toBe(true);
    await page.clock.runFor(3_100);
    await expect(page.getByRole('dialog', { name: '即将返回首页' })).toBeVisible();
    await page.clock.runFor(3_100);
    await expect(page).toHaveURL(/\/kiosk\/$/);
    await expect.poll(() => log.calls.slice(spoken)).toContain('cancel');
    const state = await page.evaluate(() => ({
      stored: localStorage.getItem('zg-a11y'),
      attributes: document.documentElement.getAttributeNames().filter((n) => /contrast|scale|cursor|guides/.test(n)),
    }));
    expect(state).toEqual({ stored: null, attributes: [] });
  },
);
