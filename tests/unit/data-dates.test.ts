import { describe, expect, test } from 'vitest';
import { niceMax, yearFraction } from '../../src/components/charts/chart.ts';
import { smoothPath, tallLayout, wideLayout, wrapText } from '../../src/components/route-map.ts';
import { formatDateNote } from '../../src/utils/format.ts';

describe('dates keep the precision the source gives', () => {
  test('a year with a refining note reads as one phrase', () => {
    expect(formatDateNote('2022', '年初')).toBe('2022 年初');
    expect(formatDateNote('1994-01')).toBe('1994 年 1 月');
    expect(formatDateNote('2021-03-31')).toBe('2021 年 3 月 31 日');
    expect(formatDateNote('2020-09', '下旬')).toBe('2020 年 9 月下旬');
  });

  test('partial dates sit in the middle of the span they name on a time axis', () => {
    expect(yearFraction('2024')).toBe(2024.5);
    expect(yearFraction('2021-07-01')).toBeCloseTo(2021.5, 2);
    expect(yearFraction('2025-01')).toBeCloseTo(2025.04, 2);
  });
});

describe('chart and route geometry', () => {
  test('axes end on a round number at or above the largest value', () => {
    expect(niceMax(49)).toBe(50);
    expect(niceMax(31000)).toBe(50000);
    expect(niceMax(13)).toBe(20);
    expect(niceMax(10)).toBe(10);
  });

  test('stops are placed in travel order, evenly, inside the drawing', () => {
    for (const layout of [wideLayout(7), tallLayout(7)]) {
      expect(layout.stops).toHaveLength(7);
      for (const p of layout.stops) {
        expect(p.x).toBeGreaterThan(0);
        expect(p.x).toBeLessThan(layout.width);
        expect(p.y).toBeGreaterThan(0);
        expect(p.y).toBeLessThan(layout.height);
      }
    }
    const wide = wideLayout(7).stops.map((p) => p.x);
    expect(wide).toEqual([...wide].sort((a, b) => a - b));
    const tall = tallLayout(7).stops.map((p) => p.y);
    expect(tall).toEqual([...tall].sort((a, b) => a - b));
    expect(
      smoothPath([
        { x: 0, y: 0 },
        { x: 10, y: 10 },
      ]),
    ).toMatch(/^M0 0 C.* 10 10$/);
  });

  test('long labels wrap after punctuation where they can', () => {
    expect(wrapText('台江码头 → 南平一带的游击队', 13)).toEqual(['台江码头 →', '南平一带的游击队']);
    expect(wrapText('省内外，截至 2024 年报道', 8)).toEqual(['省内外，截至', '2024 年报道']);
  });
});
