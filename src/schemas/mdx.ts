/**
 * Props of the MDX components staff may use in a case, hall or route body, as zod schemas. The
 * components validate their props with them at render time (src/validation/mdx-props.ts) and the
 * content checker (src/validation/mdx.ts) reports the same mistakes with their line before the build.
 */
import { z } from 'astro/zod';
import { approximation, dateInput, slugId, text } from './common.ts';

/** Chinese names of component attributes, for messages. */
export const attributeLabels: Record<string, string> = {
  figure: '数据名称（对应文件头 figures 中的 label）',
  label: '数据名称',
  value: '数值',
  unit: '单位',
  approx: '约数标记',
  asOf: '截至日期',
  source: '来源编号',
  note: '说明',
  speaker: '说话人',
  role: '职务或身份',
  date: '日期',
  occasion: '场合',
  src: '图片文件',
  alt: '图片说明（替代文字）',
  caption: '图注',
  type: '类型',
  title: '标题',
  items: '条目',
  slug: '案例文件名',
};

export const statProps = z.strictObject({
  /** A figure of this entry, by its label in the frontmatter. */
  figure: text.optional(),
  /** Written out instead of `figure`: the same fields as a frontmatter figure. */
  label: text.optional(),
  value: z.number({ error: '数值应为阿拉伯数字，写在大括号里，例如 value={410}' }).optional(),
  unit: z.string().optional(),
  approx: approximation.optional(),
  asOf: dateInput.optional(),
  source: slugId.optional(),
  note: text.optional(),
});

export const quoteProps = z.strictObject({
  speaker: text,
  role: text.optional(),
  date: dateInput.optional(),
  occasion: text.optional(),
  source: slugId,
});

export const calloutTypes = ['说明', '要点', '提示'] as const;
export const calloutProps = z.strictObject({
  type: z.enum(calloutTypes, { error: `类型只能是 ${calloutTypes.join('、')} 之一` }).default('说明'),
  title: text.optional(),
});

export const honoursProps = z.strictObject({
  title: text.optional(),
  items: z.array(text, { error: '条目应写成列表，例如 items={["第一项", "第二项"]}' }).min(1).optional(),
});

export const relatedCaseProps = z.strictObject({
  slug: text,
});

export const photoProps = z.strictObject({
  src: z.union(
    [z.string().trim().min(1), z.object({ src: z.string(), width: z.number(), height: z.number() }).loose()],
    {
      error: '应写相对于本文件的图片路径，例如 src="./images/zhanting.jpg"',
    },
  ),
  alt: text,
  caption: text.optional(),
});

export const galleryProps = z.strictObject({
  caption: text.optional(),
});

/** Every component staff may write, with its props; the checker and the renderer share these. */
export const componentSchemas: Record<string, z.ZodObject> = {
  Stat: statProps,
  Quote: quoteProps,
  Callout: calloutProps,
  Honours: honoursProps,
  RelatedCase: relatedCaseProps,
  Gallery: galleryProps,
  Photo: photoProps,
};
