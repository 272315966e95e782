/**
 * The one module pages use to query content: drafts filtered out of production, entries sorted,
 * unit names and source ids resolved. Pages never call getCollection themselves.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import seriesFile from '../../content/series.yaml?raw';
import { hallKinds, type Figure, type InlineSource, type SourceRef } from '../schemas/index.ts';
import { t } from '../i18n/index.ts';
import { formatDate } from '../utils/format.ts';
import { tagSlug } from '../utils/slug.ts';

export { tagSlug };

export type CaseEntry = CollectionEntry<'cases'>;
export type HallEntry = CollectionEntry<'halls'>;
export type RouteEntry = CollectionEntry<'routes'>;
export type UnitEntry = CollectionEntry<'units'>;
export type SourceEntry = CollectionEntry<'sources'>;
export type SeriesEntry = CollectionEntry<'series'>;
export type MilestoneEntry = CollectionEntry<'timeline'>;
export type ExhibitEntry = CaseEntry | HallEntry | RouteEntry;

/** Chinese order for names and titles; one collator for the whole build (localeCompare with a
 * locale builds one per call, which dominated pages that sort every case). */
const zh = new Intl.Collator('zh-CN');

/**
 * A value computed once per production build and shared by every page (a case page lists its
 * neighbours, every page its tags: recomputing them per page made the build quadratic in the
 * number of cases). In `astro dev` content changes while the server runs, so nothing is kept.
 */
function kept<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    if (!import.meta.env.PROD) return load();
    value ??= load();
    return value;
  };
}

/** A query as `kept`, each caller getting its own copy of the array, so sorting or filtering it cannot affect other pages. */
function once<T>(load: () => Promise<T[]>): () => Promise<T[]> {
  const get = kept(load);
  return async () => [...(await get())];
}

/** Drafts appear in `astro dev` only. */
const published = ({ data }: { data: { draft: boolean } }) => !import.meta.env.PROD || !data.draft;

const byOrder = (a: { order?: number | undefined }, b: { order?: number | undefined }) =>
  (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER);

/** All published cases: series order first, then newest year, then title. */
export const getCases = once(async (): Promise<CaseEntry[]> => {
  const series = (await getSeries()).map((s) => s.id);
  const cases = (await getCollection('cases')).filter(published);
  const seriesIndex = (s: string | undefined) => (s === undefined ? series.length : series.indexOf(s));
  return cases.sort(
    (a, b) =>
      seriesIndex(a.data.series) - seriesIndex(b.data.series) ||
      byOrder(a.data, b.data) ||
      b.data.year - a.data.year ||
      zh.compare(a.data.title, b.data.title),
  );
});

/** The id of every case file, drafts included: for checking references to cases. */
export async function allCaseIds(): Promise<string[]> {
  return (await getCollection('cases')).map((c) => c.id);
}

/** All published halls, by kind, then order. */
export const getHalls = once(async (): Promise<HallEntry[]> => {
  return (await getCollection('halls'))
    .filter(published)
    .sort(
      (a, b) =>
        hallKinds.indexOf(a.data.kind) - hallKinds.indexOf(b.data.kind) ||
        byOrder(a.data, b.data) ||
        zh.compare(a.data.name, b.data.name),
    );
});

/** All published routes. */
export const getRoutes = once(async (): Promise<RouteEntry[]> =>
  (await getCollection('routes')).filter(published).sort((a, b) => zh.compare(a.data.name, b.data.name)),
);

