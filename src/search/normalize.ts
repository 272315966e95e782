/**
 * The one normalisation the search uses on both sides: on the text of every indexed page at build
 * time and on what the visitor types. Matching is "the normalised query is a substring of the
 * normalised page text", so both must go through exactly this function.
 *
 * - Each code point is folded with NFKC (full-width ＡＢＣ１２３ → abc123, ideographic space → space)
 *   and lower-cased. Folding code point by code point keeps a map back to the original text, so
 *   matches can be highlighted in what the page really says.
 * - Zero-width characters are dropped (Pagefind, which made the index before, separated words
 *   with U+200B; a page's text may hold them too).
 * - White space is kept only between two ASCII letters or digits ("App Store"); next to Chinese it
 *   is dropped, so "2022年" finds "2022 年初" and "34家" finds "34 家".
 */

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const SPACE = /\s/;
const ASCII_WORD = /[a-z0-9]/;

/** Normalised text with, for each of its UTF-16 units, the span of the original it came from. */
export interface Normalized {
  text: string;
  /** Start index in the original text of the code point each unit of `text` came from. */
  start: number[];
  /** End index (exclusive) in the original text of that code point. */
  end: number[];
}

/** Normalises `input` and keeps the map back to the original (see the module comment). */
export function normalizeWithMap(input: string): Normalized {
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  let pendingSpace = -1;
  let i = 0;
  for (const cp of input) {
    const from = i;
    i += cp.length;
    if (ZERO_WIDTH.test(cp)) continue;
    for (const ch of cp.normalize('NFKC').toLowerCase()) {
      if (SPACE.test(ch)) {
        if (pendingSpace < 0) pendingSpace = from;
        continue;
      }
      if (pendingSpace >= 0 && ASCII_WORD.test(ch) && ASCII_WORD.test(text.at(-1) ?? '')) {
        text += ' ';
        start.push(pendingSpace);
        end.push(pendingSpace + 1);
      }
      pendingSpace = -1;
      text += ch;
      for (let k = 0; k < ch.length; k++) {
        start.push(from);
        end.push(i);
      }
    }
  }
  return { text, start, end };
}

/** The normalised form of `input` (see the module comment). */
export const normalize = (input: string): string => normalizeWithMap(input).text;

/** Chinese characters (Han script), the ones that have pinyin. */
export const isHan = (ch: string): boolean => /^\p{Script=Han}$/u.test(ch);

/**
 * Runs of letters and digits, for `matchAll`: the characters that make up searchable runs;
 * punctuation and spaces end a run. One pattern over the whole text (the index reads megabytes).
 */
export const WORD_RUNS = /[\p{L}\p{N}]+/gu;
/** Runs of Chinese characters, for `matchAll`. */
export const HAN_RUNS = /\p{Script=Han}+/gu;

/** Maximal runs of letters and digits in a normalised string, as arrays of code points. */
export const wordRuns = (text: string): string[][] => Array.from(text.matchAll(WORD_RUNS), ([run]) => [...run]);

/** Every start index of `needle` in `haystack` (overlapping occurrences included). */
export function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}
