/**
 * `npm test`: every test and code check: the browser suite against a real build, with the code
 * checks (types, lint, layers, formatting), the unit tests and the 编辑台's suite beside it; ends
 * with `N passed, N failed` (each code check counts as one test) and the time it took.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './browser.ts';
import { ensureJava, ensureNginx } from './system.ts';
import { subpathUrl } from '../tests/site.ts';

const begun = Date.now();
const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

process.env['CHROMIUM_PATH'] = ensureChromium();
// The deployment gate serves the site with nginx; the HTML gate runs the Nu Html Checker on Java.
ensureNginx();
ensureJava();

// Code checks: each counts as one test, so a type error or a lint finding turns the run red.
// They run beside the tests (below), so that a core the tests leave idle does them. Lint, layers
// and formatting only read the sources and start at once, beside the browser suite's build. The
// type check, like that build and the unit tests' Astro config, writes the project's generated
// types (.astro/): it runs after the unit tests, when nothing else writes them, and once the
// browser suite has reached Lighthouse (below).
const typeCheck: [string, string, string[]] = ['types (astro check)', 'astro', ['check']];
const sideChecks: [string, string, string[]][] = [
  ['lint (eslint)', 'eslint', ['--max-warnings', '0', '.']],
  ['layers (dependency-cruiser: imports one way, no cycles)', 'depcruise', ['src', 'scripts']],
  ['formatting (prettier)', 'prettier', ['--check', '.']],
];
const codeChecks = [typeCheck, ...sideChecks];
const codeFailures: string[] = [];

/**
 * Runs a command with its output kept, and prints that output in one block when it ends, so
 * runs side by side do not interleave their lines. Resolves to the exit status.
 */
const runBuffered = (name: string, cmd: string, args: string[], env: Record<string, string> = {}) =>
  new Promise<number>((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('close', (code) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      process.stdout.write(`\n> ${name} (${seconds} s)\n${Buffer.concat(chunks).toString()}`);
      resolve(code ?? 1);
    });
  });

// The other code checks, one after another, beside the browser suite from its start.
const sideChecksDone = (async () => {
  for (const [name, cmd, args] of sideChecks) {
    if ((await runBuffered(name, cmd, args)) !== 0) codeFailures.push(name);
  }
})();

// The suites are independent (the 编辑台 needs no site build and has its own port and output
// folder), so they run side by side: the browser suite keeps both cores busy for most of the
// run, the unit tests' builds and the 编辑台 fill the gaps instead of adding their own minutes.
const started = Date.now();
console.log('\n> browser tests (playwright)');
/** Resolves when the first Lighthouse test has reported (its list line), or the suite ended. */
let lighthouseReported: () => void = () => undefined;
const lighthouseStarted = new Promise<void>((resolve) => (lighthouseReported = resolve));
const e2e = new Promise<number>((resolve) => {
  const child = spawn('playwright', ['test', '--reporter=list,json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/playwright.json` },
  });
  let tail = '';
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    tail = (tail + chunk.toString()).slice(-200);
    if (tail.includes('[lighthouse]')) lighthouseReported();
  });
  child.on('close', (code) => {
    lighthouseReported();
    resolve(code ?? 1);
  });
});
// The others start once the browser suite's site is built and served (or that suite ended):
// its build and the unit tests' Astro config (and the type check) write the generated types.
const answers = () =>
  fetch(subpathUrl).then(
    (r) => r.ok,
    () => false,
  );
let e2eEnded = false;
void e2e.then(() => (e2eEnded = true));
const siteServed = (async () => {
  while (!e2eEnded && !(await answers())) await new Promise((r) => setTimeout(r, 1000));
})();
const [unitStatus, e2eStatus, deskStatus] = await Promise.all([
  siteServed
    .then(() =>
      runBuffered('unit tests (vitest)', 'vitest', [
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${results}/vitest.json`,
      ]),
    )
    // The type check waits for Lighthouse, which runs last and alone, one page at a time,
    // leaving a core idle: the type check uses that core (a single-threaded compiler, it leaves
    // Lighthouse's own core alone).
    .then(async (status) => {
      await lighthouseStarted;
      if ((await runBuffered(...typeCheck)) !== 0) codeFailures.push(typeCheck[0]);
      return status;
    }),
  e2e,
  siteServed.then(() =>
    runBuffered(
      '编辑台 (playwright, its own config)',
      'playwright',
      ['test', '-c', 'playwright.desk.config.ts', '--reporter=list,json'],
      {
        PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/playwright-desk.json`,
      },
    ),
  ),
]);
await sideChecksDone;
for (const name of codeFailures) console.log(`code check failed: ${name}`);
console.log(`\ntests took ${Math.round((Date.now() - started) / 1000)} s`);

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}
const read = <T>(file: string): T | undefined =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
const v = read<VitestReport>(`${results}/vitest.json`);
const p = read<PlaywrightReport>(`${results}/playwright.json`);
const d = read<PlaywrightReport>(`${results}/playwright-desk.json`);

let passed =
  codeChecks.length -
  codeFailures.length +
  (v?.numPassedTests ?? 0) +
  (p ? p.stats.expected + p.stats.flaky : 0) +
  (d ? d.stats.expected + d.stats.flaky : 0);
let failed = codeFailures.length + (v?.numFailedTests ?? 0) + (p?.stats.unexpected ?? 0) + (d?.stats.unexpected ?? 0);
const skipped = (v?.numPendingTests ?? 0) + (p?.stats.skipped ?? 0) + (d?.stats.skipped ?? 0);
// A runner that crashed before reporting counts as a failure, never as silence.
if (!v && unitStatus !== 0) failed += 1;
if (!p && e2eStatus !== 0) failed += 1;
if (!d && deskStatus !== 0) failed += 1;
if (passed === 0) failed += 1;
const ok = failed === 0 && codeFailures.length === 0 && unitStatus === 0 && e2eStatus === 0 && deskStatus === 0;
if (!ok && failed === 0) failed = 1;
passed = Math.max(passed, 0);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
console.log(`npm test took ${Math.round((Date.now() - begun) / 1000)} s`);
process.exit(ok ? 0 : 1);