/** The series registry, in file order (the collection itself does not keep it). */
export async function getSeries(): Promise<SeriesEntry[]> {
  const order = [...seriesFile.matchAll(/^- id: *['"]?([a-z0-9-]+)/gm)].map((m) => m[1]);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return (await getCollection('series')).sort((a, b) => rank(a.id) - rank(b.id));
}

/** The series shown first (home page, kiosk start screen, footer): the one flagged `featured`. */
export async function getFeaturedSeries(): Promise<SeriesEntry | undefined> {
  return (await getSeries()).find((s) => s.data.featured);
}

/** Published cases of one series, in series order. */
export async function casesOfSeries(seriesId: string): Promise<CaseEntry[]> {
  return (await getCases()).filter((c) => c.data.series === seriesId);
}

/** Units in registry order. */
export async function getUnits(): Promise<UnitEntry[]> {
  return getCollection('units');
}

/** Milestones from the oldest to the newest; equal dates keep file order. */
export async function getTimeline(): Promise<MilestoneEntry[]> {
  const all = await getCollection('timeline');
  return all
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.data.date.localeCompare(b.m.data.date) || a.i - b.i)
    .map(({ m }) => m);
}

/** The milestone quoted at the entrance of the home page: the one flagged `preface`. */
export async function getPrefaceMilestone(): Promise<MilestoneEntry | undefined> {
  return (await getTimeline()).find((m) => m.data.preface);
}

/** Sources in registry order. */
export async function getSources(): Promise<SourceEntry[]> {
  return getCollection('sources');
}

/** The unit an entry names by full name, short name or alias. The content check guarantees it exists. */
export async function resolveUnit(name: string): Promise<UnitEntry> {
  const unit = (await getUnits()).find(
    (u) => u.data.name === name || u.data.short === name || u.data.aliases.includes(name),
  );
  if (!unit) throw new Error(`单位 "${name}" 不在 content/units.yaml 中`);
  return unit;
}

/** Display name of a unit: its short name where it has one. */
export const unitLabel = (unit: UnitEntry) => unit.data.short ?? unit.data.name;

/** A source, resolved from the registry when cited by id. */
export interface ResolvedSource extends InlineSource {
  id?: string;
}

export async function resolveSource(ref: SourceRef): Promise<ResolvedSource> {
  if (typeof ref !== 'string') return ref;
  const found = (await getSources()).find((s) => s.id === ref);
  if (!found) throw new Error(`来源编号 "${ref}" 不在 content/sources.yaml 中`);
  return { ...found.data };
}

/** Short label of a source: publisher and date, e.g. 福州日报 2024年6月28日. */
export const sourceLabel = (s: ResolvedSource) =>
  `${s.publisher} ${formatDate(s.date)}${s.dateInferred ? `（${t('sources.inferred')}）` : ''}`;

/** Full citation of a source: publisher, date, 《headline》 and reporter, where known. */
export const sourceCitation = (s: ResolvedSource) =>
  [
    s.publisher,
    `${formatDate(s.date)}${s.dateInferred ? `（${t('sources.inferred')}）` : ''}`,
    s.title ? `《${s.title}》` : '',
    s.author ?? '',
  ]
    .filter(Boolean)
    .join(' ');

/** A figure with its source resolved (the entry's first source when the figure names none). */
export async function resolveFigures(entry: ExhibitEntry): Promise<(Figure & { resolvedSource: ResolvedSource })[]> {
  const first = entry.data.sources[0];
  return Promise.all(
    entry.data.figures.map(async (figure) => ({
      ...figure,
      resolvedSource: await resolveSource(figure.source ?? (first as SourceRef)),
    })),
  );
}

/**
 * The entry's key number: its first figure of its own, never a background (`context`) figure
 * about a wider whole; none when it has no such figure, and then no number is shown for it.
 */
export async function keyFigure(
  entry: ExhibitEntry,
): Promise<(Figure & { resolvedSource: ResolvedSource }) | undefined> {
  return (await resolveFigures(entry)).find((f) => !f.context);
}

/** Kind of an exhibit entry. */
export type EntryType = 'case' | 'hall' | 'route';

export const entryType = (entry: ExhibitEntry): EntryType =>
  entry.collection === 'cases' ? 'case' : entry.collection === 'halls' ? 'hall' : 'route';

/** Site path of an exhibit entry. */
export const entryPath = (entry: ExhibitEntry) => `/${entry.collection}/${entry.id}/`;

/** Places on an itinerary: stretches of water (a loop, a river) are not places. */
export const routePlaces = <T extends { kind: '地点' | '水路' }>(stops: readonly T[]): T[] =>
  stops.filter((s) => s.kind === '地点');

/** Places and stretches of water as shown: "5 处地点、2 段水路" (no stretch, no second part). */
export function itineraryText(places: number, legs: number): string {
  const parts = [t('route.stopCount', { n: places })];
  if (legs > 0) parts.push(t('route.legCount', { n: legs }));
  return parts.join('、');
}

/** What an itinerary lists, as shown: "5 处地点、2 段水路". */
export function itineraryCount(stops: readonly { kind: '地点' | '水路' }[]): string {
  const places = routePlaces(stops).length;
  return itineraryText(places, stops.length - places);
}

/** Title of an exhibit entry. */
export const entryTitle = (entry: ExhibitEntry) => ('title' in entry.data ? entry.data.title : entry.data.name);

/** Every tag with the published entries that carry it, most used first. */
const tagIndex = once(async (): Promise<{ tag: string; slug: string; entries: ExhibitEntry[] }[]> => {
  const all: ExhibitEntry[] = [...(await getCases()), ...(await getHalls()), ...(await getRoutes())];
  const map = new Map<string, ExhibitEntry[]>();
  for (const entry of all) {
    for (const tag of entry.data.tags) {
      const list = map.get(tag);
      if (list) list.push(entry);
      else map.set(tag, [entry]);
    }
  }
  const used = new Set<string>();
  return [...map.entries()]
    .sort((a, b) => b[1].length - a[1].length || zh.compare(a[0], b[0]))
    .map(([tag, entries]) => {
      let slug = tagSlug(tag) || 'tag';
      for (let n = 2; used.has(slug); n++) slug = `${tagSlug(tag)}-${n}`;
      used.add(slug);
      return { tag, slug, entries };
    });
});

export async function getTags(): Promise<{ tag: string; slug: string; entries: ExhibitEntry[] }[]> {
  return (await tagIndex()).map((t) => ({ ...t, entries: [...t.entries] }));
}

/** The page slug of every tag, for the tag links on each entry page (read-only: shared by every page). */
export const tagSlugs = kept(
  async (): Promise<ReadonlyMap<string, string>> => new Map((await tagIndex()).map((t) => [t.tag, t.slug])),
);

/** Published entries of one unit. */
export async function entriesOfUnit(
  unit: UnitEntry,
): Promise<{ cases: CaseEntry[]; halls: HallEntry[]; routes: RouteEntry[] }> {
  const names = new Set([unit.data.name, unit.data.short, ...unit.data.aliases].filter(Boolean));
  return {
    cases: (await getCases()).filter((c) => names.has(c.data.unit)),
    halls: (await getHalls()).filter((h) => names.has(h.data.unit)),
    routes: (await getRoutes()).filter((r) => r.data.unit !== undefined && names.has(r.data.unit)),
  };
}

/** Every published page that cites a source id, by type. */
export async function citationsOf(
  sourceId: string,
): Promise<{ title: string; path: string; type: EntryType | 'milestone' }[]> {
  const cites = (refs: (SourceRef | undefined)[]) => refs.some((r) => r === sourceId);
  const entries: ExhibitEntry[] = [...(await getCases()), ...(await getHalls()), ...(await getRoutes())];
  const out: { title: string; path: string; type: EntryType | 'milestone' }[] = entries
    .filter((e) => cites([...e.data.sources, ...e.data.figures.map((f) => f.source)]))
    .map((e) => ({ title: entryTitle(e), path: entryPath(e), type: entryType(e) }));
  for (const m of await getTimeline()) {
    if (m.data.source === sourceId) out.push({ title: m.data.title, path: `/timeline/#${m.id}`, type: 'milestone' });
  }
  return out;
}
