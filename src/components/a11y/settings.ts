/**
 * The visitor's 无障碍 settings: text size, high contrast, big cursor, guide lines, speech rate and
 * 点读. Kept as one JSON entry in localStorage (so the kiosk's idle reset, which clears the
 * visitor's storage, clears them too) and reflected on <html> as data-* attributes that
 * src/styles/a11y.css keys on. ModeBoot applies the same attributes before first paint.
 */
import { RATES, type RateName } from '../../utils/speech.ts';

/** localStorage key of the settings (ModeBoot reads it too). */
export const A11Y_KEY = 'zg-a11y';
/** Text sizes offered, in percent of the presentation's own size. */
export const SCALES = [100, 125, 150, 175, 200] as const;
export type Scale = (typeof SCALES)[number];

export interface A11ySettings {
  /** Text size in percent. */
  scale: Scale;
  /** 高对比度: text at 7:1 or more. */
  contrast: boolean;
  /** 大鼠标: an extra-large pointer. */
  cursor: boolean;
  /** 十字辅助线: guide lines following the pointer. */
  guides: boolean;
  /** 语速 of 朗读. */
  rate: RateName;
  /** 点读 (长者模式): a tap or click on a paragraph reads it. */
  point: boolean;
}

export const DEFAULTS: Readonly<A11ySettings> = {
  scale: 100,
  contrast: false,
  cursor: false,
  guides: false,
  rate: 'normal',
  point: false,
};

/** Settings from their stored form; anything unknown or broken falls back to the default. */
export function parseSettings(stored: string | null): A11ySettings {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(stored ?? '{}');
    if (parsed && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
  } catch {
    /* A broken entry is the default. */
  }
  const scale = SCALES.find((s) => s === raw['scale']) ?? DEFAULTS.scale;
  const rate = typeof raw['rate'] === 'string' && raw['rate'] in RATES ? (raw['rate'] as RateName) : DEFAULTS.rate;
  return {
    scale,
    contrast: raw['contrast'] === true,
    cursor: raw['cursor'] === true,
    guides: raw['guides'] === true,
    rate,
    point: raw['point'] === true,
  };
}

/** The next text size up (+1) or down (-1), staying within 100–200 %. */
export function stepScale(scale: Scale, direction: 1 | -1): Scale {
  const index = SCALES.indexOf(scale) + direction;
  return SCALES[Math.min(SCALES.length - 1, Math.max(0, index))] ?? scale;
}

/** Reads the stored settings (defaults when storage is blocked). */
export function readSettings(): A11ySettings {
  try {
    return parseSettings(localStorage.getItem(A11Y_KEY));
  } catch {
    return { ...DEFAULTS };
  }
}

/** Stores the settings (removing the entry when all are default) and applies them to <html>. */
export function writeSettings(settings: A11ySettings): void {
  try {
    const changed = (Object.keys(DEFAULTS) as (keyof A11ySettings)[]).some((k) => settings[k] !== DEFAULTS[k]);
    if (changed) localStorage.setItem(A11Y_KEY, JSON.stringify(settings));
    else localStorage.removeItem(A11Y_KEY);
  } catch {
    /* Storage blocked: the settings still apply to this page. */
  }
  applySettings(settings);
  document.dispatchEvent(new CustomEvent('zg-a11y-change'));
}

/** Reflects the settings as attributes on <html> (the same ones ModeBoot sets before paint). */
export function applySettings(settings: A11ySettings, root: HTMLElement = document.documentElement): void {
  if (settings.scale === 100) delete root.dataset['textScale'];
  else root.dataset['textScale'] = String(settings.scale);
  root.toggleAttribute('data-contrast', settings.contrast);
  root.toggleAttribute('data-cursor', settings.cursor);
  root.toggleAttribute('data-guides', settings.guides);
}
