/**
 * The 无障碍 settings as stored in localStorage: broken or foreign entries fall back to the
 * defaults, text size moves in steps within 100–200 %.
 */
import { describe, expect, test } from 'vitest';
import { DEFAULTS, SCALES, parseSettings, stepScale } from '../../src/components/a11y/settings.ts';

describe('stored settings', () => {
  test('read back what was stored', () => {
    const stored = { scale: 175, contrast: true, cursor: true, guides: false, rate: 'slow', point: true };
    expect(parseSettings(JSON.stringify(stored))).toEqual(stored);
  });

  test('anything broken or unknown is the default, never an error', () => {
    expect(parseSettings(null)).toEqual(DEFAULTS);
    expect(parseSettings('{not json')).toEqual(DEFAULTS);
    expect(parseSettings('null')).toEqual(DEFAULTS);
    expect(parseSettings(JSON.stringify({ scale: 300, contrast: 'yes', rate: 'turbo' }))).toEqual(DEFAULTS);
  });
});

describe('text size', () => {
  test('at least four steps from 100 % to 200 %', () => {
    expect(SCALES.length).toBeGreaterThanOrEqual(4);
    expect(SCALES[0]).toBe(100);
    expect(SCALES.at(-1)).toBe(200);
  });

  test('steps up and down and stops at the ends', () => {
    expect(stepScale(100, 1)).toBe(125);
    expect(stepScale(125, -1)).toBe(100);
    expect(stepScale(100, -1)).toBe(100);
    expect(stepScale(200, 1)).toBe(200);
  });
});
