import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs } from './scripts/browser.ts';
import { distDir, ONE_KIOSK_SCREEN, port, rootUrl, subpath, subpathDistDir, subpathUrl } from './tests/site.ts';

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const launchOptions = { executablePath, args: chromiumArgs };
/** Whole-site gate specs (issue 8), run once in their own project. */
const gateSpecs = /(a11y|links|requests|csp|budgets|nginx|html-valid)[^/]*\.spec\.ts/;
const lighthouseSpecs = /lighthouse[^/]*\.spec\.ts/;
/** Kiosk specs (issue 6), run on touch screens in portrait and landscape. */
const kioskSpecs = /kiosk[^/]*\.spec\.ts/;
const server = { reuseExistingServer: false, timeout: 300_000, stdout: 'ignore', stderr: 'pipe' } as const;

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  workers: 2,
  // Generous: CI has two cores, and the kiosk tests wait through real idle timeouts.
  timeout: 60_000,
  use: {
    baseURL: rootUrl,
    locale: 'zh-CN',
    launchOptions,
    // A failed test keeps a trace of its actions, console and network. The screencast and DOM
    // snapshots are left out: recording them for every test made the browser suite about a
    // quarter slower (`--trace retain-on-failure` on the command line brings them back).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false },
  },
  projects: [
    {
      // The walk over every page in every presentation (walk.spec.ts) is the longest part
      // of the run: listed first, it starts first and the short specs fill in around it.
      name: 'walk',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1920, height: 1080 }, launchOptions, trace: 'off' },
      testMatch: /walk\.spec\.ts/,
    },
    {
      // Whole-site gates (axe, links, outside requests, CSP, size budgets, HTML); each sets its own
      // screen sizes and presentations. Their long tests come early, so that short ones fill the
      // end of the run before Lighthouse.
      name: 'gates',
      // No trace: a trace of a walk through every page is hundreds of MB; messages name page and rule.
      use: { ...devices['Desktop Chrome'], viewport: { width: 1920, height: 1080 }, launchOptions, trace: 'off' },
      testMatch: gateSpecs,
    },
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1920, height: 1080 }, launchOptions },
      testIgnore: [/subpath\.spec\.ts/, /walk\.spec\.ts/, gateSpecs, lighthouseSpecs, kioskSpecs],
    },
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, launchOptions },
      testIgnore: [/subpath\.spec\.ts/, /walk\.spec\.ts/, gateSpecs, lighthouseSpecs, kioskSpecs],
    },
    {
      name: 'subpath',
      use: { viewport: { width: 1280, height: 900 }, baseURL: subpathUrl, launchOptions },
      testMatch: /subpath\.spec\.ts/,
    },
    {
      // Kiosk totems (1080×1920) and landscape screens (1920×1080): touch, no mouse hover.
      name: 'kiosk-portrait',
      use: { viewport: { width: 1080, height: 1920 }, hasTouch: true, launchOptions },
      testMatch: kioskSpecs,
    },
    {
      name: 'kiosk-landscape',
      use: { viewport: { width: 1920, height: 1080 }, hasTouch: true, launchOptions },
      testMatch: kioskSpecs,
      // Behaviour that does not depend on the screen's shape is checked on the portrait kiosk.
      grepInvert: new RegExp(ONE_KIOSK_SCREEN),
    },
    {
      // Lighthouse measures speed: it runs alone, after everything else, one page at a time.
      name: 'lighthouse',
      testMatch: lighthouseSpecs,
      workers: 1,
      dependencies: ['walk', 'gates', 'desktop', 'phone', 'subpath', 'kiosk-portrait', 'kiosk-landscape'],
    },
  ],
  webServer: {
    ...server,
    // Both builds one after the other, sharing one cache (the sub-path build reuses the processed
    // photos), then both served by nginx with deploy/nginx.conf (tests/serve.ts).
    command: [
      // The real publishing build (content check, swap into place), into this run's own folder.
      'node scripts/build.ts',
      `env BASE_PATH=${subpath} OUT_DIR=${subpathDistDir} astro build`,
      'node tests/serve.ts',
    ].join(' && '),
    // Answers once both servers are up (the root one starts first).
    url: subpathUrl,
    timeout: 900_000,
    env: { PUBLISH_DIR: distDir, OUT_DIR: distDir, CACHE_DIR: `node_modules/.astro-e2e-${port}` },
  },
});
