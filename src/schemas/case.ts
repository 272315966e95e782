import { z } from 'astro/zod';
import { entryBase, picture, slugId, text } from './common.ts';

/** Frontmatter of a case file in `content/cases/`. */
export const caseSchema = <T extends z.ZodType>(image: T) =>
  z.strictObject({
    /** Title of the case. */
    title: text,
    /** The unit, by its name, short name or alias in `content/units.yaml`. */
    unit: text,
    /** Year of the case. */
    year: z
      .number({ error: '年份应为四位阿拉伯数字，例如 2024（不要写成汉字或加引号）' })
      .int({ error: '年份应为整数，例如 2024' })
      .min(1949, { error: '年份应在 1949 年之后' })
      .max(2100, { error: '年份应为四位数字，例如 2024' }),
    /** Id of the selection in `content/series.yaml`, e.g. xinhuoshi-2024. */
    series: slugId.optional(),
    /** Position within the series. */
    order: z.number().int().positive().optional(),
    /** Honours the case received, as the sources name them. */
    honours: z.array(text).default([]),
    /** Cover photo. */
    cover: picture(image).optional(),
    /** Related hall, by its file name in `content/halls/`. */
    hall: text.optional(),
    /** Related route, by its file name in `content/routes/`. */
    route: text.optional(),
    /** Related cases, by file name in `content/cases/`. */
    related: z.array(text).default([]),
    ...entryBase,
  });

export type CaseData = z.infer<ReturnType<typeof caseSchema<z.ZodString>>>;
