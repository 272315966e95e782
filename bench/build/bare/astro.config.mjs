// A bare Astro 7 + MDX site with the same case files, for comparing build speed (bench/build).
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  integrations: [mdx()],
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.CACHE_DIR ?? './.astro-cache',
});
