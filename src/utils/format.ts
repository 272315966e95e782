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

/** The number with its approximation word where the source puts it: 410余, 近50. */
export function formatFigureValue(figure: Pick<Figure, 'value' | 'approx'>): {
  prefix: string;
  number: string;
  suffix: string;
} {
  const number = figure.value.toLocaleString('zh-CN', { maximumFractionDigits: 6, useGrouping: figure.value >= 10000 });
  if (!figure.approx) return { prefix: '', number, suffix: '' };
  return before.has(figure.approx)
    ? { prefix: figure.approx, number, suffix: '' }
    : { prefix: '', number, suffix: figure.approx };
}

/** Plain text of a figure, e.g. 410余场次. */
export function figureText(figure: Pick<Figure, 'value' | 'approx' | 'unit'>): string {
  const { prefix, number, suffix } = formatFigureValue(figure);
  return `${prefix}${number}${suffix}${figure.unit}`;
}
