/**
 * `npm run bench:kiosk`: a long kiosk day in a few minutes. A touch-screen browser (1080×1920)
 * opens /kiosk/?idle=2, then makes 200 taps — attract loop, start screen tiles, cases, links,
 * back buttons, screen-keyboard keys — and lets the idle reset end each visit. JS heap and DOM
 * node counts are measured on the attract loop at the start and at the end, after garbage
 * collection, and must stay within 10 %.
 *
 * Serves dist/ with `npm run kiosk`'s server on PORT (default 4690) unless SITE is given.
 * TAPS (default 200) and VISIT (taps per visit, default 10) vary the run; SEED the tap choices.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { chromiumArgs, ensureChromium } from '../scripts/browser.ts';

const TAPS = Number(process.env['TAPS'] ?? 200);
const VISIT = Number(process.env['VISIT'] ?? 10);
const port = Number(process.env['PORT'] ?? 4690);
let site = process.env['SITE'];
let server: ChildProcess | undefined;

if (!site) {
  site = `http://127.0.0.1:${port}/`;
  server = spawn(process.execPath, ['scripts/kiosk.ts'], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server?.stdout?.once('data', () => resolve());
    server?.once('exit', (code) => reject(new Error(`kiosk server exited (${code}); run npm run build first`)));
  });
}

/** A small seeded generator, so two runs tap the same things. */
let seed = Number(process.env['SEED'] ?? 6);
const random = () => {
  seed = (seed * 1664525 + 1013904223) % 2 ** 32;
  return seed / 2 ** 32;
};
const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];

interface Sample {
  heap: number;
  nodes: number;
  domNodes: number;
  listeners: number;
}

async function sample(page: Page, cdp: CDPSession): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  await page.waitForTimeout(300);
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    heap: metric('JSHeapUsedSize'),
    nodes: metric('Nodes'),
    domNodes: await page.evaluate(() => document.getElementsByTagName('*').length),
    listeners: metric('JSEventListeners'),
  };
}

/** Median of five samples a second apart, while the attract loop runs. */
async function measure(page: Page, cdp: CDPSession): Promise<Sample> {
  const samples: Sample[] = [];
  for (let i = 0; i < 5; i++) {
    samples.push(await sample(page, cdp));
    await page.waitForTimeout(1000);
  }
  const median = (key: keyof Sample) => samples.map((s) => s[key]).sort((a, b) => a - b)[2] ?? 0;
  return { heap: median('heap'), nodes: median('nodes'), domNodes: median('domNodes'), listeners: median('listeners') };
}

/** Waits until the attract loop is on after a reset (or the first load). */
async function attracting(page: Page): Promise<void> {
  await page.waitForURL(/\/kiosk\/(\?idle=\d+)?$/, { timeout: 30_000 });
  await page.locator('[data-kiosk-attract]').waitFor({ state: 'visible', timeout: 30_000 });
}

/** What a visitor taps: tiles, links in the page, the kiosk's header buttons, keyboard keys. */
const TARGETS = [
  '.kiosk-start a',
  'main a[href]',
  '.zg-kiosk-nav :is(a, button)',
  'zg-kiosk-keyboard button',
  'dialog[open] button',
].join(', ');

/** One tap on something a visitor could touch on the current screen. */
async function tapSomething(page: Page): Promise<string> {
  const attract = page.locator('[data-kiosk-attract]:visible');
  if ((await attract.count()) > 0) {
    await attract.tap();
    return 'attract';
  }
  const targets = page.locator(TARGETS);
  // Only what a finger can reach right now: on screen and not under the header or keyboard.
  const candidates = await targets.evaluateAll((els) =>
    els
      .map((el, i) => ({ el, i, r: el.getBoundingClientRect() }))
      .filter(({ el, r }) => {
        if (r.width === 0 || r.height === 0 || r.top < 0 || r.bottom > innerHeight) return false;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit !== null && (hit === el || el.contains(hit));
      })
      .map(({ i }) => i),
  );
  const index = pick(candidates);
  if (index === undefined || random() < 0.1) {
    // Sometimes a visitor just scrolls.
    await page.touchscreen.tap(540, 1200).catch(() => undefined);
    await page.mouse.wheel(0, 700);
    return 'scroll';
  }
  const target = targets.nth(index);
  const label = ((await target.textContent()) ?? '').trim().slice(0, 12);
  await target.tap({ timeout: 2_000 }).catch(() => undefined);
  await page.waitForLoadState('load').catch(() => undefined);
  return label;
}

const browser = await chromium.launch({
  executablePath: ensureChromium(),
  args: [...chromiumArgs, '--enable-precise-memory-info'],
});
const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');

const started = Date.now();
await page.goto(new URL('kiosk/?idle=2', site).href);
await attracting(page);
// Let the service worker install first, as on a kiosk that has been on for a while, and make one
// warm-up visit, so the start figures are those of a kiosk in use rather than of a cold browser.
await page.evaluate(() => navigator.serviceWorker?.ready);
for (let i = 0; i < VISIT; i++) await tapSomething(page);
await attracting(page);
const before = await measure(page, cdp);

let taps = 0;
let resets = 0;
while (taps < TAPS) {
  for (let i = 0; i < VISIT && taps < TAPS; i++) {
    await tapSomething(page);
    taps += 1;
    await page.waitForTimeout(150);
  }
  // The visitor walks away: countdown, reset, attract loop.
  await attracting(page);
  resets += 1;
}
const after = await measure(page, cdp);
const seconds = Math.round((Date.now() - started) / 1000);

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
const change = (a: number, b: number) => (a === 0 ? 0 : ((b - a) / a) * 100);
const rows: [string, (s: Sample) => string, keyof Sample][] = [
  ['JS heap used', (s) => mb(s.heap), 'heap'],
  ['DOM nodes (document)', (s) => String(s.domNodes), 'domNodes'],
  ['DOM nodes (renderer)', (s) => String(s.nodes), 'nodes'],
  ['JS event listeners', (s) => String(s.listeners), 'listeners'],
];
console.log(`\n${taps} taps, ${resets} idle resets, ${seconds} s (1080×1920, touch)\n`);
console.log('| Measure | Start | End | Change |');
console.log('| --- | --- | --- | --- |');
let ok = true;
for (const [name, show, key] of rows) {
  const delta = change(before[key], after[key]);
  if (key !== 'listeners' && Math.abs(delta) > 10) ok = false;
  console.log(`| ${name} | ${show(before)} | ${show(after)} | ${delta >= 0 ? '+' : ''}${delta.toFixed(1)} % |`);
}
console.log(`\n${ok ? '✔ within 10 %' : '✖ more than 10 % apart'}`);

await browser.close();
server?.kill();
process.exit(ok ? 0 : 1);
