/**
 * How a new content file is named and what it starts as: shared by `npm run new` (terminal)
 * and the 编辑台 (browser), so both write the same files.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';
import { parse, stringify } from 'yaml';
import { listFiles } from '../../src/utils/files.ts';
import { titleSlug } from '../../src/utils/slug.ts';

const templates = fileURLToPath(new URL('../templates/', import.meta.url));

/** What a staff member can create. */
export type EntryKind = 'case' | 'hall' | 'timeline';

/** A registry (units.yaml, sources.yaml, …) as a list of records; empty when missing. */
export function readList(root: string, file: string): Record<string, unknown>[] {
  const full = join(root, 'content', file);
  if (!existsSync(full)) return [];
  const data = parse(readFileSync(full, 'utf8')) as unknown;
  return Array.isArray(data) ? (data as Record<string, unknown>[]) : [];
}

/** A YAML scalar as it should be written after `key: ` (quoted only when needed). */
export const scalar = (value: string | number) => stringify(value).trimEnd();

/** `base`, or `base-2`, `base-3` … whichever is not taken. */
export function freeName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** The template of a kind, with `{{key}}` filled in. */
export function fillTemplate(kind: EntryKind, values: Record<string, string>): string {
  const name = kind === 'timeline' ? 'milestone.yaml.tmpl' : `${kind}.md`;
  return readFileSync(join(templates, name), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}

/** Frontmatter keys of a template in the order it lists them, commented-out ones included. */
export function templateKeyOrder(kind: Exclude<EntryKind, 'timeline'>): string[] {
  const text = readFileSync(join(templates, `${kind}.md`), 'utf8');
  const keys = [...text.matchAll(/^(?:# ?)?([a-zA-Z]+):(?:\s|$)/gm)].map((m) => m[1] ?? '');
  return [...new Set(keys)];
}

/** A file name must be lower-case ASCII words joined by hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The file name proposed for a title (its pinyin), or a stand-in when the title has none. */
export const proposedSlug = (title: string) => titleSlug(title) || 'xin-tiao-mu';

/** Folders below content/cases/. */
export function caseFolders(root: string): string[] {
  const casesDir = join(root, 'content', 'cases');
  return existsSync(casesDir) ? readdirSync(casesDir).filter((n) => statSync(join(casesDir, n)).isDirectory()) : [];
}

/** The folders below content/cases/ that hold cases of a series. */
export function foldersOfSeries(root: string, series: string | undefined): string[] {
  if (!series) return [];
  const casesDir = join(root, 'content', 'cases');
  return caseFolders(root).filter((f) =>
    listFiles(join(casesDir, f)).some(
      (p) => /\.mdx?$/.test(p) && readFileSync(p, 'utf8').includes(`series: ${series}`),
    ),
  );
}

/** Where a new entry goes: a free file name (never an existing one) and its page address. */
export function newEntryPath(
  root: string,
  collection: 'cases' | 'halls',
  folder: string | undefined,
  base: string,
): { slug: string; dir: string; full: string; url: string } {
  const dir = join(root, 'content', collection, ...(folder ? [folder] : []));
  const slug = freeName(base, (n) => existsSync(join(dir, `${n}.md`)) || existsSync(join(dir, `${n}.mdx`)));
  return {
    slug,
    dir,
    full: join(dir, `${slug}.md`),
    url: `/${collection}/${folder ? `${folder}/` : ''}${slug}/`,
  };
}

/** The text of a new case or hall file, exactly as `npm run new` writes it. */
export function entryTemplate(
  kind: 'case' | 'hall',
  fields: {
    title: string;
    unit: string;
    source: string;
    slug: string;
    url: string;
    year?: number;
    series?: string | undefined;
    seriesExample?: string | undefined;
    hallKind?: string;
  },
): string {
  const values: Record<string, string> = {
    unit: scalar(fields.unit),
    title: scalar(fields.title),
    source: fields.source,
    file: `${fields.slug}.md`,
    url: fields.url,
  };
  if (kind === 'case') {
    values['year'] = String(fields.year ?? '');
    values['series'] = fields.series
      ? `# 系列（可选）：content/series.yaml 中的编号\nseries: ${fields.series}`
      : `# 系列（可选）：content/series.yaml 中的编号，例如 series: ${fields.seriesExample ?? 'xinhuoshi-2024'}`;
  } else {
    values['kind'] = fields.hallKind ?? '展馆';
    values['name'] = scalar(fields.title);
  }
  return fillTemplate(kind, values);
}

/** The id a new milestone gets: its date and the pinyin of its title, unique in the file. */
export function milestoneId(date: string, title: string, taken: readonly string[]): string {
  return freeName([date, titleSlug(title, 30)].filter(Boolean).join('-'), (n) => taken.includes(n));
}

/** The commented block `npm run new -- timeline` appends to content/timeline.yaml. */
export function milestoneBlock(fields: {
  id: string;
  date: string;
  title: string;
  text?: string | undefined;
  themes: string[];
  source: string;
}): string {
  return fillTemplate('timeline', {
    id: fields.id,
    date: `'${fields.date}'`,
    title: scalar(fields.title),
    text: fields.text ? `  text: ${scalar(fields.text)}` : '  # text: 一两句话说明（可选）',
    themes: fields.themes.join(', '),
    source: fields.source,
  });
}

/** content/timeline.yaml with a block appended, as `npm run new -- timeline` appends it. */
export function appendMilestone(current: string, empty: boolean, block: string): string {
  // An empty list written as `[]` cannot take a block item after it.
  const kept = empty ? current.replace(/^\s*\[\s*\]\s*$/m, '') : current;
  return `${kept}${kept === '' || kept.endsWith('\n') ? '' : '\n'}${block}`;
}

/** A new article for content/sources.yaml. */
export interface NewSource {
  publisher: string;
  date: string;
  headline?: string | undefined;
  url?: string | undefined;
}

/** The id a new source gets: publisher initials, year and headline words, unique in the registry. */
export function sourceId(source: NewSource, taken: readonly string[]): string {
  const initials = pinyin(source.publisher.replace(/（.*?）|\(.*?\)/g, ''), {
    pattern: 'first',
    toneType: 'none',
    type: 'array',
    nonZh: 'removed',
  }).join('');
  const word = titleSlug(source.headline ?? '', 12).replace(/-/g, '');
  const base = [initials || 'source', source.date.slice(0, 4), word].filter(Boolean).join('-');
  return freeName(base, (n) => taken.includes(n));
}

/** The lines appended to content/sources.yaml for a new source. */
export function sourceBlock(id: string, source: NewSource): string {
  const lines = [`- id: ${id}`, `  publisher: ${scalar(source.publisher)}`, `  date: '${source.date}'`];
  if (source.headline) lines.push(`  title: ${scalar(source.headline)}`);
  if (source.url) lines.push(`  url: ${scalar(source.url)}`);
  return `${lines.join('\n')}\n`;
}

/** Registers a new article at the end of content/sources.yaml and returns its id. */
export function registerSource(root: string, source: NewSource): string {
  const id = sourceId(
    source,
    readList(root, 'sources.yaml').map((s) => String(s['id'])),
  );
  const file = join(root, 'content', 'sources.yaml');
  appendFileSync(file, `${readFileSync(file, 'utf8').endsWith('\n') ? '' : '\n'}${sourceBlock(id, source)}`);
  return id;
}
