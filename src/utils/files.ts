import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file below `dir` (its full path), depth first in directory order; none when `dir` does
 * not exist. With `skipHidden`, names starting with `.` or `_` (drafts set aside, editor files)
 * are left out, folders included, and the list is sorted.
 */
export function listFiles(dir: string, { skipHidden = false } = {}): string[] {
  if (!existsSync(dir)) return [];
  const out = readdirSync(dir).flatMap((name) => {
    if (skipHidden && (name.startsWith('.') || name.startsWith('_'))) return [];
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, { skipHidden }) : [full];
  });
  return skipHidden ? out.sort() : out;
}

/**
 * Every file below `dir`, as paths relative to it with `/`, sorted; none when `dir` does not
 * exist. One call that reads the whole tree (for large build outputs).
 */
export function relativeFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/**
 * Writes `bytes` to `file` whole: beside it first, then renamed over it, so a reader never sees
 * half a file and a file that others link to (a hard link) is replaced, never written into.
 */
export function writeWhole(file: string, bytes: string | NodeJS.ArrayBufferView): void {
  const temporary = `${file}.${process.pid}`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}

/**
 * A digest of the Node version and of the files `files` (paths below `root`; a missing one counts
 * as empty): what a cache keys the code that filled it on.
 */
export function codeDigest(root: string, files: readonly string[]): string {
  const hash = createHash('sha256').update(process.version);
  for (const file of files) {
    const path = join(root, file);
    hash.update(existsSync(path) ? readFileSync(path) : '');
  }
  return hash.digest('hex');
}
