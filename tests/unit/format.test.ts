import { describe, expect, it } from 'vitest';
import { figureText, formatDate } from '../../src/utils/format.ts';

describe('figures read as the sources print them', () => {
  it.each([
    [{ value: 410, approx: '余', unit: '场次' } as const, '410余场次'],
    [{ value: 3.1, approx: '多', unit: '万人次' } as const, '3.1万多人次'],
    [{ value: 2.1, approx: '余', unit: '万次' } as const, '2.1万余次'],
    [{ value: 50, approx: '近', unit: '个' } as const, '近50个'],
    [{ value: 1.8, unit: '万人次' }, '1.8万人次'],
    [{ value: 6800, unit: '人次' }, '6800人次'],
    [{ value: 21450, unit: '名' }, '21,450名'],
    [{ value: 100, unit: '%' }, '100%'],
  ])('%o → %s', (figure, text) => {
    expect(figureText(figure)).toBe(text);
  });
});

describe('dates at the precision given', () => {
  it.each([
    ['1994', '1994 年'],
    ['1994-01', '1994 年 1 月'],
    ['2019-07-09', '2019 年 7 月 9 日'],
  ])('%s → %s', (date, text) => {
    expect(formatDate(date)).toBe(text);
  });
});
