import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
