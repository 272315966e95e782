import { z } from 'astro/zod';

/** A calendar date at the precision the source gives: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const partialDate = z
  .string({ error: '日期应写成文字，例如 "2024" 或 "2024-03-15"（两边加英文引号）' })
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
    error: '日期格式应为 YYYY、YYYY-MM 或 YYYY-MM-DD，例如 2024、2024-03 或 2024-03-15',
  });

/** Normalises a YAML value that may have been parsed as a Date or number back to text. */
export const dateInput = z.preprocess((value) => {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  return value;
}, partialDate);

/** A non-empty line of text. */
export const text = z.string().trim().min(1, { error: '不能为空' });

/** An ASCII identifier used in URLs and cross references. */
export const slugId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: '只能使用小写英文字母、数字和连字符，例如 fangxiang-jiangxisuo',
});

/** Approximation words as the sources write them; kept, never rounded away. */
export const approximation = z.enum(['余', '多', '近', '约', '超', '逾'], {
  error: '约数标记只能是 余、多、近、约、超、逾 之一',
});

/** A source written out in full where it is cited. */
export const inlineSource = z.strictObject({
  /** The publisher, e.g. 福州日报. */
  publisher: text,
  /** Publication date. */
  date: dateInput,
  /** How the date was worked out when the article does not print it; shown wherever the date is. */
  dateInferred: text.optional(),
  /** Headline or title of the article. */
  title: text.optional(),
  /** Reporter(s). */
  author: text.optional(),
  /** Public address of the article. */
  url: z.url({ error: '链接应为完整网址，以 http:// 或 https:// 开头' }).optional(),
});

/** A source: either the id of an entry in `content/sources.yaml` or written out in full. */
export const sourceRef = z.union([slugId, inlineSource], {
  error: '来源应为 content/sources.yaml 中的编号，或写明 publisher（发布单位）和 date（日期）',
});

/** A key number of an entry, with its source and as-of date. */
export const figure = z.strictObject({
  /** What is counted, e.g. 承接活动. */
  label: text,
  /** The number exactly as the source gives it (1.8 for "1.8 万"). */
  value: z.number({ error: '数值应为阿拉伯数字，例如 410 或 1.8' }),
  /** Unit after the number, e.g. 场次, 万人次, %. */
  unit: z.string().default(''),
  /** Approximation word used by the source. */
  approx: approximation.optional(),
  /** Date the number refers to. */
  asOf: dateInput,
  /** Where the number comes from; defaults to the entry's first source. */
  source: sourceRef.optional(),
  /** A short qualifier, e.g. the scope of the count. */
  note: text.optional(),
});

/** Image with required alternative text; `image` is Astro's image() or a test stand-in. */
export const picture = <T extends z.ZodType>(image: T) =>
  z.strictObject({
    /** Path of the photo, relative to this file. */
    src: image,
    /** What the photo shows, for screen readers and when it cannot load. */
    alt: text,
    /** Caption shown under the photo. */
    caption: text.optional(),
  });

/** Fields every exhibit entry (case, hall, route) shares. */
export const entryBase = {
  /** One-paragraph summary shown in lists and search results. */
  summary: text.max(200, { error: '摘要最多 200 字' }),
  /** Sources of this entry, at least one. */
  sources: z.array(sourceRef).min(1, { error: '至少需要一个来源' }),
  /** Topic tags. */
  tags: z.array(text).default([]),
  /** Key numbers. */
  figures: z.array(figure).default([]),
  /** Hidden from production builds while true. */
  draft: z.boolean({ error: 'draft 只能是 true 或 false' }).default(false),
};

export type Figure = z.infer<typeof figure>;
export type SourceRef = z.infer<typeof sourceRef>;
export type InlineSource = z.infer<typeof inlineSource>;
