/**
 * Exact substring search on top of Pagefind.
 *
 * Pagefind splits Chinese into words with one segmenter when it indexes and another in the browser
 * when it searches; where they disagree a page that contains the query is missed, and a query of two
 * characters can match pages that hold them far apart. So besides the page itself we index, for
 * every page, one ASCII token per pair of adjacent letters or digits in its text ("character
 * bigrams"), and search for the bigrams of the query. Every page that contains the query contains
 * all of its bigrams, so the result is a superset of the right answer; the client then checks each
 * candidate against the page's stored text and keeps exact matches only.
 *
 * Token shapes (lower-case ASCII letters only, so Pagefind keeps each one as a single word):
 * - `q` + 4 letters for the first character + 4 letters for the second, or `zzzz` when the first
 *   character ends a run. A single-character query searches the 5-letter prefix.
 * - `y` + 2 letters per syllable for pinyin: the same idea over the syllables of Chinese characters.
 *   Syllables are numbered in a list written at build time (see `PinyinData`).
 */
import { isHan, wordRuns } from './normalize.ts';

const A = 'a'.charCodeAt(0);
/** 26⁴ − 1: four letters encode 0 … 456974; `zzzz` (456975) marks the end of a run. */
const SPACE4 = 26 ** 4 - 1;
const END4 = 'zzzz';
const END2 = 'zz';

function base26(n: number, width: number): string {
  let out = '';
  for (let k = 0; k < width; k++) {
    out = String.fromCharCode(A + (n % 26)) + out;
    n = Math.floor(n / 26);
  }
  return out;
}

/** Four letters for one character. Code points above 456974 share codes (rare; the text check sorts them out). */
export const charCode = (ch: string): string => base26((ch.codePointAt(0) ?? 0) % SPACE4, 4);

/** Two letters for a syllable number (0 … 674). */
export const syllableCode = (n: number): string => base26(n, 2);

/** The bigram token of two characters (`b` undefined: `a` ends a run). */
export const charToken = (a: string, b?: string): string => `q${charCode(a)}${b === undefined ? END4 : charCode(b)}`;

/** The pinyin bigram token of two syllable numbers (`b` undefined: the first ends a run). */
export const syllableToken = (a: number, b?: number): string =>
  `y${syllableCode(a)}${b === undefined ? END2 : syllableCode(b)}`;

/** Index side: the distinct character tokens of a normalised text. */
export function textTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  for (const run of wordRuns(text)) {
    for (let i = 0; i < run.length; i++) tokens.add(charToken(run[i]!, run[i + 1]));
  }
  return tokens;
}

/**
 * Index side: the distinct pinyin tokens of a normalised text. `readings(run)` gives, for a run of
 * Chinese characters, the syllable number of each in context (undefined where it has none).
 */
export function textPinyinTokens(text: string, readings: (run: string) => (number | undefined)[]): Set<string> {
  const tokens = new Set<string>();
  let run = '';
  const flush = () => {
    if (!run) return;
    const syl = readings(run);
    for (let i = 0; i < syl.length; i++) {
      const a = syl[i];
      if (a !== undefined) tokens.add(syllableToken(a, syl[i + 1]));
    }
    run = '';
  };
  for (const ch of text) {
    if (isHan(ch)) run += ch;
    else flush();
  }
  flush();
  return tokens;
}

/** What to ask Pagefind for one literal query. */
export interface TokenQuery {
  /** Space-separated tokens; Pagefind returns the pages that have all of them. */
  terms: string;
  /**
   * True when every page Pagefind returns is known to contain the query (a single run of one or
   * two characters), so the results need no check against the text.
   */
  exact: boolean;
}

/** Query side: the tokens for a normalised literal query, or undefined when it has no letters or digits. */
export function queryTokens(query: string): TokenQuery | undefined {
  const runs = wordRuns(query);
  if (runs.length === 0) return undefined;
  const terms = new Set<string>();
  for (const run of runs) {
    if (run.length === 1) terms.add(`q${charCode(run[0]!)}`);
    else for (let i = 0; i + 1 < run.length; i++) terms.add(charToken(run[i]!, run[i + 1]));
  }
  const only = runs[0]!;
  return { terms: [...terms].join(' '), exact: runs.length === 1 && only.length <= 2 && only.join('') === query };
}

/** Query side: the tokens for a sequence of syllable numbers (a pinyin reading of the query). */
export function syllableQueryTokens(syllables: number[]): string {
  if (syllables.length === 1) return `y${syllableCode(syllables[0]!)}`;
  const terms = new Set<string>();
  for (let i = 0; i + 1 < syllables.length; i++) terms.add(syllableToken(syllables[i]!, syllables[i + 1]));
  return [...terms].join(' ');
}
