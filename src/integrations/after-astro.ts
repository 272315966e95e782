/**
 * Whether the steps that follow Astro's own (search index, pruning of photo originals, the kiosk's
 * service worker) run in Astro's process, in its `astro:build:done` hook, or after that process
 * has ended. The publishing build (scripts/build.ts) sets `ZG_AFTER_ASTRO=1` and runs them itself
 * (src/integrations/finish.ts): Astro's process holds every page it built until it exits, so in
 * the hook their memory came on top of it, and the build's peak was the sum of the two. A plain
 * `astro build` still runs them in the hook. Kept apart from finish.ts so that reading these costs
 * nothing: finish.ts loads the pinyin tables, Workbox and esbuild.
 */
export const AFTER_ASTRO_ENV = 'ZG_AFTER_ASTRO';

/** True when the publishing build runs the last steps itself, after Astro has exited. */
export const runsAfterAstro = (): boolean => process.env[AFTER_ASTRO_ENV] === '1';

/** The base path the site is built for (BASE_PATH, e.g. `/zhanguan/`), as astro.config.mjs reads it. */
export const configuredBase = (): string => process.env['BASE_PATH'] ?? '/';

/** A base path as the build's steps use it: ending in a slash. */
export const slashed = (base: string): string => (base.endsWith('/') ? base : `${base}/`);

/** Astro's cache folder (CACHE_DIR, else node_modules/.astro), relative to the project, as astro.config.mjs reads it. */
export const configuredCacheDir = (): string => process.env['CACHE_DIR'] ?? './node_modules/.astro';
