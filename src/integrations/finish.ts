/**
 * The steps after Astro's own, in their order: the pages' Content-Security-Policy for the server
 * (security-headers.ts), the search index over the finished pages, then
 * the removal of unused photo originals, then the kiosk's service worker, which precaches what
 * the others left. `astro build` runs them in finishSteps' `astro:build:done` hook
 * (finish-steps.ts); the publishing build runs them after Astro's process has ended
 * (src/integrations/after-astro.ts).
 */
import { buildSearchIndex } from './pagefind-index.ts';
import { pruneUnusedOriginals } from './prune-originals.ts';
import { writeSecurityHeaders } from './security-headers.ts';
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
  writeSecurityHeaders(out);
  const { pages } = await buildSearchIndex(out, log, { cacheDir, root, base });
  await pruneUnusedOriginals(out, log);
  await writeServiceWorker(out, { base, root, pages }, log);
}
