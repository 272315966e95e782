/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page returned by
 * `getStaticPaths` with a `cacheKey` is copied from the previous build when its key and its code
 * are unchanged. The key must therefore change whenever anything the page shows changes.
 *
 * `cacheKey(input)` hashes a JSON-serialisable object; the `*Key` helpers below build, for each
 * kind of page, an input that covers everything the page renders — the entry's own file (its
 * `digest`: the whole file, frontmatter and body) plus the other data it shows. Where the exact
 * set is costly to know, the input is a superset (a few more pages re-render, never fewer).
 */
import { createHash } from 'node:crypto';
import { getCollection } from 'astro:content';
import {
  entriesOfUnit,
  getCases,
  getHalls,
  getRoutes,
  getSeries,
  getSources,
  getUnits,
  tagSlugs,
  type CaseEntry,
  type ExhibitEntry,
  type UnitEntry,
} from './index.ts';
import { relatedCases } from './pages/case.ts';

/** Sorts object keys so that equal data always serialises, and so hashes, the same way. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value instanceof Map) return stable([...value.entries()]);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, stable((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The cache key of a JSON-serialisable input: a short SHA-256 of its stable serialisation. */
export function cacheKey(input: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(stable(input)) ?? 'undefined')
    .digest('base64url')
    .slice(0, 32);
}

/** What identifies one content entry: its whole file when the loader gives a digest, else its data and body. */
const digestOf = (entry: {
  id: string;
  digest?: string | number | undefined;
  data: unknown;
  body?: string | undefined;
}): string => String(entry.digest ?? cacheKey({ id: entry.id, data: entry.data, body: entry.body }));

/**
 * What every exhibit page may show from the registries and the small collections: units (names
 * on cards and meta lists), series (titles), sources (source lists, quotes, figures), halls and
 * routes (names in meta lists and cards) and the milestones. (Tag links are in the key of the
 * pages that show them: `tagLinks`.)
 * Computed once per build; any change re-renders every keyed page, which is right for registry
 * edits (rare, and shown everywhere).
 */
let shared: Promise<string> | undefined;
function sharedKey(): Promise<string> {
  shared ??= (async () => {
    return cacheKey({
      units: (await getUnits()).map(digestOf),
      series: (await getSeries()).map(digestOf),
      sources: (await getSources()).map(digestOf),
      halls: (await getHalls()).map(digestOf),
      routes: (await getRoutes()).map(digestOf),
      timeline: (await getCollection('timeline')).map(digestOf),
    });
  })();
  return shared;
}

/** Published cases in the build's order, and by id, computed once per build. */
let casesIndex: Promise<{ all: CaseEntry[]; byId: Map<string, CaseEntry> }> | undefined;
function indexCases() {
  casesIndex ??= (async () => {
    const all = await getCases();
    return { all, byId: new Map(all.map((c) => [c.id, c])) };
  })();
  return casesIndex;
}

/** Case ids a body names (`<RelatedCase slug="…">` and links to case pages). */
function bodyCaseIds(body: string | undefined): string[] {
  if (!body) return [];
  const ids = new Set<string>();
  for (const m of body.matchAll(/slug\s*=\s*["']([^"']+)["']/g))
    ids.add(m[1]!.replace(/^\.?\/?(content\/)?(cases\/)?/, '').replace(/\.mdx?$/, ''));
  for (const m of body.matchAll(/\/cases\/([a-z0-9/-]+?)\/?[)#"'\s]/g)) ids.add(m[1]!);
  return [...ids].sort();
}

/**
 * The key of a case page: its file, the registries (`sharedKey`), the related cases it shows and
 * the cases its frontmatter or body names (published or not: publishing one changes the page).
 */
export async function caseKey(entry: CaseEntry): Promise<string> {
  return cacheKey({
    entry: digestOf(entry),
    shared: await sharedKey(),
    tags: await tagLinks(entry.data.tags),
    related: relatedCases(entry, (await indexCases()).all).map((c) => [c.id, digestOf(c)]),
    named: await namedCases(entry),
  });
}

/** The tag pages a list of tags links to (a tag's slug can change when other tags come and go). */
async function tagLinks(tags: string[]): Promise<(string | undefined)[][]> {
  const slugs = await tagSlugs();
  return tags.map((tag) => [tag, slugs.get(tag)]);
}

/** The named cases of a case (frontmatter `related` and body), with their digests. */
async function namedCases(entry: CaseEntry): Promise<string[][]> {
  const { byId } = await indexCases();
  return [...entry.data.related, ...bodyCaseIds(entry.body)].map((id) => {
    const c = byId.get(id);
    return [id, c ? digestOf(c) : 'unpublished'];
  });
}

/** The key of a page that lists entries as cards (a tag, a unit): the registries and each entry, in order. */
export async function listKey(entries: ExhibitEntry[], own?: unknown): Promise<string> {
  return cacheKey({
    shared: await sharedKey(),
    own,
    entries: entries.map((e) => [e.collection, e.id, digestOf(e)]),
  });
}

/** The key of a series booklet: every case of the series in full, and the cases their bodies name. */
export async function seriesKey(seriesId: string): Promise<string> {
  const { all } = await indexCases();
  const cases = all.filter((c) => c.data.series === seriesId);
  return cacheKey({
    shared: await sharedKey(),
    cases: await Promise.all(
      cases.map(async (c) => [c.id, digestOf(c), await namedCases(c), await tagLinks(c.data.tags)]),
    ),
  });
}

/** The key of a unit page: the unit and the entries it lists. */
export async function unitKey(unit: UnitEntry): Promise<string> {
  const { cases, halls, routes } = await entriesOfUnit(unit);
  return listKey([...cases, ...halls, ...routes], digestOf(unit));
}
