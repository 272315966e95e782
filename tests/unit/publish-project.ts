/**
 * Throw-away copies of the whole project for tests that run the real build, so that they never
 * touch the published dist/, the shared Astro cache or the real content.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { repoRoot } from './helpers.ts';
import { writeFiles } from './temp-files.ts';

/** Code and configuration a build needs; content/ is chosen per test. */
const projectFiles = ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/**
 * A copy of the project in a temporary folder. `content: 'real'` copies the site's content;
 * `'registry'` starts from the test registries in tests/fixtures/registry. `files` are added on top.
 */
export function projectCopy(content: 'real' | 'registry', files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'zhanguan-build-'));
  for (const name of projectFiles) {
    if (existsSync(join(repoRoot, name))) cpSync(join(repoRoot, name), join(root, name), { recursive: true });
  }
  if (content === 'real') cpSync(join(repoRoot, 'content'), join(root, 'content'), { recursive: true });
  else cpSync(join(repoRoot, 'tests', 'fixtures', 'registry'), join(root, 'content'), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  writeFiles(root, files);
  return root;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  output: string;
}

/**
 * The environment a person's terminal would give: without what vitest adds (PROD, DEV, MODE,
 * BASE_URL …), which Astro would read as its own import.meta.env and so publish drafts.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env))
    if (/^(VITEST|TEST$|PROD$|DEV$|MODE$|SSR$|BASE_URL$|NODE_ENV$)/.test(key)) delete env[key];
  return {
    ...env,
    PATH: `${join(repoRoot, 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}`,
    FORCE_COLOR: '0',
    ...extra,
  };
}

/** Runs a command in `cwd` with Node 24 and the project's binaries on PATH. */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<RunResult> {
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd,
      // Its own Astro cache, never the one shared by the other builds on this machine.
      env: cleanEnv({ CACHE_DIR: join(cwd, '.cache-astro'), ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr, output: stdout + stderr }));
  });
}

/** Every file below `dir` with its SHA-256, to prove a folder did not change at all. */
export function treeHash(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else
        out[relative(dir, full).split(sep).join('/')] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** All files below `dir`, relative, with forward slashes. */
export function filesBelow(dir: string): string[] {
  return Object.keys(treeHash(dir));
}
