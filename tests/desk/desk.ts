/**
 * Starts the 编辑台 on a temporary copy of the project's content, as `npm run edit` starts it,
 * so that the tests write files the way staff would without touching content/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const deskPort = Number(process.env['DESK_PORT'] ?? 5510);
export const deskUrl = `http://127.0.0.1:${deskPort}/`;

/** A fresh project folder holding a copy of content/. */
export function copyOfContent(): string {
  const root = mkdtempSync(join(tmpdir(), 'zhanguan-desk-'));
  cpSync(join(repoRoot, 'content'), join(root, 'content'), { recursive: true });
  return root;
}

/** A running desk over `root`. */
export interface RunningDesk {
  root: string;
  url: string;
  stop: () => Promise<void>;
}

/** Starts `npm run edit` (without a browser or preview) over a copy of the content. */
export async function startDesk(root = copyOfContent()): Promise<RunningDesk> {
  const child: ChildProcess = spawn('node', ['scripts/edit/server.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ROOT: root, PORT: String(deskPort), BROWSER: 'none', PREVIEW: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`desk did not start:\n${output}`)), 30_000);
    const listen = (d: Buffer) => {
      output += d.toString();
      if (output.includes('编辑台已启动')) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', listen);
    child.on('exit', (code) => fail(new Error(`desk exited with ${code}:\n${output}`)));
  });
  return {
    root,
    url: deskUrl,
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done());
        child.kill();
      }),
  };
}

/** The per-session token, read from the page the way the desk's own script reads it. */
export async function tokenOf(url: string): Promise<string> {
  const html = await (await fetch(url)).text();
  const token = /name="desk-token" content="([0-9a-f]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no token in the page');
  return token;
}
