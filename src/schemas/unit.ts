import { z } from 'astro/zod';
import { slugId, text } from './common.ts';

/** Administrative level of a unit. */
export const unitLevel = z.enum(['省直', '市直', '区县', '乡镇街道', '村社区', '企业', '其他'], {
  error: '级别只能是 省直、市直、区县、乡镇街道、村社区、企业、其他 之一',
});

/** An organisation in the registry `content/units.yaml`. */
export const unitSchema = z.strictObject({
  /** URL slug of the unit page. */
  id: slugId,
  /** Full Chinese name. */
  name: text,
  /** Short name used in headings. */
  short: text.optional(),
  /** Other names that cases and halls may use. */
  aliases: z.array(text).default([]),
  /** Administrative level. */
  level: unitLevel,
  /** City the unit belongs to, e.g. 福州市. */
  region: text,
  /** One sentence about the unit, from the sources. */
  description: text.optional(),
});

export type Unit = z.infer<typeof unitSchema>;
