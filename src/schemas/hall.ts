import { z } from 'astro/zod';
import { dateInput, entryBase, picture, text } from './common.ts';

/** An exhibit zone of a hall, in visiting order. */
export const zone = z.strictObject({
  /** Name of the zone. */
  name: text,
  /** What the zone shows. */
  description: text.optional(),
});

/**
 * Kind of venue, in the order hall lists show them. 分馆: one of the political-life branch halls
 * the sources count (the 市直机关 hall among them); no source calls any hall 总馆.
 */
export const hallKind = z.enum(['分馆', '展馆', '教育基地'], {
  error: '类型只能是 分馆、展馆、教育基地 之一',
});

/** The kinds of venue in display order. */
export const hallKinds = hallKind.options;

/** Frontmatter of a hall file in `content/halls/`. */
export const hallSchema = <T extends z.ZodType>(image: T) =>
  z.strictObject({
    /** Name of the hall. */
    name: text,
    /** Host unit, by its name or alias in `content/units.yaml`; left out when no source names it (the page says 报道未说明). */
    unit: text.optional(),
    /** Kind of venue. */
    kind: hallKind,
    /** City where the venue stands (the search's 地区 filter), for a hall whose host unit no source names; otherwise the unit's region is used. */
    region: text.optional(),
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
