/**
 * The exhibition in its own words: helpers for tests/unit/copy-rule.test.ts.
 *
 * Content text is compared with the newspaper texts on letters and digits only (punctuation,
 * spaces and layout are ignored). Quotations “…”, titles 《…》 and lists of names (items joined
 * by 、 with no other punctuation) may repeat a source; everything else may not share a run of
 * more than {@link MAX_RUN} characters with one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { listFiles as listAllFiles } from '../../src/utils/files.ts';

/** Longest run of identical characters (letters and digits) that content may share with a source. */
export const MAX_RUN = 30;

/**
 * Keys whose values are not exhibition prose: figures carry verbatim quotes by design, sources and
 * links are ids, honours are the names of honours as awarded.
 */
const SKIPPED_KEYS = new Set(['figures', 'sources', 'source', 'link', 'id', 'honours']);

/** A piece of content text and where it comes from ("content/cases/x.md › summary"). */
export interface Passage {
  where: string;
  text: string;
}

/** A run of content text found in a source. */
export interface Run {
  where: string;
  /** The content text of the run, as written (punctuation included). */
  text: string;
  /** Its length in letters and digits. */
  length: number;
}

const isWordChar = (ch: string) => /[\p{L}\p{N}]/u.test(ch);

/** Letters and digits only, lower-cased. */
export function letters(text: string): string {
  let out = '';
  for (const ch of text) if (isWordChar(ch)) out += ch.toLowerCase();
  return out;
}

/** Every “…” quotation in a text (the outermost ones, nested ‘…’ included in them). */
export function quotations(text: string): string[] {
  return [...text.matchAll(/“([^”]*)”/g)].map((m) => m[1]!);
}

/**
 * The text with quotations, titles and lists of names cut out, as the parts in between:
 * a run cannot join the text before a quotation with the text after it.
 */
export function ownWords(text: string): string[] {
  const parts = text.split(/“[^”]*”|《[^》]*》|「[^」]*」|‘[^’]*’/);
  return parts.flatMap((part) => {
    const out: string[] = [];
    let from = 0;
    for (const m of part.matchAll(LIST)) {
      const length = listOfNamesLength(m[0]);
      if (length === 0) continue;
      out.push(part.slice(from, m.index));
      from = m.index + length;
    }
    out.push(part.slice(from));
    return out;
  });
}

/** Two or more items joined by 、, none with other punctuation. */
const LIST = /[^\s\p{P}]{1,24}(?:、[^\s\p{P}]{1,24})+/gu;

const NAME_SUFFIX =
  '(?:公司|馆|部|局|委|办|处|院|校|街道|社区|村|镇|中心|协会|所|厅|队|站|点|区|县|市|省|机关|基地|组织|单位|班|会|项目|品牌|案例)';
/** How the names of units, places, honours and the like end. */
const NAME_END = new RegExp(`${NAME_SUFFIX}$`);
/** The last item up to the end of its last name ("丙委和丁办共同建设" → "丙委和丁办"). */
const LAST_NAME = new RegExp(`^.*${NAME_SUFFIX}`);

/**
 * Length of the list of names at the start of a 、-list (the first item may begin with a few
 * words before its name; the last may go on after it), or 0 if an item is not a name.
 */
function listOfNamesLength(list: string): number {
  const items = list.split('、');
  const last = LAST_NAME.exec(items.at(-1)!);
  if (!last || !items.slice(0, -1).every((item) => NAME_END.test(item))) return 0;
  return list.length - items.at(-1)!.length + last[0].length;
}

/** All n-grams of letters and digits of length MAX_RUN + 1 in the sources. */
export function sourceGrams(sources: string[]): Set<string> {
  const grams = new Set<string>();
  const n = MAX_RUN + 1;
  for (const source of sources) {
    const s = letters(source);
    for (let i = 0; i + n <= s.length; i++) grams.add(s.slice(i, i + n));
  }
  return grams;
}

