/**
 * Guards Astro's incremental build cache (`experimental.incrementalBuild`: the manifest
 * `incremental-build.json` and the copies of rendered pages in `dist/`, both in the cache folder).
 *
 * Astro trusts the copies it restores: a page file cut short or edited in the cache would be
 * published as it is. So after every successful build this integration records the size and
 * modification time of each cached page and a checksum of the manifest, with the versions that
 * wrote them; before the next build it checks them. If anything is missing, truncated, changed or
 * from other versions of Astro, Node or this project, the page cache is removed, the build renders
 * every page from nothing and says so in one line. Photos in the cache are not touched (Astro
 * checks those itself). Size and time rather than a checksum of each page: an edit or a cut
 * changes them just the same, and reading every cached page twice a build cost 0.2 s at 1,000
 * cases.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { relativeFiles } from '../utils/files.ts';

/** Astro's names, inside the cache folder. */
const MANIFEST = 'incremental-build.json';
const PAGES = 'dist';
/** Ours, beside them. */
const CHECKSUMS = 'zg-incremental-check.json';
/** Bump when what the cache holds changes meaning. */
const FORMAT = 2;

interface Checksums {
  format: number;
  /** Versions of what wrote the cache. */
  versions: string;
  manifest: string;
  /** Each cached page's size and modification time (ms). */
  files: Record<string, string>;
}

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
/** What is recorded of a cached page. */
const stamp = (file: string) => {
  const { size, mtimeMs } = statSync(file);
  return `${size} ${mtimeMs}`;
};

/** Why the page cache cannot be trusted, or undefined when it can (or there is none). */
export function cacheProblem(cacheDir: string, versions: string): string | undefined {
  const manifestFile = join(cacheDir, MANIFEST);
  const pagesDir = join(cacheDir, PAGES);
  const hasManifest = existsSync(manifestFile);
  if (!hasManifest && relativeFiles(pagesDir).length === 0) return undefined;
  if (!hasManifest) return '缓存清单缺失';
  let checks: Checksums;
  try {
    checks = JSON.parse(readFileSync(join(cacheDir, CHECKSUMS), 'utf8')) as Checksums;
  } catch {
    return '缓存校验记录缺失或损坏';
  }
  if (checks.format !== FORMAT || checks.versions !== versions) return '缓存来自其他版本';
  const manifest = readFileSync(manifestFile);
  if (sha(manifest) !== checks.manifest) return '缓存清单已改动或不完整';
  try {
    JSON.parse(manifest.toString('utf8'));
  } catch {
    return '缓存清单不完整';
  }
  const present = new Set(relativeFiles(pagesDir));
  for (const [file, recorded] of Object.entries(checks.files)) {
    if (!present.has(file)) return `缓存的页面 ${file} 缺失`;
    if (stamp(join(pagesDir, file)) !== recorded) return `缓存的页面 ${file} 已损坏`;
  }
  return undefined;
}

/** Removes the page cache (manifest, pages, checksums); photos stay. */
export function clearPageCache(cacheDir: string): void {
  for (const name of [MANIFEST, CHECKSUMS, PAGES]) rmSync(join(cacheDir, name), { recursive: true, force: true });
}

/** Records the checksums of the page cache Astro has just written. */
export function recordPageCache(cacheDir: string, versions: string): void {
  const manifestFile = join(cacheDir, MANIFEST);
  if (!existsSync(manifestFile)) return;
  const pagesDir = join(cacheDir, PAGES);
  const files = Object.fromEntries(relativeFiles(pagesDir).map((f) => [f, stamp(join(pagesDir, f))]));
  const checks: Checksums = { format: FORMAT, versions, manifest: sha(readFileSync(manifestFile)), files };
  writeFileSync(join(cacheDir, CHECKSUMS), JSON.stringify(checks));
}

export function buildCache(): AstroIntegration {
  let cacheDir = '';
  let versions = '';
  return {
    name: 'zhanguan:build-cache',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command !== 'build' || !config.experimental.incrementalBuild) return;
        cacheDir = fileURLToPath(config.cacheDir);
        const root = fileURLToPath(config.root);
        const pkg = (dir: string) => {
          try {
            return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version;
          } catch {
            return undefined;
          }
        };
        versions = JSON.stringify([
          pkg(root),
          pkg(join(root, 'node_modules', 'astro')),
          process.version,
          // Astro keys its cache on the config and the lockfile; ours also covers the lockfile
          // content, so a dependency update never reuses pages.
          existsSync(join(root, 'package-lock.json')) ? sha(readFileSync(join(root, 'package-lock.json'))) : '',
        ]);
        const problem = cacheProblem(cacheDir, versions);
        if (problem) {
          clearPageCache(cacheDir);
          logger.warn(`页面缓存不可用（${problem}），已清除，本次从头生成全部页面。`);
        }
      },
      'astro:build:done': () => {
        if (cacheDir) recordPageCache(cacheDir, versions);
      },
    },
  };
}
