/**
 * Pinyin search, for kiosks and visitors without a Chinese input method.
 *
 * - Full pinyin (`shuangyong`, `fang xiang`, `xi'an`): the query is split into syllables in every
 *   way the site's syllables allow; each reading is searched through the pinyin bigram tokens and
 *   checked against the page text with the readings of its characters.
 * - Initials (`sy`): matched against the site's named terms (tags, units, series, names of halls,
 *   routes and quoted case names), which are then searched as Chinese.
 *
 * The data (`PinyinData`) is written at build time with pinyin-pro and loaded only for queries made
 * of Latin letters.
 */
import { isHan } from './normalize.ts';

/** What the build writes for pinyin search. */
export interface PinyinData {
  /** Every syllable (no tones, ü written v) that a character of the site can be read as. */
  syllables: string[];
  /** Every Chinese character in the indexed text, one after another. */
  chars: string;
  /** For each character of `chars`, its readings as two-letter syllable codes, concatenated. */
  readings: string[];
  /** Named terms and their initials, for initials search. */
  terms: [term: string, initials: string][];
}

/** A query made only of Latin letters, with spaces or apostrophes between syllables at most. */
export const looksLikePinyin = (query: string): boolean => /^[a-z]+(?:[\s'’][a-z]+)*$/.test(query);

/** Pinyin data with lookups built once. */
export class Pinyin {
  readonly data: PinyinData;
  readonly #index = new Map<string, number>();
  readonly #readings = new Map<string, Set<number>>();

  constructor(data: PinyinData) {
    this.data = data;
    data.syllables.forEach((s, i) => this.#index.set(s, i));
    let k = 0;
    for (const ch of data.chars) {
      const codes = data.readings[k++] ?? '';
      const set = new Set<number>();
      for (let i = 0; i + 1 < codes.length; i += 2)
        set.add((codes.charCodeAt(i) - 97) * 26 + codes.charCodeAt(i + 1) - 97);
      this.#readings.set(ch, set);
    }
  }

  /**
   * Every way to read `query` as a sequence of syllables of the site (at most `limit`), each as
   * syllable numbers. Spaces and apostrophes force a syllable boundary.
   */
  segment(query: string, limit = 12): number[][] {
    const parts = query.split(/[\s'’]+/).filter(Boolean);
    let readings: number[][] = [[]];
    for (const part of parts) {
      const options = this.#segmentPart(part, limit);
      const next: number[][] = [];
      for (const head of readings) for (const tail of options) if (next.length < limit) next.push([...head, ...tail]);
      readings = next;
      if (readings.length === 0) return [];
    }
    return readings.filter((r) => r.length > 0);
  }

  #segmentPart(part: string, limit: number): number[][] {
    const out: number[][] = [];
    const walk = (from: number, acc: number[]) => {
      if (out.length >= limit) return;
      if (from === part.length) {
        out.push(acc);
        return;
      }
      // Longest syllables first, so the most natural reading comes first.
      for (let len = Math.min(6, part.length - from); len >= 1; len--) {
        const n = this.#index.get(part.slice(from, from + len));
        if (n !== undefined) walk(from + len, [...acc, n]);
      }
    };
    walk(0, []);
    return out;
  }

  /** Spans [start, end) of `text` (normalised) whose Chinese characters can be read as `syllables`. */
  find(text: string, syllables: number[]): [number, number][] {
    const chars: { ch: string; at: number }[] = [];
    let at = 0;
    for (const ch of text) {
      chars.push({ ch, at });
      at += ch.length;
    }
    const spans: [number, number][] = [];
    outer: for (let i = 0; i + syllables.length <= chars.length; i++) {
      for (let k = 0; k < syllables.length; k++) {
        const { ch } = chars[i + k]!;
        if (!isHan(ch) || !this.#readings.get(ch)?.has(syllables[k]!)) continue outer;
      }
      const last = chars[i + syllables.length - 1]!;
      spans.push([chars[i]!.at, last.at + last.ch.length]);
    }
    return spans;
  }

  /** Named terms whose initials are the query (first) or start with it, at most `limit`. */
  terms(query: string, limit = 6): string[] {
    const q = query.replace(/[\s'’]/g, '');
    if (q.length < 2) return [];
    const whole = this.data.terms.filter(([, initials]) => initials === q);
    const prefix = this.data.terms.filter(([, initials]) => initials !== q && initials.startsWith(q));
    const byLength = (a: [string, string], b: [string, string]) => a[0].length - b[0].length;
    return [...whole.sort(byLength), ...prefix.sort(byLength)].slice(0, limit).map(([term]) => term);
  }
}
