import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs } from './scripts/browser.ts';

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Port of the root build and of the build under a sub-path. */
export const ports = { root: 4321, subpath: 4322 } as const;
export const subpath = '/zhanguan/';

const launchOptions = { executablePath, args: chromiumArgs };

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  workers: 2,
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${ports.root}/`,
    locale: 'zh-CN',
    launchOptions,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1920, height: 1080 }, launchOptions },
      testIgnore: /subpath\.spec\.ts/,
    },
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, launchOptions },
      testIgnore: /subpath\.spec\.ts/,
    },
    {
      name: 'subpath',
      use: {
        viewport: { width: 1280, height: 900 },
        baseURL: `http://127.0.0.1:${ports.subpath}${subpath}`,
        launchOptions,
      },
      testMatch: /subpath\.spec\.ts/,
    },
  ],
  webServer: [
    {
      command: `node scripts/build.ts && astro preview --ignore-lock --port ${ports.root}`,
      url: `http://127.0.0.1:${ports.root}/`,
      reuseExistingServer: !process.env['CI'],
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `astro build && astro preview --ignore-lock --port ${ports.subpath}`,
      url: `http://127.0.0.1:${ports.subpath}${subpath}`,
      env: { BASE_PATH: subpath, OUT_DIR: './dist-subpath', CACHE_DIR: './node_modules/.astro-subpath' },
      reuseExistingServer: !process.env['CI'],
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
