import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
// The module of injectManifest alone: Workbox's index also loads generateSW's Rollup, Babel and
// Terser, about a quarter of a second of every build for code that is never called.
import { injectManifest } from 'workbox-build/build/inject-manifest.js';

/** File name of the worker in the build output; the kiosk registers `<base>sw.js`. */
export const SERVICE_WORKER_FILE = 'sw.js';

/**
 * What the kiosk must have offline besides the pages (which come with their revisions from the
 * search index) and the search index: every style, script and image.
 */
export const PRECACHE_PATTERN = '**/*.{css,js,mjs,json,svg,png,jpg,jpeg,webp,avif,gif,ico,woff,woff2,txt}';
/**
 * What the site's search loads (src/search/engine.ts), when the build has an index: the records'
 * texts (fragments), the pair-index shards and the manifest and pinyin data
 * (src/integrations/pagefind-index.ts). The folder keeps Pagefind's name; Pagefind itself is not
 * used.
 */
export const SEARCH_INDEX_PATTERN = 'pagefind/{fragment/*.pf_fragment,zg-pairs/*.bin,zg-*.json}';

/**
 * Writes the kiosk's service worker over the finished build in `out` (the publishing build's
 * staging folder or the tests' folders alike), for a site served under `base` from the project
 * at `root`. The kiosk registers it; ordinary visitors never do. What it does is in
 * kiosk-worker.ts: it precaches the whole site with content hashes, so a new deployment changes
 * the worker and the browser installs it in the background, and the new worker waits for the
 * kiosk's idle reset.
 *
 * The worker is bundled with esbuild and Workbox's injectManifest adds the precache list: about
 * 50 ms. Workbox's generateSW, used before, bundled its runtime with Rollup and Terser on every
 * build: about a second of every build, the one that publishes a single new case included.
 *
 * Must run after every step that writes into the output (the search index, the pruning).
 */
export async function writeServiceWorker(
  out: string,
  {
    base,
    root,
    pages,
  }: {
    base: string;
    root: string;
    /**
     * Every page with its hash, as the search index has just read them all (finish.ts): their
     * revisions come from there, and Workbox reads the other files only.
     */
    pages: ReadonlyMap<string, { hash: string; size: number }>;
  },
  log: (message: string, warning?: boolean) => void,
): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'zhanguan-sw-'));
  try {
    const bundled = join(work, SERVICE_WORKER_FILE);
    await build({
      entryPoints: [join(root, 'src', 'integrations', 'kiosk-worker.ts')],
      outfile: bundled,
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2020',
      legalComments: 'none',
      logLevel: 'silent',
      // Workbox leaves out its development logging in production.
      define: { 'process.env.NODE_ENV': '"production"', ZG_BASE: JSON.stringify(base) },
    });
    const { count, size, warnings } = await injectManifest({
      swSrc: bundled,
      swDest: join(out, SERVICE_WORKER_FILE),
      globDirectory: out,
      globPatterns: existsSync(join(out, 'pagefind')) ? [PRECACHE_PATTERN, SEARCH_INDEX_PATTERN] : [PRECACHE_PATTERN],
      additionalManifestEntries: [...pages]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([file, { hash }]) => ({ url: `${base}${file}`, revision: hash.slice(0, 32) })),
      globIgnores: [SERVICE_WORKER_FILE],
      // Files sit at the root of the output folder but are served under the base path.
      modifyURLPrefix: { '': base },
      maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
    });
    for (const warning of warnings) log(warning, true);
    let total = size;
    for (const page of pages.values()) total += page.size;
    log(`触摸屏离线缓存清单（${SERVICE_WORKER_FILE}）：${count} 个文件，${(total / 1024 / 1024).toFixed(1)} MB`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
