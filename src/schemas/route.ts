import { z } from 'astro/zod';
import { entryBase, picture, text } from './common.ts';

/** A stop on a route, in travel order. */
export const stop = z.strictObject({
  /** Name of the stop. */
  name: text,
  /** What happened or what is seen here. */
  description: text.optional(),
  /** Optional latitude and longitude, only where a source gives them. */
  coords: z.tuple([z.number(), z.number()]).optional(),
});

/** Frontmatter of a route file in `content/routes/`. */
export const routeSchema = <T extends z.ZodType>(image: T) =>
  z.strictObject({
    /** Name of the route. */
    name: text,
    /** Unit that supports or runs the route, by name or alias. */
    unit: text.optional(),
    /** Company operating the boats. */
    operator: text.optional(),
    /** Outbound length in kilometres. */
    lengthKm: z.number().positive().optional(),
    /** Return length in kilometres. */
    returnKm: z.number().positive().optional(),
    /** Duration as published, e.g. 往返约 5 小时. */
    duration: text.optional(),
    /** Stops in order, at least two. */
    stops: z.array(stop).min(2, { error: '航线至少需要两个站点' }),
    /** Cover photo. */
    cover: picture(image).optional(),
    ...entryBase,
  });

export type RouteData = z.infer<ReturnType<typeof routeSchema<z.ZodString>>>;
