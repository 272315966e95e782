import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';

/** File name of the worker in the build output; the kiosk registers `<base>sw.js`. */
export const SERVICE_WORKER_FILE = 'sw.js';

/** What the kiosk must have offline: every page, style, script, image and the search index. */
export const PRECACHE_PATTERN = '**/*.{html,css,js,mjs,json,svg,png,jpg,jpeg,webp,avif,gif,ico,woff,woff2,txt}';
/**
 * What the site's search loads (src/search/engine.ts), when the build has an index: the records'
 * texts (fragments), the pair-index shards and the manifest and pinyin data
 * (src/integrations/pagefind-index.ts). The folder keeps Pagefind's name; Pagefind itself is not
 * used.
 */
export const SEARCH_INDEX_PATTERN = 'pagefind/{fragment/*.pf_fragment,zg-pairs/*.bin,zg-*.json}';

/**
 * Writes a Workbox service worker over the finished build (the hook's own output folder, so it
 * works with the publishing build's staging folder and the tests' folders alike). The kiosk
 * registers it; ordinary visitors never do.
 *
 * - Precaches the whole site with content hashes, so a new deployment changes the worker and the
 *   browser installs it in the background.
 * - `skipWaiting: false`: the new worker waits until the kiosk's idle reset sends SKIP_WAITING,
 *   so a deployment never switches pages under a visitor.
 * - Query strings are ignored when matching, so /search/?q=… and /kiosk/?idle=… come from the
 *   cached page.
 *
 * Must run after every integration that writes into the output (the search index), so it is the
 * last in astro.config.mjs.
 */
export function serviceWorker(): AstroIntegration {
  let base = '/';
  return {
    name: 'zhanguan:service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { count, size, warnings } = await generateSW({
          globDirectory: out,
          globPatterns: existsSync(join(out, 'pagefind'))
            ? [PRECACHE_PATTERN, SEARCH_INDEX_PATTERN]
            : [PRECACHE_PATTERN],
          globIgnores: [SERVICE_WORKER_FILE, 'workbox-*.js'],
          swDest: join(out, SERVICE_WORKER_FILE),
          // Files sit at the root of the output folder but are served under the base path.
          modifyURLPrefix: { '': base },
          directoryIndex: 'index.html',
          ignoreURLParametersMatching: [/.*/],
          navigateFallback: `${base}404.html`,
          navigateFallbackAllowlist: [new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)],
          cleanupOutdatedCaches: true,
          clientsClaim: true,
          skipWaiting: false,
          inlineWorkboxRuntime: true,
          maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
          mode: 'production',
          sourcemap: false,
        });
        for (const warning of warnings) logger.warn(warning);
        logger.info(
          `${SERVICE_WORKER_FILE}: ${count} files precached for offline kiosks (${(size / 1024 / 1024).toFixed(1)} MB)`,
        );
      },
    },
  };
}
