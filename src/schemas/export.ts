import { z } from 'astro/zod';
import { approximation, dateInput, figureQuote, inlineSource, slugId, text } from './common.ts';
import { unitLevel } from './unit.ts';

/** A source as published in the data download: written out in full, with its registry id. */
export const exportedSource = inlineSource.extend({
  /** Id in content/sources.yaml, when the source is registered. */
  id: slugId.optional(),
});

/** A figure in the data download, with its source written out. */
export const exportedFigure = z.strictObject({
  /** What is counted. */
  label: text,
  /** The number as the source gives it. */
  value: z.number(),
  /** Unit after the number. */
  unit: z.string(),
  /** Approximation word used by the source. */
  approx: approximation.optional(),
  /** The figure as printed, e.g. 3.1万多人次. */
  text,
  /** Date the number refers to. */
  asOf: dateInput,
  /** Scope of the number. */
  note: text.optional(),
  /** The source's own words around the number (原文), verbatim. */
  quote: figureQuote,
  /** True for a number about a wider whole (the city, the network of halls) than the case. */
  context: z.boolean(),
  /** Where the number comes from. */
  source: exportedSource,
});

/** One published case in /data/cases.json (and, flattened, /data/cases.csv). */
export const caseRecordSchema = z.strictObject({
  /** File name below content/cases/, also the page address. */
  slug: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/),
  /** Public address of the case page. */
  url: z.url(),
  /** Title of the case. */
  title: text,
  /** The unit: short name, full name, registry id, level and region. */
  unit: z.strictObject({ id: slugId, name: text, short: text.optional(), level: unitLevel, region: text }),
  /** Year of the case. */
  year: z.number().int(),
  /** Series the case belongs to. */
  series: z.strictObject({ id: slugId, name: text }).optional(),
  /** Position within the series. */
  order: z.number().int().positive().optional(),
  /** One-paragraph summary. */
  summary: text,
  /** Topic tags. */
  tags: z.array(text),
  /** Honours as the sources name them. */
  honours: z.array(text),
  /** Key numbers, each with its source. */
  figures: z.array(exportedFigure),
  /** Sources of the case, at least one. */
  sources: z.array(exportedSource).min(1),
});

/** The whole download. */
export const caseExportSchema = z.strictObject({
  /** Name of the collection. */
  title: text,
  /** Public address of the site. */
  site: z.url(),
  /** How many cases. */
  count: z.number().int(),
  /** The cases, in site order. */
  cases: z.array(caseRecordSchema),
});

export type CaseRecord = z.infer<typeof caseRecordSchema>;
export type CaseExport = z.infer<typeof caseExportSchema>;
