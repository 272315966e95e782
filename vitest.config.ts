import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: ['tests/unit/view-models/**'] },
      },
      // The view models import astro:content: they run with Astro's Vite configuration.
      './vitest.astro.config.ts',
    ],
  },
});
