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
import { getCases, getHalls, getRoutes, getSeries, getSources, getUnits, tagSlugs, type CaseEntry } from './index.ts';

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
const digestOf = (entry: { id: string; digest?: string; data: unknown; body?: string }) =>
  entry.digest ?? cacheKey({ id: entry.id, data: entry.data, body: entry.body });

/**
 * What every exhibit page may show from the registries and the small collections: units (names
 * on cards and meta lists), series (titles), sources (source lists, quotes, figures), halls and
 * routes (names in meta lists and cards), the slug of every tag (tag links) and the milestones.
 * Computed once per build; any change re-renders every keyed page, which is right for registry
 * edits (rare, and shown everywhere).
 */
let shared: Promise<string> | undefined;
function sharedKey(): Promise<string> {
  shared ??= (async () => {
    const tags = [...(await tagSlugs()).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return cacheKey({
      units: (await getUnits()).map(digestOf),
      series: (await getSeries()).map(digestOf),
      sources: (await getSources()).map(digestOf),
      halls: (await getHalls()).map(digestOf),
      routes: (await getRoutes()).map(digestOf),
      timeline: (await getCollection('timeline')).map(digestOf),
      tags,
    });
  })();
  return shared;
}

/** Published cases by tag, and by id, computed once per build. */
let casesIndex: Promise<{ byTag: Map<string, CaseEntry[]>; byId: Map<string, CaseEntry> }> | undefined;
function indexCases() {
  casesIndex ??= (async () => {
    const byTag = new Map<string, CaseEntry[]>();
    const byId = new Map<string, CaseEntry>();
    for (const c of await getCases()) {
      byId.set(c.id, c);
      for (const tag of c.data.tags) {
        const list = byTag.get(tag);
        if (list) list.push(c);
        else byTag.set(tag, [c]);
      }
    }
    return { byTag, byId };
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
 * The key of a case page: its file, the registries (`sharedKey`), and every case it can show as
 * a related card or name in its body — all cases sharing a tag with it (their order and content
 * decide which four are shown) and those its frontmatter or body names.
 */
export async function caseKey(entry: CaseEntry): Promise<string> {
  const { byTag, byId } = await indexCases();
  const others = new Set<CaseEntry>();
  for (const tag of entry.data.tags) for (const c of byTag.get(tag) ?? []) if (c !== entry) others.add(c);
  const named = [...entry.data.related, ...bodyCaseIds(entry.body)].map((id) => {
    const c = byId.get(id);
    return c ? digestOf(c) : `unpublished:${id}`;
  });
  return cacheKey({
    entry: digestOf(entry),
    shared: await sharedKey(),
    // Order matters (the first four are shown): keep the build's order.
    sharing: [...others].map((c) => [c.id, digestOf(c)]),
    named,
  });
}
