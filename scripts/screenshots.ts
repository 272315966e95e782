/**
 * `npm run screenshots [-- /path/ …]`: full-page PNGs of the built site (served by `npm run preview`
 * or `npm start` on 127.0.0.1:4321) at desktop, phone and kiosk sizes, into screenshots/.
 * SCHEME=dark, MODE=elder, SIZES=desktop,phone and SHOTS_DIR=folder vary the shots.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, ensureChromium } from './browser.ts';

const base = process.env['SITE'] ?? 'http://127.0.0.1:4321';
const paths = process.argv.slice(2).filter((a) => a.startsWith('/'));
const pages = paths.length > 0 ? paths : ['/', '/cases/', '/halls/', '/routes/', '/timeline/'];
const sizes = {
  desktop: { width: 1920, height: 1080 },
  phone: { width: 390, height: 844 },
  kiosk: { width: 1080, height: 1920 },
};
const scheme = process.env['SCHEME'] === 'dark' ? 'dark' : 'light';
const full = process.env['FULL'] !== '0';
/** MODE=elder shoots the 适老化 presentation (as if the visitor had switched it on). */
const elder = process.env['MODE'] === 'elder';
/** SIZES=desktop,phone limits the viewports. */
const only = process.env['SIZES']?.split(',');
const outDir = process.env['SHOTS_DIR'] ?? 'screenshots';

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs });
for (const [name, viewport] of Object.entries(sizes)) {
  if (only && !only.includes(name)) continue;
  const context = await browser.newContext({
    viewport,
    colorScheme: scheme,
    isMobile: name === 'phone',
    hasTouch: name !== 'desktop',
    deviceScaleFactor: 1,
  });
  if (elder) await context.addInitScript(() => localStorage.setItem('zg-elder', '1'));
  const page = await context.newPage();
  for (const path of pages) {
    await page.goto(new URL(path, base).toString(), { waitUntil: 'networkidle' });
    const file = `${outDir}/${name}-${scheme}${elder ? '-elder' : ''}${path.replace(/\//g, '_') || '_'}.png`;
    await page.screenshot({ path: file, fullPage: full });
    console.log(file);
  }
  await context.close();
}
await browser.close();
