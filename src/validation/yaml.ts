import { LineCounter, parseDocument, type Document } from 'yaml';
import { parseCache } from './parse-cache.ts';
import type { Problem } from './problem.ts';

/** A parsed YAML document that can tell the line of any field. */
export interface ParsedYaml {
  data: unknown;
  /** 1-based line of the node at `path`, or of its nearest ancestor that exists. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/**
 * Parses YAML text, reporting syntax errors as problems.
 * `lineOffset` is the number of lines before the text in its file (the `---` of frontmatter).
 */
export function parseYaml(
  source: string,
  file: string,
  lineOffset: number,
  problems: Problem[],
): ParsedYaml | undefined {
  const cache = parseCache();
  const known = cache?.get<{ data: unknown }>('yaml', source);
  // Parsed before without errors: the data as it was, and the document parsed again only if a
  // check asks for a line.
  if (known) {
    let lines: ((path: readonly PropertyKey[]) => number | undefined) | undefined;
    return {
      data: known.data,
      lineOf(path) {
        lines ??= lineFinder(source, lineOffset).lineOf;
        return lines(path);
      },
    };
  }
  const counter = new LineCounter();
  const doc: Document = parseDocument(source, { lineCounter: counter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = (error.linePos?.[0]?.line ?? 0) + lineOffset;
      problems.push({
        file,
        line: line || undefined,
        field: '（文件头格式）',
        found: yamlErrorInChinese(error.code, source.split('\n')[(error.linePos?.[0]?.line ?? 1) - 1]),
        expected: '合法的 YAML：每行写成 “字段: 值”，用空格缩进（不能用 Tab），引号要成对，同一字段只写一次',
      });
    }
    return undefined;
  }
  const data: unknown = doc.toJS();
  cache?.set('yaml', source, { data });
  return { data, lineOf: lines(doc, counter, lineOffset) };
}

/** A parse of `source` that tells lines (for a document remembered by the parse cache). */
function lineFinder(source: string, lineOffset: number): Pick<ParsedYaml, 'lineOf'> {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, uniqueKeys: true, prettyErrors: true });
  return { lineOf: lines(doc, counter, lineOffset) };
}

/** 1-based line of the node at a path in `doc`, or of its nearest ancestor that exists. */
function lines(doc: Document, counter: LineCounter, lineOffset: number): ParsedYaml['lineOf'] {
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) {
        return counter.linePos(node.range[0]).line + lineOffset;
      }
      if (n > 0) {
        // A key whose value is missing or scalar: look up the key itself in its parent map.
        const parent = doc.getIn(path.slice(0, n - 1) as unknown[], true) as
          { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | undefined;
        const pair = parent?.items?.find((item) => item.key?.value === path[n - 1]);
        if (pair?.key?.range) return counter.linePos(pair.key.range[0]).line + lineOffset;
      }
    }
    return undefined;
  };
}

function yamlErrorInChinese(code: string, lineText: string | undefined): string {
  const shown = lineText === undefined ? '' : `：${lineText.trim()}`;
  switch (code) {
    case 'TAB_AS_INDENT':
      return `这一行用了 Tab 缩进${shown}`;
    case 'MISSING_CHAR':
    case 'BAD_DQ_ESCAPE':
      return `引号或括号不成对${shown}`;
    case 'DUPLICATE_KEY':
      return `同一字段写了两次${shown}`;
    case 'BAD_INDENT':
    case 'UNEXPECTED_TOKEN':
      return `缩进或符号不对${shown}`;
    default:
      return `无法读懂这一行（${code}）${shown}`;
  }
}

/** Splits a Markdown file into frontmatter text, its first line number, and the body. */
export function splitFrontmatter(
  text: string,
): { yaml: string; offset: number; body: string; bodyLine: number } | undefined {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!normalised.startsWith('---\n')) return undefined;
  const end = normalised.indexOf('\n---', 3);
  if (end === -1) return undefined;
  const yaml = normalised.slice(4, end + 1);
  const afterMarker = normalised.indexOf('\n', end + 4);
  const body = afterMarker === -1 ? '' : normalised.slice(afterMarker + 1);
  const bodyLine = yaml.split('\n').length + 2;
  return { yaml, offset: 1, body, bodyLine };
}
