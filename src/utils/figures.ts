/**
 * How a figure reads in print, shared by the content check (the number must be inside its quote)
 * and the figures audit (the quote must be inside its source text).
 */
import type { Figure } from '../schemas/index.ts';

type Printed = Pick<Figure, 'value' | 'unit' | 'approx'>;

/** Half-width punctuation captures print for the newspaper's full-width (",", "(" for "，", "（"). */
const WIDTH: Record<string, string> = { ',': '，', '(': '（', ')': '）', ':': '：', ';': '；', '?': '？', '!': '！' };

/**
 * Text as compared: white space removed (captured articles break lines and pad numbers) and
 * half-width punctuation read as the full-width punctuation newspapers print (a comma that
 * groups digits, as in "6,800", stays).
 */
export function compact(text: string): string {
  return text.replace(/\s+/g, '').replace(/[():;?!]|,(?!\d{3}(?!\d))/g, (c) => WIDTH[c] ?? c);
}

/** The ways a source may print a number: "6800", "6,800", and "3.1万" for 31000. */
export function numberForms(value: number): string[] {
  const forms = new Set<string>([String(value), value.toLocaleString('en-US', { maximumFractionDigits: 10 })]);
  if (value >= 10000) forms.add(`${value / 10000}万`);
  return [...forms];
}

/** Number + approximation word + unit, in the orders Chinese print uses: "410余场次", "3.1万多人次", "超过211个". */
export function printedForms(figure: Printed): string[] {
  const unit = compact(figure.unit ?? '');
  const approx = figure.approx ?? '';
  const out = new Set<string>();
  for (const n of numberForms(figure.value)) {
    if (!approx) {
      out.add(`${n}${unit}`);
      continue;
    }
    out.add(`${n}${approx}${unit}`);
    if (approx === '余' || approx === '多') {
      // "3.1万多人次", "2.1万余次": the word follows the 万/亿 of the unit.
      const magnitude = /^[万亿]/.exec(unit);
      if (magnitude) out.add(`${n}${magnitude[0]}${approx}${unit.slice(1)}`);
    } else {
      // 近6500支, 约5小时, 逾…, 超过211个
      out.add(`${approx}${n}${unit}`);
      if (approx === '超') out.add(`超过${n}${unit}`);
    }
  }
  return [...out];
}

/**
 * Whether `text` prints the figure as written (value, approximation word and unit). The number
 * must not be part of a longer one: "1550批次" is not "550批次".
 */
export function printsFigure(text: string, figure: Printed): boolean {
  const haystack = compact(text);
  return printedForms(figure).some((printed) => {
    const form = compact(printed);
    for (let at = haystack.indexOf(form); at >= 0; at = haystack.indexOf(form, at + 1)) {
      if (!/[\d.,]/.test(haystack[at - 1] ?? '')) return true;
    }
    return false;
  });
}

/** The elisions a quote may use for words left out: "累计接待…3.1万多人次". */
export const ELISION = /…+|\.{3,}/;

/** The verbatim pieces of a quote, split at its elisions. */
export const quotePieces = (quote: string): string[] =>
  compact(quote)
    .split(ELISION)
    .filter((p) => p.length > 0);

/** Whether every piece of the quote occurs in `source`, in order. */
export function quoteOccursIn(quote: string, source: string): boolean {
  const text = compact(source);
  let from = 0;
  for (const piece of quotePieces(quote)) {
    const at = text.indexOf(piece, from);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}
