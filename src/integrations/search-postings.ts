/**
 * The pair index's postings (src/search/tokens.ts, src/search/shards.ts) as the build makes them:
 * for each pair `[a, b]`, the records that contain it, in manifest order, each as
 * `record * 2 + 1` when the record's title has the pair, else `record * 2`.
 *
 * A full build fills them record by record (`Postings`); the result, and what the search cache
 * keeps of it, is a `FlatPostings`: every pair in ascending order with its list, in typed arrays.
 * Publishing one more case then takes the last build's postings, renumbers them for the new
 * manifest order (`renumber`: a record that changed has a new id, so it counts as one removed and
 * one added), and merges in the postings of the records that are new (`merge`). The result is the
 * same, list for list, as a full build's: every list holds the same records in the same order.
 */
import { ANY } from '../search/tokens.ts';

/** Every pair in ascending order of `[a, b]`, with its postings at `offsets[i]` up to `offsets[i + 1]`. */
export interface FlatPostings {
  a: Int32Array;
  b: Int32Array;
  offsets: Uint32Array;
  postings: Uint32Array;
}

/** The postings of the pairs that start with one element: by second element, and `[a, ANY]`. */
interface Row {
  lists: Map<number, number[]>;
  any: number[];
}

/** Pairs → postings, filled in record order so every list ascends. */
export class Postings {
  /**
   * By first element, then second: both small integers, which maps look up far faster than one
   * number for the pair (beyond small integers).
   */
  readonly #rows = new Map<number, Row>();

  /**
   * Adds the pairs that `each` passes (repeats allowed) for `record`, flagged when `inTitle`; each
   * first element also as `[a, ANY]`. Records come in ascending order, a record's title before
   * its text: a list that already has this record ends with it.
   */
  add(record: number, inTitle: boolean, each: (pair: (a: number, b: number) => void) => void): void {
    const posting = record * 2 + (inTitle ? 1 : 0);
    const put = (list: number[]) => {
      const last = list.length - 1;
      if (last < 0 || list[last]! >> 1 !== record) list.push(posting);
      else if (inTitle) list[last] = list[last]! | 1;
    };
    each((a, b) => {
      let row = this.#rows.get(a);
      if (!row) this.#rows.set(a, (row = { lists: new Map(), any: [] }));
      const list = row.lists.get(b);
      if (list) put(list);
      else row.lists.set(b, [posting]);
      put(row.any);
    });
  }

  /** The postings in ascending order of pair (ANY, above every second element, last in its row). */
  flat(): FlatPostings {
    const ascending = (x: number, y: number) => x - y;
    const a: number[] = [];
    const b: number[] = [];
    const offsets = [0];
    const postings: number[] = [];
    const push = (x: number, y: number, list: number[]) => {
      a.push(x);
      b.push(y);
      for (const p of list) postings.push(p);
      offsets.push(postings.length);
    };
    for (const x of [...this.#rows.keys()].sort(ascending)) {
      const row = this.#rows.get(x)!;
      for (const y of [...row.lists.keys()].sort(ascending)) push(x, y, row.lists.get(y)!);
      push(x, ANY, row.any);
    }
    return {
      a: Int32Array.from(a),
      b: Int32Array.from(b),
      offsets: Uint32Array.from(offsets),
      postings: Uint32Array.from(postings),
    };
  }
}

/**
 * `old` with each record numbered as `numbers[record]` says (-1: the record is gone), the pairs
 * left with no record dropped. `numbers` must keep the records' order.
 */
export function renumber(old: FlatPostings, numbers: Int32Array): FlatPostings {
  const a = new Int32Array(old.a.length);
  const b = new Int32Array(old.a.length);
  const offsets = new Uint32Array(old.a.length + 1);
  const postings = new Uint32Array(old.postings.length);
  let pairs = 0;
  let n = 0;
  for (let i = 0; i < old.a.length; i++) {
    const start = n;
    for (let j = old.offsets[i]!; j < old.offsets[i + 1]!; j++) {
      const posting = old.postings[j]!;
      const record = numbers[posting >> 1]!;
      if (record >= 0) postings[n++] = record * 2 + (posting & 1);
    }
    if (n === start) continue;
    a[pairs] = old.a[i]!;
    b[pairs] = old.b[i]!;
    offsets[++pairs] = n;
  }
  return {
    a: a.slice(0, pairs),
    b: b.slice(0, pairs),
    offsets: offsets.slice(0, pairs + 1),
    postings: postings.slice(0, n),
  };
}

/** The union of two postings over different records: pairs in order, lists merged in order. */
export function merge(x: FlatPostings, y: FlatPostings): FlatPostings {
  const size = x.a.length + y.a.length;
  const a = new Int32Array(size);
  const b = new Int32Array(size);
  const offsets = new Uint32Array(size + 1);
  const postings = new Uint32Array(x.postings.length + y.postings.length);
  let pairs = 0;
  let n = 0;
  let i = 0;
  let j = 0;
  const copy = (from: FlatPostings, k: number) => {
    postings.set(from.postings.subarray(from.offsets[k]!, from.offsets[k + 1]!), n);
    n += from.offsets[k + 1]! - from.offsets[k]!;
  };
  while (i < x.a.length || j < y.a.length) {
    const order = i >= x.a.length ? 1 : j >= y.a.length ? -1 : x.a[i]! - y.a[j]! || x.b[i]! - y.b[j]!;
    if (order < 0) {
      a[pairs] = x.a[i]!;
      b[pairs] = x.b[i]!;
      copy(x, i++);
    } else if (order > 0) {
      a[pairs] = y.a[j]!;
      b[pairs] = y.b[j]!;
      copy(y, j++);
    } else {
      a[pairs] = x.a[i]!;
      b[pairs] = x.b[i]!;
      let p = x.offsets[i]!;
      let q = y.offsets[j]!;
      const pEnd = x.offsets[i + 1]!;
      const qEnd = y.offsets[j + 1]!;
      while (p < pEnd || q < qEnd)
        postings[n++] =
          q >= qEnd || (p < pEnd && x.postings[p]! < y.postings[q]!) ? x.postings[p++]! : y.postings[q++]!;
      i++;
      j++;
    }
    offsets[++pairs] = n;
  }
  return { a: a.slice(0, pairs), b: b.slice(0, pairs), offsets: offsets.slice(0, pairs + 1), postings };
}

/** The postings of one pair. */
export const listOf = (flat: FlatPostings, i: number): Uint32Array =>
  flat.postings.subarray(flat.offsets[i]!, flat.offsets[i + 1]!);
