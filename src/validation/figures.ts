import { printedForms, printsFigure } from '../utils/figures.ts';
import type { Figure } from '../schemas/index.ts';
import { figureText } from '../utils/format.ts';
import type { CheckContext } from './check.ts';
import { describeField } from './fields.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every figure's quote (原文) must print the figure as the figure is written: its value, its
 * approximation word and its unit ("开馆至今，展馆承接各类活动410余场次" for 410 余 场次). A quote
 * that says "410场次" or "400余场次" means the figure or the quote was copied wrongly.
 */
export function checkFigureQuotes(ctx: CheckContext): void {
  for (const entry of ctx.entries) {
    const figures = entry.data['figures'];
    if (!Array.isArray(figures)) continue;
    figures.forEach((figure: unknown, index) => {
      if (!isRecord(figure)) return;
      const { quote, value } = figure;
      const unit = typeof figure['unit'] === 'string' ? figure['unit'] : '';
      const approx = typeof figure['approx'] === 'string' ? (figure['approx'] as Figure['approx']) : undefined;
      if (typeof quote !== 'string' || quote.trim() === '' || typeof value !== 'number') return;
      const printed = { value, unit, approx };
      if (printsFigure(quote, printed)) return;
      const path = ['figures', index, 'quote'];
      ctx.problems.push({
        file: entry.file,
        line: entry.yaml.lineOf(path),
        field: describeField(path),
        found: `"${quote}"（其中没有 "${figureText(printed)}"）`,
        expected:
          '原文摘录应原样包含这个数字，连同约数标记（余、多、近、约、超、逾）和单位，与 value、approx、unit 一致',
        suggestion: `请核对报道原文：或者摘录抄错了，或者 value / approx / unit 写错了。可以接受的写法：${printedForms(printed).join('、')}`,
      });
    });
  }
}
