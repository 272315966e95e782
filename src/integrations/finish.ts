/**
 * The steps after Astro's own, in their order: the search index over the finished pages, then
 * the removal of unused photo originals, then the kiosk's service worker, which precaches what
 * the others left. The integrations run them in Astro's `astro:build:done` hooks; the publishing
 * build runs them here, after Astro's process has ended (src/integrations/after-astro.ts).
 */
import { buildSearchIndex } from './pagefind-index.ts';
import { pruneUnusedOriginals } from './prune-originals.ts';
import { writeServiceWorker } from './service-worker.ts';

/** Finishes the build in `out` for a site served under `base` from the project at `root`. */
export async function finishBuild(
  out: string,
  { base, root }: { base: string; root: string },
  log: (message: string) => void,
): Promise<void> {
  await buildSearchIndex(out, log);
  await pruneUnusedOriginals(out, log);
  await writeServiceWorker(out, { base, root }, log);
}
