import { z } from 'astro/zod';
import { dateInput, slugId, text } from './common.ts';

/** A published article in the registry `content/sources.yaml`. */
export const sourceSchema = z.strictObject({
  /** Identifier used by entries and figures. */
  id: slugId,
  /** Publisher, e.g. 福州日报. */
  publisher: text,
  /** Publication date at the precision known. */
  date: dateInput,
  /** How the date was worked out when the article does not print it; shown wherever the date is. */
  dateInferred: text.optional(),
  /** Headline. */
  title: text.optional(),
  /** Reporter(s). */
  author: text.optional(),
  /** Public address. */
  url: z.url({ error: '链接应为完整网址，以 http:// 或 https:// 开头' }).optional(),
  /** What the article covers, one line. */
  note: text.optional(),
});

/** A named selection of cases in `content/series.yaml`. */
export const seriesSchema = z.strictObject({
  /** Identifier used in case files. */
  id: slugId,
  /** Display name. */
  name: text,
  /** Year of the selection. */
  year: z.number().int().optional(),
  /** One paragraph about the selection. */
  description: text.optional(),
  /** The selection shown first: on the home page, the kiosk start screen and the footer's booklet link. */
  featured: z.boolean({ error: '应为 true 或 false' }).default(false),
});

export type Source = z.infer<typeof sourceSchema>;
export type Series = z.infer<typeof seriesSchema>;
