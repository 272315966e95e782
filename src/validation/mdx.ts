/**
 * The MDX components in entry bodies, checked before the build with the file's line numbers:
 * unknown component names (with the nearest valid one), attributes against the components' own
 * schemas, and references — source ids, case file names, figure labels — against the content.
 * Attributes written as code (value={410}, items={[…]}) are read when they are plain literals.
 */
import { createProcessor } from '@mdx-js/mdx';
import { componentSchemas } from '../schemas/mdx.ts';
import { nearest } from '../utils/nearest.ts';
import type { CheckContext, LoadedEntry } from './check.ts';
import { attributeIssues } from './mdx-props.ts';
import type { Problem } from './problem.ts';

interface JsxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: JsxNode[];
  position?: { start: { line: number } };
}

const processor = createProcessor({ format: 'mdx' });
const names = Object.keys(componentSchemas);

/** The value of an attribute: a string, a literal written as code, or `unreadable`. */
const unreadable = Symbol('unreadable');
function attributeValue(value: unknown): unknown {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value;
  const code = (value as { value?: unknown }).value;
  if (typeof code !== 'string') return unreadable;
  try {
    return JSON.parse(code);
  } catch {
    return unreadable;
  }
}

function checkEntry(entry: LoadedEntry, ctx: CheckContext, problems: Problem[]): void {
  let tree: JsxNode;
  try {
    tree = processor.parse(entry.body) as unknown as JsxNode;
  } catch {
    return; // The syntax check reports it.
  }
  const sources = ctx.registry.sources.map(({ item }) => String(item['id']));
  const cases = ctx.entries.filter((e) => e.collection === 'cases').map((e) => e.slug);
  const figures = ((entry.data['figures'] as { label?: string }[] | undefined) ?? []).map((f) => String(f.label));
  const entrySources = (entry.data['sources'] as unknown[] | undefined) ?? [];

  const visit = (node: JsxNode) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const line = node.position ? node.position.start.line + entry.bodyLine - 1 : undefined;
      const field = `（正文中的 <${node.name}>）`;
      const problem = (found: string, expected: string, suggestion?: string) =>
        problems.push({ file: entry.file, line, field, found, expected, suggestion });
      const schema = componentSchemas[node.name];
      if (/^[A-Z]/.test(node.name) && !schema) {
        const guess = nearest(node.name, names);
        problem(`组件 <${node.name}>`, `可用的组件：${names.join('、')}`, guess ? `是否想写 <${guess}>？` : undefined);
      } else if (schema) {
        const props: Record<string, unknown> = {};
        const code = new Set<string>();
        for (const a of node.attributes ?? []) {
          if (a.type !== 'mdxJsxAttribute' || !a.name) continue;
          const value = attributeValue(a.value);
          if (value === unreadable) code.add(a.name);
          props[a.name] = value === unreadable ? undefined : value;
        }
        const result = schema.safeParse(props);
        if (!result.success) {
          const issues = result.error.issues.filter((i) => !code.has(String(i.path[0] ?? '')));
          const known = Object.keys(schema.shape);
          for (const { attribute, ...issue } of attributeIssues(
            { ...result.error, issues } as typeof result.error,
            props,
            known,
          )) {
            problems.push({ file: entry.file, line, field: `<${node.name}> 的 ${attribute}`, ...issue });
          }
        }
        const source = props['source'];
        if (
          (node.name === 'Quote' || node.name === 'Stat') &&
          typeof source === 'string' &&
          !sources.includes(source)
        ) {
          const guess = nearest(source, sources);
          problem(
            `source（来源编号）"${source}"`,
            '应为 content/sources.yaml 中的编号',
            guess ? `是否想写 "${guess}"？` : undefined,
          );
        }
        const slug = props['slug'];
        if (node.name === 'RelatedCase' && typeof slug === 'string' && !cases.includes(slug)) {
          const guess = nearest(slug, cases);
          problem(
            `slug（案例文件名）"${slug}"`,
            '应为 content/cases/ 下的案例文件名，不带 .md，例如 fuzhou/bianfang-wenji',
            guess ? `是否想写 "${guess}"？` : undefined,
          );
        }
        const figure = props['figure'];
        if (node.name === 'Stat' && typeof figure === 'string' && !figures.includes(figure)) {
          const guess = nearest(figure, figures);
          problem(
            `figure（数据名称）"${figure}"`,
            figures.length > 0
              ? `应为本文件文件头 figures 中的 label：${figures.join('、')}`
              : '本文件的文件头还没有 figures',
            guess ? `是否想写 "${guess}"？` : undefined,
          );
        }
        if (
          node.name === 'Stat' &&
          figure === undefined &&
          props['source'] === undefined &&
          typeof entrySources[0] !== 'string'
        ) {
          problem('source（来源编号）没有填写', '写出数字时要写 source="来源编号"（本文件的第一个来源不是编号）');
        }
        if (
          node.name === 'Gallery' &&
          !(node.children ?? []).some(function has(c: JsxNode): boolean {
            return c.name === 'Photo' || (c.children ?? []).some(has);
          })
        ) {
          problem('<Gallery> 里没有照片', '每张照片写一个 <Photo src="./images/照片.jpg" alt="照片内容" />');
        }
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
}

/** The content-check hook: every .mdx entry body. */
export function checkMdxComponents(ctx: CheckContext): void {
  for (const entry of ctx.entries) {
    if (entry.file.toLowerCase().endsWith('.mdx')) checkEntry(entry, ctx, ctx.problems);
  }
}
