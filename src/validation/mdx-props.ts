/**
 * The readable Chinese error that stops the build when an MDX component is written wrongly, and
 * the attribute-by-attribute description of a schema's issues shared with the content checker.
 */
import type { z } from 'astro/zod';
import { attributeLabels } from '../schemas/mdx.ts';
import { nearest } from '../utils/nearest.ts';
import { show } from './problem.ts';

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
