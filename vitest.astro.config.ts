/**
 * Unit tests of the page view models (src/data/pages/), run with Astro's Vite configuration the
 * way Starlight tests its route data: `astro:content` is mocked over small fixture entries
 * (tests/unit/view-models/content.ts), so staff editing the real content never changes them.
 */
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    name: 'view-models',
    include: ['tests/unit/view-models/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
