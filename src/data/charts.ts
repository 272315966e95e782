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
  type ResolvedSource,
} from './index.ts';

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
  };
}

/** For each hall, its first figure whose unit ends with `unit` (人次, 批次), largest first. */
export async function hallFigures(unit: string): Promise<ChartDatum[]> {
  const out: ChartDatum[] = [];
  for (const hall of await getHalls()) {
    const figure = (await resolveFigures(hall)).find((f) => f.unit.endsWith(unit));
    if (figure) out.push(datum(hall, figure, hall.data.name));
  }
  return out.sort((a, b) => b.value - a.value);
}

/** Counts of halls in the network (unit 个) as the halls' figures give them, each with its scope. */
export async function networkFigures(): Promise<ChartDatum[]> {
  const out: ChartDatum[] = [];
  for (const hall of await getHalls()) {
    for (const figure of await resolveFigures(hall)) {
      if (figure.unit === '个') out.push(datum(hall, figure, figure.label));
    }
  }
  return out;
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
