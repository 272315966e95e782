import { compile, createProcessor } from '@mdx-js/mdx';
import type { CheckContext, LoadedEntry } from './check.ts';
import { parseCache } from './parse-cache.ts';
import type { Problem } from './problem.ts';

/** A link or image found in an entry body, with its line in the file. */
export interface BodyReference {
  kind: 'link' | 'image' | 'import';
  url: string;
  line: number | undefined;
  /** Alternative text of an image, when the syntax has one. */
  alt?: string | undefined;
  /** How it was written, for messages: ![说明](./a.jpg), <img src>, import. */
  syntax: string;
}

/** What the body parser found: references, or the syntax error that stopped it. */
export interface ParsedBody {
  references: BodyReference[];
  /** False when the body could not be parsed; its references are then unknown. */
  ok: boolean;
}

interface Node {
  type: string;
  url?: string;
  alt?: string | null;
  value?: string;
  name?: string | null;
  identifier?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
}

const parsed = new WeakMap<LoadedEntry, ParsedBody>();
const markdown = createProcessor({ format: 'md' });

/** The references of one entry body; parses it on first use. */
export async function bodyOf(entry: LoadedEntry, problems: Problem[]): Promise<ParsedBody> {
  const cached = parsed.get(entry);
  if (cached) return cached;
  const result = await parse(entry, problems);
  parsed.set(entry, result);
  return result;
}

/** Parses every body, reporting MDX syntax errors with their line in the file. */
export async function checkBodySyntax(ctx: CheckContext): Promise<void> {
  for (const entry of ctx.entries) await bodyOf(entry, ctx.problems);
}

async function parse(entry: LoadedEntry, problems: Problem[]): Promise<ParsedBody> {
  // Parsed before without errors (the same body at the same line, as .md or .mdx).
  const cache = parseCache();
  const kind = `body ${entry.file.toLowerCase().endsWith('.mdx') ? 'mdx' : 'md'} ${entry.bodyLine}`;
  const known = cache?.get<ParsedBody>(kind, entry.body);
  if (known) return known;
  const result = await parseBody(entry, problems);
  if (result.ok) cache?.set(kind, entry.body, result);
  return result;
}

async function parseBody(entry: LoadedEntry, problems: Problem[]): Promise<ParsedBody> {
  const toFileLine = (line: number | undefined) => (line === undefined ? undefined : line + entry.bodyLine - 1);
  let tree: Node | undefined;
  if (entry.file.toLowerCase().endsWith('.mdx')) {
    try {
      // The full MDX compiler, as the build runs it, so that every error it would raise is found here.
      await compile(entry.body, {
        remarkPlugins: [
          () => (root: unknown) => {
            tree = root as Node;
          },
        ],
      });
    } catch (error) {
      problems.push(mdxProblem(entry, error, toFileLine));
      return { references: [], ok: false };
    }
  } else {
    tree = markdown.parse(entry.body) as unknown as Node;
  }
  const references: BodyReference[] = [];
  if (tree) collect(tree, references, toFileLine, definitions(tree));
  return { references, ok: true };
}

function definitions(tree: Node): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (node: Node) => {
    if (node.type === 'definition' && node.identifier && node.url) out.set(node.identifier.toLowerCase(), node.url);
    node.children?.forEach(visit);
  };
  visit(tree);
  return out;
}

