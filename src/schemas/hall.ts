import { z } from 'astro/zod';
import { dateInput, entryBase, picture, text } from './common.ts';

/** An exhibit zone of a hall, in visiting order. */
export const zone = z.strictObject({
  /** Name of the zone. */
  name: text,
  /** What the zone shows. */
  description: text.optional(),
});

/** Kind of venue. */
export const hallKind = z.enum(['总馆', '分馆', '展馆', '教育基地'], {
  error: '类型只能是 总馆、分馆、展馆、教育基地 之一',
});

/** Frontmatter of a hall file in `content/halls/`. */
export const hallSchema = <T extends z.ZodType>(image: T) =>
  z.strictObject({
    /** Name of the hall. */
    name: text,
    /** Host unit, by its name or alias in `content/units.yaml`. */
    unit: text,
    /** Kind of venue. */
    kind: hallKind,
    /** Opening date at the precision known. */
    opened: dateInput.optional(),
    /** Floor area in square metres. */
    area: z.number({ error: '面积应为数字（平方米），例如 1300' }).positive().optional(),
    /** Address or location. */
    address: text.optional(),
    /** Opening hours as published. */
    hours: text.optional(),
    /** Exhibit zones in order. */
    zones: z.array(zone).default([]),
    /** Cover photo. */
    cover: picture(image).optional(),
    /** Position in hall lists. */
    order: z.number().int().positive().optional(),
    ...entryBase,
  });

export type HallData = z.infer<ReturnType<typeof hallSchema<z.ZodString>>>;
