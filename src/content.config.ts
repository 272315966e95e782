import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import {
  caseSchema,
  hallSchema,
  milestoneSchema,
  routeSchema,
  seriesSchema,
  sourceSchema,
  unitSchema,
} from './schemas/index.ts';

// Astro's own validation messages in Chinese too, for anything our checker does not catch first.
z.config(z.locales.zhCN());

const entries = (folder: string) => glob({ base: `./content/${folder}`, pattern: '**/*.{md,mdx}' });

export const collections = {
  cases: defineCollection({ loader: entries('cases'), schema: ({ image }) => caseSchema(image()) }),
  halls: defineCollection({ loader: entries('halls'), schema: ({ image }) => hallSchema(image()) }),
  routes: defineCollection({ loader: entries('routes'), schema: ({ image }) => routeSchema(image()) }),
  units: defineCollection({ loader: file('./content/units.yaml'), schema: unitSchema }),
  sources: defineCollection({ loader: file('./content/sources.yaml'), schema: sourceSchema }),
  series: defineCollection({ loader: file('./content/series.yaml'), schema: seriesSchema }),
  timeline: defineCollection({ loader: file('./content/timeline.yaml'), schema: milestoneSchema }),
};