function collect(
  node: Node,
  out: BodyReference[],
  toFileLine: (line: number | undefined) => number | undefined,
  defs: Map<string, string>,
): void {
  const line = toFileLine(node.position?.start.line);
  switch (node.type) {
    case 'link':
      if (node.url !== undefined) out.push({ kind: 'link', url: node.url, line, syntax: '[文字](网址)' });
      break;
    case 'linkReference': {
      const url = node.identifier ? defs.get(node.identifier.toLowerCase()) : undefined;
      if (url !== undefined) out.push({ kind: 'link', url, line, syntax: '[文字][编号]' });
      break;
    }
    case 'image':
      if (node.url !== undefined)
        out.push({ kind: 'image', url: node.url, line, alt: node.alt ?? '', syntax: '![说明](图片)' });
      break;
    case 'imageReference': {
      const url = node.identifier ? defs.get(node.identifier.toLowerCase()) : undefined;
      if (url !== undefined) out.push({ kind: 'image', url, line, alt: node.alt ?? '', syntax: '![说明][编号]' });
      break;
    }
    case 'html':
      // Raw HTML in a .md file: <a href="…"> and <img src="…" alt="…">.
      for (const m of (node.value ?? '').matchAll(/<(a|img)\b([^>]*)>/gi)) {
        const attrs = m[2] ?? '';
        const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(attrs)?.[1];
        const tag = (m[1] ?? '').toLowerCase();
        const url = attr(tag === 'a' ? 'href' : 'src');
        if (url !== undefined)
          out.push({
            kind: tag === 'a' ? 'link' : 'image',
            url,
            line,
            alt: tag === 'img' ? attr('alt') : undefined,
            syntax: `<${tag}>`,
          });
      }
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      for (const a of node.attributes ?? []) {
        if (a.type !== 'mdxJsxAttribute' || typeof a.value !== 'string') continue;
        if (a.name === 'href') out.push({ kind: 'link', url: a.value, line, syntax: `<${node.name} href>` });
        if (a.name === 'src') out.push({ kind: 'image', url: a.value, line, syntax: `<${node.name} src>` });
      }
      break;
    case 'mdxjsEsm':
      for (const m of (node.value ?? '').matchAll(/\bfrom\s+["']([^"']+)["']|\bimport\s+["']([^"']+)["']/g)) {
        const url = m[1] ?? m[2];
        if (url) out.push({ kind: 'import', url, line, syntax: 'import' });
      }
      break;
  }
  for (const child of node.children ?? []) collect(child, out, toFileLine, defs);
}

interface MdxError {
  reason?: string;
  message?: string;
  ruleId?: string;
  line?: number;
  place?: { line?: number; start?: { line?: number } };
}

function mdxProblem(entry: LoadedEntry, error: unknown, toFileLine: (line: number | undefined) => number | undefined) {
  const e = (error ?? {}) as MdxError;
  const reason = e.reason ?? e.message ?? String(error);
  const line =
    e.place?.start?.line ?? e.place?.line ?? e.line ?? Number(/\((\d+):\d+(?:-\d+:\d+)?\)/.exec(reason)?.[1] ?? NaN);
  const fileLine = toFileLine(Number.isFinite(line) ? line : undefined);
  const tag = (s: string) => /`<\/?([^>`]*)>`/.exec(s)?.[1];
  let found = `MDX 语法错误（${reason}）`;
  let expected = 'MDX 正文中的标签要成对（<标签>…</标签>）或自闭合（<标签 />），大括号 { } 要成对';
  let suggestion: string | undefined = '如果正文不需要组件，把文件扩展名改为 .md，普通文字就不会被当作代码';
  if (/^Expected a closing tag for/.test(reason)) {
    const name = tag(reason);
    found = `标签 <${name}> 没有结束`;
    expected = `在内容后面加上 </${name}>，或者把它写成自闭合的 <${name} … />`;
    suggestion = undefined;
  } else if (/^Unexpected closing tag/.test(reason)) {
    const [closing, opening] = [...reason.matchAll(/`<\/?([^>`]*)>`/g)].map((m) => m[1]);
    found = `结束标签 </${closing}> 与前面的 <${opening}> 不配对`;
    expected = `先用 </${opening}> 结束 <${opening}>，标签按“先开后关”的顺序嵌套`;
    suggestion = undefined;
  } else if (/closing brace/.test(reason) || e.ruleId === 'unexpected-eof') {
    found = '大括号 { 没有配对的 }';
    expected = 'MDX 中的 { } 用来写代码，必须成对';
    suggestion = '如果只是想显示大括号，写成 \\{ ；或者把文件扩展名改为 .md';
  } else if (/^Unexpected character `!`/.test(reason)) {
    found = 'MDX 中不能用 <!-- … --> 写注释';
    expected = 'MDX 的注释写成 {/* 注释 */}';
    suggestion = '删掉这段注释（例如模板里的“写法示例”），或改成 {/* … */}';
  } else if (/^Unexpected character/.test(reason) && /before name|after `<`/.test(reason)) {
    found = '“<” 后面的字符不能作为标签名';
    expected = 'MDX 中 “<” 用来开始一个标签';
    suggestion = '如果是小于号，写成 \\< 或全角的 ＜；或者把文件扩展名改为 .md';
  }
  return { file: entry.file, line: fileLine, field: '（正文）', found, expected, suggestion } satisfies Problem;
}
