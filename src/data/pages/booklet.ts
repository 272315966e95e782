/**
 * 案例汇编 (/print/<series>/) as a view model: every published case of one series in series
 * order, numbered, with its unit, figures and sources resolved, and the list of every article
 * the booklet cites, oldest first. `bookletInput(series)` gathers the plain data,
 * `bookletView(input, site)` shapes it.
 */
import type { Figure } from '../../schemas/index.ts';
import { figureText, formatDate, pad2 } from '../../utils/format.ts';
import { absoluteUrl } from '../../utils/url.ts';
import {
  casesOfSeries,
  entryPath,
  getCases,
  getSeries,
  resolveFigures,
  resolveSource,
  resolveUnit,
  sourceCitation,
  sourceLabel,
  unitLabel,
  type CaseEntry,
  type ResolvedSource,
  type SeriesEntry,
} from '../index.ts';

/** Everything one booklet depends on, as plain data. */
export interface BookletInput {
  series: { id: string; name: string; year?: number | undefined; description?: string | undefined };
  cases: {
    entry: CaseEntry;
    unit: string;
    figures: (Figure & { resolvedSource: ResolvedSource })[];
    sources: ResolvedSource[];
  }[];
}

/** One case of the booklet. */
export interface BookletCase {
  /** The case entry, for rendering its body. */
  entry: CaseEntry;
  /** 01, 02 …: the case's `order`, or its place in the series. */
  no: string;
  /** Anchor of its sheet: case-1, case-2 … */
  anchor: string;
  title: string;
  unit: string;
  year: number;
  summary: string;
  honours: string[];
  figures: { value: string; label: string; note?: string | undefined; asOf: string; source: string }[];
  /** Full citations, as printed under the case. */
  sources: string[];
  /** The case's page on the site, printed so a reader can find it. */
  url: string;
}

export interface BookletView {
  series: BookletInput['series'];
  /** Address of the booklet itself. */
  url: string;
  cases: BookletCase[];
  /** Every article cited by the cases, once each, oldest first. */
  sources: string[];
}

/** The series that have at least one published case: one booklet each. */
export async function bookletSeries(): Promise<SeriesEntry[]> {
  const cases = await getCases();
  return (await getSeries()).filter((s) => cases.some((c) => c.data.series === s.id));
}

export async function bookletInput(series: SeriesEntry): Promise<BookletInput> {
  return {
    series: {
      id: series.id,
      name: series.data.name,
      year: series.data.year,
      description: series.data.description,
    },
    cases: await Promise.all(
      (await casesOfSeries(series.id)).map(async (entry) => ({
        entry,
        unit: unitLabel(await resolveUnit(entry.data.unit)),
        figures: await resolveFigures(entry),
        sources: await Promise.all(entry.data.sources.map((s) => resolveSource(s))),
      })),
    ),
  };
}

export function bookletView(input: BookletInput, site: URL | undefined): BookletView {
  const cited = new Map<string, ResolvedSource>();
  for (const c of input.cases) for (const s of c.sources) cited.set(`${s.publisher}|${s.date}|${s.title ?? ''}`, s);
  return {
    series: input.series,
    url: absoluteUrl(`/print/${input.series.id}/`, site),
    cases: input.cases.map(({ entry, unit, figures, sources }, i) => ({
      entry,
      no: pad2(entry.data.order ?? i + 1),
      anchor: `case-${i + 1}`,
      title: entry.data.title,
      unit,
      year: entry.data.year,
      summary: entry.data.summary,
      honours: entry.data.honours,
      figures: figures.map((f) => ({
        value: figureText(f),
        label: f.label,
        note: f.note,
        asOf: formatDate(f.asOf),
        source: sourceLabel(f.resolvedSource),
      })),
      sources: sources.map(sourceCitation),
      url: absoluteUrl(entryPath(entry), site),
    })),
    sources: [...cited.values()].sort((a, b) => a.date.localeCompare(b.date)).map(sourceCitation),
  };
}
