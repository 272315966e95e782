/**
 * Numbers of the collection prepared for the build-time charts (数字展厅, hall index, home page).
 * Built only from the query helpers in ./index.ts: every datum keeps the figure's own date,
 * scope and source; counts of this collection say so instead of naming a newspaper.
 */
import { t } from '../i18n/index.ts';
import type { Figure } from '../schemas/index.ts';
import { figureText } from '../utils/format.ts';
import { href } from '../utils/url.ts';
import {
  entryPath,
  getCases,
  getHalls,
  getSeries,
  resolveFigures,
  resolveUnit,
  sourceLabel,
  type ExhibitEntry,
  type HallEntry,
  type ResolvedSource,
} from './index.ts';

type ResolvedFigure = Figure & { resolvedSource: ResolvedSource };

/** One bar or one point of a chart. */
export interface ChartDatum {
  /** What is counted, e.g. 坊巷讲习所. */
  label: string;
  /** The number on a common scale (3.1 万人次 → 31000), used only for lengths and positions. */
  value: number;
  /** The number as the source prints it, e.g. 3.1万多人次. */
  display: string;
  /** Scope of the number, e.g. 开馆至今. */
  note?: string | undefined;
  /** Date the number refers to, YYYY[-MM[-DD]]; none for counts of this collection. */
  asOf?: string | undefined;
  /** Short source label, e.g. 福州日报 2024 年. */
  source: string;
  /** Page the datum belongs to. */
  href?: string | undefined;
  /** The source's own words around the number (原文), shown in the data table. */
  quote?: string | undefined;
}

/** The figure's value on a common scale: 3.1 with unit 万人次 → 31000. */
export function scaledValue(figure: Pick<Figure, 'value' | 'unit'>): number {
  if (figure.unit.startsWith('亿')) return figure.value * 1e8;
  if (figure.unit.startsWith('万')) return figure.value * 1e4;
  return figure.value;
}

function datum(entry: ExhibitEntry, figure: Figure & { resolvedSource: ResolvedSource }, label: string): ChartDatum {
  return {
    label,
    value: scaledValue(figure),
    display: figureText(figure),
    note: figure.note,
    asOf: figure.asOf,
    source: sourceLabel(figure.resolvedSource),
    href: href(entryPath(entry)),
    quote: figure.quote,
  };
}

/**
 * For each hall, its first figure of its own (not a `context` figure) whose unit ends with
 * `unit` (人次, 批次), largest first: single sites only, so that the bars compare like with like.
 */
export async function hallFigures(unit: string): Promise<ChartDatum[]> {
  const out: ChartDatum[] = [];
  for (const hall of await getHalls()) {
    const figure = (await resolveFigures(hall)).find((f) => !f.context && f.unit.endsWith(unit));
    if (figure) out.push(datum(hall, figure, hall.data.name));
  }
  return out.sort((a, b) => b.value - a.value);
}

/** A hall's figures about a wider whole (`context: true`): the network of halls and bases. */
async function networkOf(): Promise<{ hall: HallEntry; figure: ResolvedFigure }[]> {
  const out: { hall: HallEntry; figure: ResolvedFigure }[] = [];
  for (const hall of await getHalls()) {
    for (const figure of await resolveFigures(hall)) if (figure.context) out.push({ hall, figure });
  }
  return out;
}

/** Counts of halls in the network (unit 个) as the halls' background figures give them, each with its scope. */
export async function networkFigures(): Promise<ChartDatum[]> {
  return (await networkOf())
    .filter(({ figure }) => figure.unit === '个')
    .map(({ hall, figure }) => datum(hall, figure, figure.label));
}

/**
 * What the whole network of halls and bases has received (visits, groups): totals over many
 * sites, shown on their own and never as bars beside single sites.
 */
export async function networkVisits(): Promise<ResolvedFigure[]> {
  return (await networkOf()).filter(({ figure }) => figure.unit !== '个').map(({ figure }) => figure);
}

const collectionDatum = (label: string, n: number, path?: string): ChartDatum => ({
  label,
  value: n,
  display: t('design.figures.caseUnit', { n }),
  source: t('design.figures.collection'),
  href: path ? href(path) : undefined,
});

/** Published cases per series, in series order. */
export async function casesPerSeries(): Promise<ChartDatum[]> {
  const cases = await getCases();
  return (await getSeries())
    .map((s) => collectionDatum(s.data.name, cases.filter((c) => c.data.series === s.id).length, `/cases/#${s.id}`))
    .filter((d) => d.value > 0);
}

/** Published cases by the administrative level of their unit, most first. */
export async function casesPerLevel(): Promise<ChartDatum[]> {
  const counts = new Map<string, number>();
  for (const c of await getCases()) {
    const level = (await resolveUnit(c.data.unit)).data.level;
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([level, n]) => collectionDatum(level, n));
}
