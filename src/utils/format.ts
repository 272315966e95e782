import { t } from '../i18n/index.ts';
import type { Figure } from '../schemas/index.ts';

/** `2024-03-15` → 2024 年 3 月 15 日, at the precision given. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  if (d && m) return t('date.day', { y: y ?? '', m: Number(m), d: Number(d) });
  if (m) return t('date.month', { y: y ?? '', m: Number(m) });
  return t('date.year', { y: y ?? '' });
}

const before = new Set(['近', '约', '超', '逾']);

/** Parts of a figure in reading order: 3.1 万 多 人次, 近 50 个, 410 余 场次. */
export interface FigureParts {
  prefix: string;
  number: string;
  /** 万 or 亿 when the unit starts with one: the sources print 余/多 after it (3.1万多人次). */
  magnitude: string;
  suffix: string;
  unit: string;
}

/** Made once: `toLocaleString` builds a formatter on every call, a tenth of a second per 1,000 cases. */
const numbers = {
  grouped: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6, useGrouping: true }),
  plain: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6, useGrouping: false }),
};

export function figureParts(figure: Pick<Figure, 'value' | 'approx' | 'unit'>): FigureParts {
  const number = (figure.value >= 10000 ? numbers.grouped : numbers.plain).format(figure.value);
  const magnitude = /^[万亿]/.test(figure.unit) ? figure.unit.slice(0, 1) : '';
  const unit = figure.unit.slice(magnitude.length);
  const approx = figure.approx ?? '';
  return before.has(approx)
    ? { prefix: approx, number, magnitude, suffix: '', unit }
    : { prefix: '', number, magnitude, suffix: approx, unit };
}

/** Plain text of a figure as the sources print it, e.g. 410余场次, 3.1万多人次. */
export function figureText(figure: Pick<Figure, 'value' | 'approx' | 'unit'>): string {
  const p = figureParts(figure);
  return `${p.prefix}${p.number}${p.magnitude}${p.suffix}${p.unit}`;
}

/**
 * A date with the words that refine it, at the precision given: `2022` + 年初 → 2022 年初,
 * `1994-01` → 1994 年 1 月, `2020-09` + 下旬 → 2020 年 9 月下旬.
 */
export function formatDateNote(date: string, note?: string): string {
  if (!note) return formatDate(date);
  const year = /^\d{4}$/.test(date);
  if (year && note.startsWith('年')) return `${date} ${note}`;
  return `${formatDate(date)}${note}`;
}

/** A number written with two digits, as on the exhibit plaques: 1 → 01. */
export const pad2 = (n: number) => String(n).padStart(2, '0');
