/**
 * Whether the steps that follow Astro's own (search index, pruning of photo originals, the kiosk's
 * service worker) run in Astro's process, in its `astro:build:done` hooks, or after that process
 * has ended. The publishing build (scripts/build.ts) sets `ZG_AFTER_ASTRO=1` and runs them itself
 * (src/integrations/finish.ts): Astro's process holds every page it built until it exits, so in
 * the hooks their memory came on top of it, and the build's peak was the sum of the two. A plain
 * `astro build` still runs them in the hooks.
 */
export const AFTER_ASTRO_ENV = 'ZG_AFTER_ASTRO';

/** True when the publishing build runs the last steps itself, after Astro has exited. */
export const runsAfterAstro = (): boolean => process.env[AFTER_ASTRO_ENV] === '1';
