/**
 * The staff-edit proof (`npm run test:staff-edit`): edits content the way staff do, in a copy of
 * the project, and runs the browser specs there, so that a spec which hard-codes today's titles,
 * counts or order shows up as a failure here. The edits: three new cases, a new hall, a new
 * milestone (in the theme the timeline spec filters by), and every case title and summary
 * corrected. The copy's content passes the content checker first, so the edits are ones the
 * build accepts. Placeholder text only ever lives in the temporary copy.
 *
 *   npm run test:staff-edit              # the specs that read content (about 10 minutes)
 *   npm run test:staff-edit -- --all     # every spec, gates and Lighthouse included
 *   npm run test:staff-edit -- tests/e2e/pages.spec.ts   # only the specs named
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateCases, readCorpus } from '../bench/build/generate.ts';
import { ensureChromium } from '../scripts/browser.ts';
import { ensureJava, ensureNginx } from '../scripts/system.ts';

const repo = resolve(import.meta.dirname, '..');
/** Specs whose expectations come from content (gates that walk every page run with --all). */
const contentSpecs = [
  'pages',
  'collection',
  'search',
  'search-subpath',
  'search-recall',
  'kiosk',
  'kiosk-offline',
  'design',
  'design-data',
  'print',
  'csp',
  'a11y',
  'nginx',
  'links',
  'subpath',
].map((name) => `tests/e2e/${name}.spec.ts`);

const skip = new Set(['node_modules', '.git', '.e2e', 'dist', 'test-results', '.astro']);
const root = mkdtempSync(join(tmpdir(), 'zg-staff-edit-'));
cpSync(repo, root, { recursive: true, filter: (src) => !skip.has(src.slice(repo.length + 1).split('/')[0] ?? '') });
symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
console.log(`[staff-edit] project copied to ${root}`);

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(file, change(readFileSync(file, 'utf8')));
/** Appends `suffix` to a one-line YAML value (plain, "double" or 'single' quoted). */
const amend = (text: string, field: string, suffix: string) =>
  text.replace(new RegExp(`^${field}: (.+)$`, 'm'), (_, value: string) => {
    const quote = /^(["'])(.*)\1$/.exec(value);
    return quote ? `${field}: ${quote[1]}${quote[2]}${suffix}${quote[1]}` : `${field}: ${value}${suffix}`;
  });

// 1. Every case's title and summary corrected (the 党建+双拥 case's title included).
const caseFiles = walk(join(root, 'content', 'cases')).filter((f) => /\.mdx?$/.test(f));
for (const file of caseFiles) edit(file, (t) => amend(amend(t, 'title', '（2024 年版）'), 'summary', '（摘要已修订）'));
// 2. Three new cases, from the build benchmark's generator (real registries, recombined text).
await generateCases(root, readCorpus(repo), { count: 3, imageEvery: 0 });
// 3. A new hall, modelled on an existing one.
const halls = join(root, 'content', 'halls');
const model = readdirSync(halls).find((f) => f.endsWith('.md'));
if (!model) throw new Error('content/halls has no hall to model a new one on');
writeFileSync(
  join(halls, 'zz-staff-edit-hall.md'),
  amend(readFileSync(join(halls, model), 'utf8'), 'name', '（新馆）'),
);
// 4. A new milestone in the theme the timeline spec filters by, with the source of an existing one.
const timeline = join(root, 'content', 'timeline.yaml');
const source = /^ {2}source: (\S+)$/m.exec(readFileSync(timeline, 'utf8'))?.[1];
edit(
  timeline,
  (t) =>
    `${t.trimEnd()}\n\n- id: 2026-staff-edit\n  date: '2026'\n  title: 测试用新增节点\n  text: 仅用于测试的新增节点。\n  themes: [红色航线, 双拥]\n  source: ${source}\n`,
);
console.log(`[staff-edit] ${caseFiles.length} cases retitled, 3 cases, 1 hall and 1 milestone added`);

const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

process.env['CHROMIUM_PATH'] = ensureChromium();
ensureNginx();
ensureJava();
let status = run('node', ['scripts/check-content.ts']);
if (status !== 0) console.log('[staff-edit] the edited content does not pass the content checker');
else {
  const named = process.argv.slice(2).filter((a) => a.endsWith('.spec.ts'));
  const specs = named.length > 0 ? named : process.argv.includes('--all') ? [] : contentSpecs;
  status = run('playwright', ['test', ...specs, '--reporter=list'], {
    E2E_PORT: process.env['E2E_PORT'] ?? '5300',
  });
}
if (status === 0) rmSync(root, { recursive: true, force: true });
else console.log(`[staff-edit] failed; the edited copy is kept in ${root}`);
process.exit(status);
