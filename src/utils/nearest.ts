import { closest, distance } from 'fastest-levenshtein';

/** The nearest candidate to a misspelt name, when it is close enough to be a likely typo. */
export function nearest(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(input, [...candidates]);
  const d = distance(input, best);
  const limit = Math.max(2, Math.ceil(Math.max(input.length, best.length) / 2));
  if (d <= limit || best.includes(input) || input.includes(best)) return best;
  return undefined;
}
