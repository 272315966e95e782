// @ts-check
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { configuredBase, configuredCacheDir } from './src/integrations/after-astro.ts';
import { buildCache } from './src/integrations/build-cache.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { finishSteps } from './src/integrations/finish-steps.ts';
import { keepsOutput } from './src/integrations/kept-output.ts';
import { markdownBody } from './src/integrations/markdown-body.ts';
import { pagefindSearch } from './src/integrations/pagefind.ts';
import { astroCsp } from './src/security.ts';

/** Public address of the site, without the base path. */
const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321';
/** Sub-path the site is deployed under, e.g. /zhanguan/. */
const base = configuredBase();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  // A separate cache lets the tests' root and sub-path builds run side by side.
  cacheDir: configuredCacheDir(),
  server: { host: '127.0.0.1', port: 4321 },
  // Case pages whose cache key and code are unchanged are copied from the last build
  // (src/data/cache-key.ts); buildCache() checks that cache before Astro uses it.
  experimental: { incrementalBuild: true },
  integrations: [
    buildCache(),
    contentCheck(),
    mdx(),
    // The kiosk start screen and the editors' component samples are no pages for search engines.
    sitemap({ filter: (page) => !/\/(kiosk|design)\/$/.test(new URL(page).pathname) }),
    // In astro dev: the search index of the last build.
    pagefindSearch(),
    // Last: the search index over the finished pages, unused photo originals removed, and the
    // offline kiosk's service worker over everything (src/integrations/finish.ts).
    finishSteps(),
  ],
  build: { format: 'directory' },
  // Links in entry bodies get the base path; photos in them get a srcset (MDX uses the same processor).
  // No syntax highlighting: entries hold no code, and Shiki's inline styles would break the CSP.
  markdown: { processor: satteri({ hastPlugins: [markdownBody({ base })] }), syntaxHighlight: false },
  // Widths of responsive photos (body photos 800 px wide and their 2x); see markdown-body.ts.
  image: {
    breakpoints: [480, 800, 1200, 1600],
    // AVIF at sharp's default effort 4 was most of a cold build (7.9 CPU-s per 1600 px photo);
    // effort 2 takes 0.6 s for files within a few per cent of the size (bench/README.md).
    service: { entrypoint: 'astro/assets/services/sharp', config: { avif: { effort: 2 } } },
  },
  devToolbar: { enabled: false },
  vite: {
    build: {
      // The publishing build builds into the site it published before, whose unchanged pages
      // Astro then keeps instead of copying them again (src/integrations/kept-output.ts).
      emptyOutDir: !keepsOutput(),
      rolldownOptions: {
        // Astro marks MDX modules with a "use astro:head-inject" directive that the bundler warns
        // about on every build; it is Astro's own marker and nothing staff can act on.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
  // Content-Security-Policy <meta> in every page (src/security.ts); no 'unsafe-inline' scripts.
  security: { csp: astroCsp(fileURLToPath(new URL('./src', import.meta.url))) },
});
