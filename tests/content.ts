/** Reads the collection straight from content/, so tests can check the built site against it. */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { listFiles } from '../src/utils/files.ts';

export const contentRoot = resolve(import.meta.dirname, '..', 'content');

export interface EntryFile {
  collection: 'cases' | 'halls' | 'routes';
  slug: string;
  data: Record<string, unknown>;
  body: string;
}

/** Every case, hall and route file with its frontmatter. */
export function readEntries(): EntryFile[] {
  return (['cases', 'halls', 'routes'] as const).flatMap((collection) =>
    listFiles(join(contentRoot, collection))
      .filter((f) => /\.mdx?$/.test(f))
      .map((file) => {
        const text = readFileSync(file, 'utf8');
        const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text) ?? [];
        return {
          collection,
          slug: relative(join(contentRoot, collection), file).replace(/\.mdx?$/, ''),
          data: parse(yaml) as Record<string, unknown>,
          body,
        };
      }),
  );
}

/** A registry file (units, sources, series, timeline) as a list. */
export function readRegistry<T = Record<string, unknown>>(name: 'units' | 'sources' | 'series' | 'timeline'): T[] {
  return parse(readFileSync(join(contentRoot, `${name}.yaml`), 'utf8')) as T[];
}

/** Published cases (drafts are not on the built site). */
export function publishedCases(): EntryFile[] {
  return readEntries().filter((e) => e.collection === 'cases' && e.data['draft'] !== true);
}

/** Every name a unit goes by (name, short form, aliases), for the unit an entry names. */
export function unitNames(unit: string): string[] {
  const found = readRegistry<{ name: string; short?: string; aliases?: string[] }>('units').find((u) =>
    [u.name, u.short, ...(u.aliases ?? [])].includes(unit),
  );
  return found ? [found.name, ...(found.short ? [found.short] : []), ...(found.aliases ?? [])] : [unit];
}

/**
 * The title of the case at `slug` (e.g. `xinhuoshi/fangxiang-jiangxisuo`) as content/ has it
 * now, so a test that opens the case keeps passing when staff correct its title.
 */
export function caseTitle(slug: string): string {
  const entry = publishedCases().find((c) => c.slug === slug);
  if (!entry) throw new Error(`content/cases/${slug} is not a published case`);
  return String(entry.data['title']);
}
