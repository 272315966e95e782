/** How a figure's quote (原文) is matched: the checker and the audit share these rules. */
import { describe, expect, it } from 'vitest';
import { compact, printsFigure, quoteOccursIn } from '../../src/utils/figures.ts';

describe('printsFigure: the quote prints the number as the figure is written', () => {
  it('accepts the approximation word after 万 and before the unit', () => {
    expect(printsFigure('共吸引省内外1550批次3.1万多人次来馆', { value: 3.1, unit: '万人次', approx: '多' })).toBe(
      true,
    );
    expect(printsFigure('展馆承接各类活动410余场次', { value: 410, unit: '场次', approx: '余' })).toBe(true);
    expect(printsFigure('先后推动超过211个行业部门事项清单入格', { value: 211, unit: '个', approx: '超' })).toBe(true);
  });

  it('rejects a figure whose approximation word or unit differs from the quote', () => {
    expect(printsFigure('展馆承接各类活动410余场次', { value: 410, unit: '场次' })).toBe(false);
    expect(printsFigure('展馆承接各类活动410余场次', { value: 410, unit: '次', approx: '多' })).toBe(false);
    expect(printsFigure('接待参观者1.8万人次', { value: 1.8, unit: '万次' })).toBe(false);
  });

  it('does not find a number inside a longer one', () => {
    expect(printsFigure('共吸引省内外1550批次', { value: 550, unit: '批次' })).toBe(false);
    expect(printsFigure('线上课程点击量达34.36万次', { value: 4.36, unit: '万次' })).toBe(false);
  });

  it('reads digit grouping and half-width punctuation as printed', () => {
    expect(printsFigure('参观人次达6,800人次', { value: 6800, unit: '人次' })).toBe(true);
    expect(compact('开馆至今,展馆 承接(各类)')).toBe('开馆至今，展馆承接（各类）');
  });
});

describe('quoteOccursIn: the quote is verbatim in its source', () => {
  const source = '截至目前,共吸引省内外1550批次3.1万多人次来馆(基地)学习和开展党内政治生活。';

  it('finds the quote across white space and half-width punctuation', () => {
    expect(quoteOccursIn('截至目前，共吸引省内外1550批次3.1万多人次来馆（基地）学习', source)).toBe(true);
  });

  it('lets … stand for words left out, in order', () => {
    expect(quoteOccursIn('截至目前……3.1万多人次来馆', source)).toBe(true);
    expect(quoteOccursIn('3.1万多人次…截至目前', source)).toBe(false);
  });

  it('rejects a quote with a changed word', () => {
    expect(quoteOccursIn('共吸引省内外1550批次3.1万余人次', source)).toBe(false);
  });
});
