/**
 * Exact substring search: the pair index.
 *
 * Pagefind, which the site used first, splits Chinese into words with one segmenter when it indexes
 * and another in the browser when it searches; where they disagree a page that contains the query is
 * missed, and a query of two characters can match pages that hold them far apart. So the build
 * writes a pair index instead of a word index (beside each record's text, metadata and filters,
 * src/integrations/pagefind-index.ts): for every page,
 * every distinct pair of adjacent letters or digits in its text ("character bigrams"), and every
 * pair of adjacent Chinese syllables (pinyin bigrams). A query looks up its own pairs; every page
 * that contains the query contains all of them, so the result is a superset of the right answer,
 * and the client checks each candidate against the page's stored text and keeps exact matches only.
 *
 * A pair is two numbers `[a, b]`: for characters the code points, for pinyin the syllable numbers
 * of `PinyinData` (b = syllable + 1); `b = 0` marks the end of a run (the last character of a run is
 * paired with it, so every character of the text starts a pair). A one-character query takes the
 * list `[a, ANY]` of the pages with some pair starting with it. See src/search/shards.ts for how
 * the pairs are stored.
 */
import { HAN_RUNS, WORD_RUNS, wordRuns } from './normalize.ts';

/** Which vocabulary a pair belongs to: characters or pinyin syllables. */
export type PairKind = 'c' | 'p';

/** `b` of a pair whose first element ends a run. */
export const END = 0;

/** 2²¹: above every Unicode code point, so `a * SPAN + b` is one exact number per pair. */
export const SPAN = 0x200000;

/** `b` of the list of every page with some pair starting with `a` (a one-character query). */
export const ANY = SPAN - 1;

/** One number for a pair, for sets and maps. */
export const pairKey = (a: number, b: number): number => a * SPAN + b;

/**
 * Index side: calls `pair(a, b)` for every pair of adjacent letters or digits of a normalised
 * text, and `pair(last, END)` at the end of each run; a pair that recurs is passed again.
 */
export function forEachTextPair(text: string, pair: (a: number, b: number) => void): void {
  for (const [run] of text.matchAll(WORD_RUNS)) {
    let previous = -1;
    for (let i = 0; i < run.length;) {
      const code = run.codePointAt(i)!;
      i += code > 0xffff ? 2 : 1;
      if (previous >= 0) pair(previous, code);
      previous = code;
    }
    pair(previous, END);
  }
}

/** The distinct character pairs of a normalised text, as `pairKey`s. */
export function textPairs(text: string): Set<number> {
  const pairs = new Set<number>();
  forEachTextPair(text, (a, b) => pairs.add(pairKey(a, b)));
  return pairs;
}

/**
 * Index side: calls `pair(a, b)` for every pinyin pair of a normalised text (b = syllable + 1, or
 * END), repeats included. `readings(ch)` gives every syllable number a Chinese character can be
 * read as; a pair of characters gives every combination of their readings. That is exactly what
 * the browser's check accepts (a character matches a syllable when it is one of its readings,
 * src/search/pinyin.ts), so nothing the check would accept is missing from the index. A character
 * that is not Chinese, or has no reading, ends a run: the readings before it are paired with END.
 */
export function forEachPinyinPair(
  text: string,
  readings: (ch: string) => readonly number[],
  pair: (a: number, b: number) => void,
): void {
  for (const [run] of text.matchAll(HAN_RUNS)) {
    let previous: readonly number[] = [];
    for (const ch of run) {
      const current = readings(ch);
      for (const a of previous) {
        if (current.length === 0) pair(a, END);
        for (const b of current) pair(a, b + 1);
      }
      previous = current;
    }
    for (const a of previous) pair(a, END);
  }
}

/** The distinct pinyin pairs of a normalised text, as `pairKey`s (see forEachPinyinPair). */
export function textPinyinPairs(text: string, readings: (ch: string) => readonly number[]): Set<number> {
  const pairs = new Set<number>();
  forEachPinyinPair(text, readings, (a, b) => pairs.add(pairKey(a, b)));
  return pairs;
}

/** One term of a query: the pages that have pair `[a, b]`, or any pair starting with `a` (`b` undefined: the `[a, ANY]` list). */
export interface PairTerm {
  kind: PairKind;
  a: number;
  b?: number;
}

/** What to look up for one literal query. */
export interface PairQuery {
  /** The pages that have every term are the candidates. */
  terms: PairTerm[];
  /**
   * True when every candidate is known to contain the query (a single run of one or two
   * characters), so the results need no check against the text.
   */
  exact: boolean;
}

/** Query side: the terms for a normalised literal query, or undefined when it has no letters or digits. */
export function queryPairs(query: string): PairQuery | undefined {
  const runs = wordRuns(query);
  if (runs.length === 0) return undefined;
  const terms = new Map<string, PairTerm>();
  for (const run of runs) {
    if (run.length === 1) {
      const a = run[0]!.codePointAt(0)!;
      terms.set(`${a}`, { kind: 'c', a });
    } else
      for (let i = 0; i + 1 < run.length; i++) {
        const a = run[i]!.codePointAt(0)!;
        const b = run[i + 1]!.codePointAt(0)!;
        terms.set(`${a},${b}`, { kind: 'c', a, b });
      }
  }
  const only = runs[0]!;
  return { terms: [...terms.values()], exact: runs.length === 1 && only.length <= 2 && only.join('') === query };
}

/** Query side: every character of a query on its own (pages that hold all of them, in any order). */
export const queryChars = (query: string): PairTerm[] =>
  [...new Set(wordRuns(query).flat())].map((ch) => ({ kind: 'c', a: ch.codePointAt(0)! }));

/** Query side: the terms for a sequence of syllable numbers (a pinyin reading of the query). */
export function syllableQueryPairs(syllables: number[]): PairTerm[] {
  if (syllables.length === 1) return [{ kind: 'p', a: syllables[0]! }];
  const terms: PairTerm[] = [];
  for (let i = 0; i + 1 < syllables.length; i++) terms.push({ kind: 'p', a: syllables[i]!, b: syllables[i + 1]! + 1 });
  return terms;
}

/** Two letters for a syllable number (0 … 675), as `PinyinData.readings` stores them. */
export const syllableCode = (n: number): string =>
  String.fromCharCode(97 + Math.floor(n / 26)) + String.fromCharCode(97 + (n % 26));
