/**
 * Finds a Chromium for the tests, installing Debian's (with a CJK font) when none is there.
 * Playwright cannot download its own browsers on these machines.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { aptInstall } from './system.ts';

const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (p): p is string => typeof p === 'string' && p.length > 0,
);

/** Flags that keep Chromium quiet on a machine with no outside network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

const hasCjkFont = () => {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
};

/** Path of a usable Chromium; installs chromium and fonts-noto-cjk when missing. */
export function ensureChromium(): string {
  let found = candidates.find((p) => existsSync(p));
  const missing: string[] = [];
  if (!found) missing.push('chromium');
  if (!hasCjkFont()) missing.push('fonts-noto-cjk');
  if (missing.length > 0) aptInstall(missing);
  found ??= candidates.find((p) => existsSync(p));
  if (!found) throw new Error('No Chromium found, and installing Debian chromium failed.');
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium());