/** Runs longer than MAX_RUN that a passage shares with the sources. */
export function copiedRuns(passage: Passage, grams: Set<string>): Run[] {
  const runs: Run[] = [];
  const n = MAX_RUN + 1;
  for (const part of ownWords(passage.text)) {
    // Letters with their offsets in `part`, to show the run as written.
    const chars: { ch: string; at: number }[] = [];
    let offset = 0;
    for (const ch of part) {
      if (isWordChar(ch)) chars.push({ ch: ch.toLowerCase(), at: offset });
      offset += ch.length;
    }
    const s = chars.map((c) => c.ch).join('');
    let i = 0;
    while (i + n <= chars.length) {
      if (!grams.has(s.slice(i, i + n))) {
        i++;
        continue;
      }
      let end = i + n;
      while (end < chars.length && grams.has(s.slice(end + 1 - n, end + 1))) end++;
      const last = chars[end - 1]!;
      runs.push({
        where: passage.where,
        text: part.slice(chars[i]!.at, last.at + last.ch.length),
        length: end - i,
      });
      i = end;
    }
  }
  return runs;
}

/** Strings of a parsed YAML/JSON value, with their key path, skipping non-prose keys. */
function strings(value: unknown, where: string, out: Passage[]): void {
  if (typeof value === 'string') out.push({ where, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${where}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (SKIPPED_KEYS.has(k)) continue;
      strings(v, where.endsWith('›') ? `${where} ${k}` : `${where}.${k}`, out);
    }
  }
}

/** The Markdown and MDX files below `dir`, sorted, set-aside (`_`, `.`) names left out. */
const listFiles = (dir: string): string[] => listAllFiles(dir, { skipHidden: true }).filter((f) => /\.mdx?$/i.test(f));

/** The body of an MD/MDX file without imports, components' tags and link targets. */
function bodyText(body: string): string {
  return body
    .replace(/^(?:import|export)\s.*$/gm, '')
    .replace(/<[^>]*>/g, '\n')
    .replace(/\]\([^)]*\)/g, ']');
}

/**
 * Every piece of exhibition text in a project, by file: entry frontmatter (without `figures`)
 * and bodies, the registries' descriptions, source notes (titles are titles), and the interface
 * strings.
 */
export function contentPassages(root: string): Map<string, Passage[]> {
  const byFile = new Map<string, Passage[]>();
  const rel = (full: string) => path.relative(root, full).split(path.sep).join('/');
  for (const collection of ['cases', 'halls', 'routes']) {
    const dir = path.join(root, 'content', collection);
    for (const full of listFiles(dir)) {
      const text = readFileSync(full, 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
      const file = rel(full);
      const out: Passage[] = [];
      if (match) strings(parse(match[1]!), `${file} ›`, out);
      out.push({ where: `${file} › 正文`, text: bodyText(match ? text.slice(match[0].length) : text) });
      byFile.set(file, out);
    }
  }
  for (const name of ['timeline.yaml', 'units.yaml', 'series.yaml', 'sources.yaml']) {
    const full = path.join(root, 'content', name);
    const data: unknown = parse(readFileSync(full, 'utf8'));
    const out: Passage[] = [];
    const items = Array.isArray(data) ? data : [data];
    items.forEach((item: unknown, i) => {
      const id = item && typeof item === 'object' && 'id' in item ? String(item.id) : String(i);
      // Article titles are quoted as printed.
      const { title, ...rest } = (item ?? {}) as Record<string, unknown>;
      strings(name === 'sources.yaml' ? rest : { title, ...rest }, `content/${name} › ${id} ›`, out);
    });
    byFile.set(`content/${name}`, out);
  }
  const ui = path.join(root, 'src', 'i18n', 'zh-CN.json');
  const out: Passage[] = [];
  strings(JSON.parse(readFileSync(ui, 'utf8')), 'src/i18n/zh-CN.json ›', out);
  byFile.set('src/i18n/zh-CN.json', out);
  return byFile;
}
