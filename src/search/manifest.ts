/**
 * The search manifest (`pagefind/zg-search.json`), written at build time: every searchable record
 * with the id of its fragment (its text and metadata) and its facet values, and the number
 * of pair-index shards. Postings of the pair index are positions in `records`; the manifest lets
 * the browser load a record's text and count and filter facets without loading any page's text.
 */

/** Facets, in the order the search page shows them; also the `data-pagefind-filter` names. */
export const FACETS = ['type', 'unit', 'region', 'year', 'series', 'tag'] as const;
export type FacetKey = (typeof FACETS)[number];

/** Values of the `type` facet, in display order. */
export const TYPE_ORDER = ['案例', '展馆', '航线', '大事记'];

/**
 * One record: its fragment id (without `prefix`), then for each facet in `FACETS` order the
 * indexes of its values in `facets[key]`.
 */
export type SearchRecordRow = [page: string, ...facets: number[][]];

export interface SearchManifest {
  version: 2;
  /** Number of shards of each kind of the pair index (src/search/shards.ts). */
  shards: { c: number; p: number };
  /** Common prefix of the fragment ids (Pagefind's language prefix, kept). */
  prefix: string;
  /** The values of each facet. */
  facets: Record<FacetKey, string[]>;
  /** Records in browsing order (type, newest first, title). */
  records: SearchRecordRow[];
}
