import { z } from 'astro/zod';
import { entryBase, picture, text } from './common.ts';

/** What an itinerary item is: a place the boat passes or calls at, or a stretch of water (a loop, a river). */
export const stopKind = z.enum(['地点', '水路'], {
  error: 'kind（类型）只能是 地点 或 水路：水路指一段航程，例如“环绕南台岛”“驶入大樟溪”',
});

/** An item of a route's itinerary, in travel order. */
export const stop = z.strictObject({
  /** Name of the place or stretch of water. */
  name: text,
  /** 地点 (default) or 水路: stretches of water are not counted as places. */
  kind: stopKind.default('地点'),
  /** What happened or what is seen here. */
  description: text.optional(),
  /** Optional latitude and longitude, only where a source gives them. */
  coords: z.tuple([z.number(), z.number()]).optional(),
});

/** The historic route a route revives, as the sources describe it. */
export const historicRoute = z.strictObject({
  /** Its name in history, e.g. 闽浙赣省委闽江地下航线. */
  name: text,
  /** When it ran, as written, e.g. 解放战争初期. */
  period: text.optional(),
  /** Where it started: the name of one of the stops. */
  from: text,
  /** Where it led, as written, e.g. 南平一带的游击队. */
  toward: text,
});

/** Frontmatter of a route file in `content/routes/`. */
export const routeSchema = <T extends z.ZodType>(image: T) =>
  z
    .strictObject({
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
      /** The historic route this one revives. */
      historic: historicRoute.optional(),
      /** The itinerary in travel order: at least two items. */
      stops: z.array(stop).min(2, { error: '航线至少需要起点和终点两项' }),
      /** Cover photo. */
      cover: picture(image).optional(),
      ...entryBase,
    })
    .superRefine((route, ctx) => {
      // The map draws the historic route as a branch from one of the stops: it must be one of them.
      const from = route.historic?.from;
      if (from !== undefined && !route.stops.some((s) => s.name === from)) {
        ctx.addIssue({
          code: 'custom',
          path: ['historic', 'from'],
          input: from,
          message: `应为本航线的一个站点名称（与 stops 中的 name 一字不差）：${route.stops.map((s) => s.name).join('、')}`,
        });
      }
    });

export type RouteData = z.infer<ReturnType<typeof routeSchema<z.ZodString>>>;
