import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs } from './scripts/browser.ts';

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const launchOptions = { executablePath, args: chromiumArgs };

/**
 * The 编辑台 (npm run edit): each spec starts its own desk on a temporary copy of content/, so
 * it needs no site build and never touches the real content.
 */
export default defineConfig({
  testDir: './tests/desk',
  outputDir: './test-results/desk',
  forbidOnly: !!process.env['CI'],
  retries: 0,
  // One desk, one copy of the content: the tests run one after another.
  workers: 1,
  timeout: 60_000,
  // As in playwright.config.ts: a failed test keeps its actions, console and network, without
  // the screencast and DOM snapshots that slow every test (`--trace retain-on-failure` adds them).
  use: { locale: 'zh-CN', launchOptions, trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false } },
  projects: [
    {
      name: 'desk',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1920, height: 1080 }, launchOptions },
    },
  ],
});
