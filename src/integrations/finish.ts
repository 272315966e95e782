/**
 * The steps after Astro's own, in their order: the search index over the finished pages, then
 * the removal of unused photo originals, then the kiosk's service worker, which precaches what
 * the others left. `astro build` runs them in finishSteps' `astro:build:done` hook; the
 * publishing build runs them after Astro's process has ended (src/integrations/after-astro.ts).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { runsAfterAstro, slashed } from './after-astro.ts';
import { buildSearchIndex } from './pagefind-index.ts';
import { pruneUnusedOriginals } from './prune-originals.ts';
import { writeServiceWorker } from './service-worker.ts';

/**
 * Finishes the build in `out` for a site served under `base` from the project at `root`, with
 * Astro's cache folder `cacheDir` (where the search index keeps what each page gave it).
 */
export async function finishBuild(
  out: string,
  { base, root, cacheDir }: { base: string; root: string; cacheDir: string },
  log: (message: string, warning?: boolean) => void,
): Promise<void> {
  await buildSearchIndex(out, log, { cacheDir, root, base });
  await pruneUnusedOriginals(out, log);
  await writeServiceWorker(out, { base, root }, log);
}

/**
 * finishBuild at the end of `astro build`, unless the publishing build runs it after Astro; last
 * in astro.config.mjs, after every integration that writes into the output. A search-index error
 * fails the build.
 */
export function finishSteps(): AstroIntegration {
  let base = '/';
  let root = '';
  let cacheDir = '';
  return {
    name: 'zhanguan:finish',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = slashed(config.base);
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (runsAfterAstro()) return;
        await finishBuild(fileURLToPath(dir), { base, root, cacheDir }, (message, warning) =>
          warning ? logger.warn(message) : logger.info(message),
        );
      },
    },
  };
}
