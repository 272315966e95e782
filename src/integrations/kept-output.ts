/**
 * The publishing build's kept output: the folder it builds in (scripts/build.ts) is kept from one
 * build to the next, holding the published site, so that Astro's incremental build finds every
 * unchanged page already in place and writes only the pages it renders again.
 *
 * Why: Astro restores an unchanged page by copying it from its cache into the output folder, one
 * new file per page, and creating files is the slow part of a build that publishes one case
 * (0.4–0.7 ms a file on the development machine, about a second at 1,000 cases, against 0.02 ms
 * for a file written over). A page that already exists in the output folder is not copied.
 *
 * How: two folders take turns. The published site is one; the other, the kept output, holds the
 * site published before it. After a build is published, the folder it replaced becomes the kept
 * output and is brought up to date: the files the build wrote (modified after it started) are
 * copied over, and the files it no longer has are deleted. After the first build, which replaced
 * none, the kept output is a copy of the site it published (so the build after it is fast too). A record beside the folder says which
 * page cache (Astro's manifest) it matches. The next build uses it only when that record matches
 * the cache Astro will use; otherwise the folder is removed and Astro restores every page as
 * before. During the build, files Astro neither wrote nor kept as an unchanged page are stale
 * (a removed case, a script bundle under an old name) and are deleted before the search index
 * reads the pages. The search index's folder is left to the index, which writes it whole.
 *
 * The two folders never share a file: everything is copied between them, and Astro writes over
 * files in the kept output only, so the published site is never touched by a build until it is
 * replaced. (The index's fragments are hard links to its own store, which it never writes in
 * place: src/integrations/search-cache.ts.)
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { BUNDLE } from '../search/shards.ts';
import { relativeFiles } from '../utils/files.ts';

/** Set for Astro's process when it builds into a kept output: the folder is not emptied first. */
export const KEEP_OUTPUT_ENV = 'ZG_KEEP_OUTPUT';

/** True when the output folder must not be emptied before the build (astro.config.mjs). */
export const keepsOutput = (): boolean => process.env[KEEP_OUTPUT_ENV] === '1';

/** Astro's manifest of the page cache, in its cache folder. */
const MANIFEST = 'incremental-build.json';
/** Left to the search index (src/integrations/pagefind-index.ts), which writes it whole. */
const INDEX_FOLDER = BUNDLE;

interface AstroManifest {
  routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }>;
}

const record = (folder: string) => `${folder}.json`;

function manifestHash(cacheDir: string): string | undefined {
  const file = join(cacheDir, MANIFEST);
  if (!existsSync(file)) return undefined;
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Every file below `dir`, as paths relative to it with `/`, the index's folder left out. */
const filesOf = (dir: string): string[] =>
  relativeFiles(dir).filter((f) => f !== INDEX_FOLDER && !f.startsWith(`${INDEX_FOLDER}/`));

/** Removes the folders below `dir` (the index's aside) that are left empty. */
function removeEmptyFolders(dir: string): void {
  const visit = (folder: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (!entry.isDirectory()) empty = false;
      else if (folder === dir && entry.name === INDEX_FOLDER) empty = false;
      else if (visit(join(folder, entry.name))) rmdirSync(join(folder, entry.name));
      else empty = false;
    }
    return empty;
  };
  visit(dir);
}

/**
 * Whether `folder` may be built in as it is by a build that started at `since`: its record says
 * it holds the site of the build that wrote the page cache in `cacheDir`, and was written before
 * `since` (the record is written after every file of the folder: were the clock set back since,
 * a file of the last build could look written by this one, and a stale page stay). The record is
 * removed either way (a build that fails half way leaves the folder unknown); when the answer is
 * no, so is the folder.
 */
export function takeKeptOutput(folder: string, cacheDir: string, since: number): boolean {
  let usable = false;
  try {
    const held = JSON.parse(readFileSync(record(folder), 'utf8')) as { manifest?: string };
    usable =
      existsSync(folder) &&
      held.manifest !== undefined &&
      held.manifest === manifestHash(cacheDir) &&
      statSync(record(folder)).mtimeMs < since;
  } catch {
    usable = false;
  }
  rmSync(record(folder), { force: true });
  if (!usable) rmSync(folder, { recursive: true, force: true });
  return usable;
}

/**
 * After Astro built into a kept output: deletes the files it neither wrote (modified before
 * `since`, a time read from a file on the same disk) nor kept as unchanged pages (its manifest in
 * `cacheDir`). Returns how many.
 */
export function removeStaleOutput(folder: string, since: number, cacheDir: string): number {
  const kept = new Set<string>();
  const file = join(cacheDir, MANIFEST);
  const manifest = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}) as AstroManifest;
  for (const route of Object.values(manifest.routes ?? {}))
    for (const path of Object.values(route.paths ?? {})) if (path.outputFile) kept.add(path.outputFile);
  let removed = 0;
  for (const file of filesOf(folder)) {
    if (kept.has(file) || statSync(join(folder, file)).mtimeMs >= since) continue;
    unlinkSync(join(folder, file));
    removed += 1;
  }
  removeEmptyFolders(folder);
  return removed;
}

/**
 * Brings `folder`, which holds the site published before `published` (or nothing yet), up to date
 * with it: copies the files the last build wrote (modified at or after `since`) and those it does
 * not have, and deletes those `published` no longer has; then records that it matches the page
 * cache in `cacheDir`. Any error leaves no record, so the next build does not use the folder.
 */
export function keepOutput(folder: string, published: string, since: number, cacheDir: string): void {
  const now = new Set(filesOf(published));
  for (const file of filesOf(folder)) if (!now.has(file)) unlinkSync(join(folder, file));
  for (const file of now) {
    const from = join(published, file);
    const to = join(folder, file);
    // Not written by the last build: the page Astro kept, which this folder holds already.
    if (existsSync(to)) {
      const [a, b] = [statSync(from), statSync(to)];
      if (a.mtimeMs < since && a.size === b.size) continue;
    }
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  mkdirSync(folder, { recursive: true });
  removeEmptyFolders(folder);
  const manifest = manifestHash(cacheDir);
  if (manifest) writeFileSync(record(folder), JSON.stringify({ manifest }));
}
