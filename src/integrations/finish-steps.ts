import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { runsAfterAstro, slashed } from './after-astro.ts';

/**
 * finishBuild (finish.ts) at the end of `astro build`, unless the publishing build runs it after Astro; last
 * in astro.config.mjs, after every integration that writes into the output. A search-index error
 * fails the build. finish.ts is loaded only then: its modules (the pinyin tables, Workbox, esbuild)
 * cost Astro's process a few tenths of a second to load, and the publishing build never calls them there.
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
        const { finishBuild } = await import('./finish.ts');
        await finishBuild(fileURLToPath(dir), { base, root, cacheDir }, (message, warning) =>
          warning ? logger.warn(message) : logger.info(message),
        );
      },
    },
  };
}
