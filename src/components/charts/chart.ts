import type { ChartDatum } from '../../data/charts.ts';
import { t } from '../../i18n/index.ts';
import { formatDate } from '../../utils/format.ts';

/**
 * Data shapes and arithmetic for the build-time SVG charts. Charts draw numbers exactly as the
 * sources print them; every point carries its own date, scope and source.
 */

export type { ChartDatum };

/** A round upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten, at least `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= max) ?? 10;
  return step * power;
}

/** Evenly spaced ticks from 0 to `max` inclusive. */
export function ticks(max: number, count = 5): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (max / count) * i);
}

/** Fraction of a year for a partial date: 2021-07-01 → 2021.5, 2024 → 2024.5 (mid-year when unknown). */
export function yearFraction(date: string | undefined): number {
  const [y, m, d] = (date ?? '').split('-').map(Number);
  if (!y) return Number.NaN;
  if (!m) return y + 0.5;
  return y + (m - 1 + (d ? (d - 1) / 31 : 0.5)) / 12;
}

/** Share of `value` in `max`, as a percentage rounded to one decimal. */
export const percent = (value: number, max: number) => Math.round((value / max) * 1000) / 10;

/** The distinct sources of a chart, in order of first use. */
export const sourcesOf = (data: ChartDatum[]) => [...new Set(data.map((d) => d.source))];

/** One datum in words, for the chart's text alternative: 坊巷讲习所：1.8万人次（截至 2024 年，开馆至今）. */
export function describe(d: ChartDatum): string {
  const extra = [d.asOf ? t('figure.asOf', { date: formatDate(d.asOf) }) : '', d.note ?? ''].filter(Boolean);
  return `${d.label}：${d.display}${extra.length > 0 ? `（${extra.join('，')}）` : ''}`;
}
