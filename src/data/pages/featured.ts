/**
 * The featured series (the one flagged `featured` in content/series.yaml) as the home page, the
 * kiosk start screen and the attract loop show it.
 */
import type { Figure } from '../../schemas/index.ts';
import { pad2 } from '../../utils/format.ts';
import {
  casesOfSeries,
  getFeaturedSeries,
  resolveFigures,
  resolveUnit,
  unitLabel,
  type ResolvedSource,
} from '../index.ts';

/** A case of the featured series, as the home page and the kiosk list it. */
export interface FeaturedCase {
  id: string;
  title: string;
  /** Place in the series, when the file gives one. */
  order?: number | undefined;
  /** Display name of the unit. */
  unit: string;
  /** The case's first figure, for the figures band. */
  figure?: (Figure & { resolvedSource: ResolvedSource }) | undefined;
}

/** The featured series and its cases, as plain data. */
export interface FeaturedInput {
  id: string;
  cases: FeaturedCase[];
}

/** The number of a case in its series: its `order`, or its place in the list. */
export const caseNumber = (c: { order?: number | undefined }, index: number) => pad2(c.order ?? index + 1);

/** The featured series with its cases, units and first figures resolved. */
export async function featuredInput(): Promise<FeaturedInput | undefined> {
  const series = await getFeaturedSeries();
  if (!series) return undefined;
  const cases = await Promise.all(
    (await casesOfSeries(series.id)).map(async (c) => ({
      id: c.id,
      title: c.data.title,
      order: c.data.order,
      unit: unitLabel(await resolveUnit(c.data.unit)),
      figure: (await resolveFigures(c))[0],
    })),
  );
  return { id: series.id, cases };
}
