/**
 * Props of the MDX components staff may use in a case, hall or route body, as zod schemas, and
 * the readable Chinese error that stops the build when one is written wrongly. The same schemas
 * are used by the content checker (./check.ts) to report the mistake with its line.
 */
import { z } from 'astro/zod';
import { approximation, dateInput, figureQuote, slugId, text } from '../../schemas/index.ts';
import { nearest, show } from '../../validation/problem.ts';

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
  quote: '原文摘录',
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
  /** The source's words around the number, verbatim: shown behind 原文 on the card. */
  quote: figureQuote.optional(),
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

/** Props Astro adds to every component, ignored by the checks. */
const internal = new Set(['children', 'class', 'id']);

/** A component used wrongly: the message names the file, the component, each attribute and what to write. */
export class ComponentError extends Error {
  constructor(component: string, where: string, lines: string[]) {
    super(
      `${where} 中的 <${component}> 写法有误：\n${lines.map((l) => `  · ${l}`).join('\n')}\n用法见 docs/编辑指南.md`,
    );
    this.name = '展陈组件用法有误';
    // Staff need the message, not the stack of the renderer.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** One mistake in a component's attributes. */
export interface AttributeIssue {
  /** The attribute with its Chinese name, e.g. speaker（说话人）. */
  attribute: string;
  found: string;
  expected: string;
  suggestion?: string | undefined;
}

/** The schema's issues as attribute, what was found, what is expected. */
export function attributeIssues(error: z.ZodError, props: Record<string, unknown>, known: string[]): AttributeIssue[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const guess = issue.keys.length === 1 ? nearest(issue.keys[0] ?? '', known) : undefined;
      return {
        attribute: '（属性）',
        found: `不认识的属性 ${issue.keys.join('、')}`,
        expected: `可用的属性：${known.join('、')}`,
        suggestion: guess ? `是否想写 ${guess}？` : undefined,
      };
    }
    const key = String(issue.path[0] ?? '');
    const attribute = attributeLabels[key] ? `${key}（${attributeLabels[key]}）` : key;
    const value = key ? props[key] : undefined;
    const found = value === undefined ? '没有填写' : `写的是 ${show(value)}`;
    const expected = issue.code === 'invalid_type' && value === undefined ? '这是必填属性' : issue.message;
    return { attribute, found, expected };
  });
}

/** One line per issue, for the build error. */
export const describeIssues = (issues: AttributeIssue[]) =>
  issues.map((i) => `${i.attribute}：${i.found}；${i.expected}${i.suggestion ? `。${i.suggestion}` : ''}`);

/** Validates a component's props, or throws the readable error. */
export function checkProps<T extends z.ZodType>(
  component: string,
  schema: T,
  props: Record<string, unknown>,
  where: string,
): z.infer<T> {
  // Astro adds data-astro-* attributes for scoped styles; they are not the author's.
  const own = Object.fromEntries(
    Object.entries(props).filter(([k]) => !internal.has(k) && !k.startsWith('data-astro-')),
  );
  const result = schema.safeParse(own);
  if (!result.success) {
    const known = Object.keys((schema as unknown as { shape?: Record<string, unknown> }).shape ?? {});
    throw new ComponentError(component, where, describeIssues(attributeIssues(result.error, own, known)));
  }
  return result.data;
}

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
