import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';

const cases = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: './content/cases' }),
  schema: z.looseObject({ title: z.string(), summary: z.string() }),
});

export const collections = { cases };
