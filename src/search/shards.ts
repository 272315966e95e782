/**
 * How the pair index (src/search/tokens.ts) is stored: in shards, so a query loads only the few
 * it needs.
 *
 * - Besides the pairs `[a, b]`, every first element has a list of its own, `[a, ANY]`: the pages
 *   with any pair starting with `a` (a one-character or one-syllable query).
 * - A list of kind `c` (characters) lives in shard `shardOf(a, b, shards.c)` of
 *   `pagefind/zg-pairs/c<n>.bin`, of kind `p` (pinyin) in `p<n>.bin`. Shards are spread by the
 *   whole pair, so a query of two characters loads one small shard, not every pair of a common
 *   first character.
 * - A shard is a list of unsigned LEB128 varints: the number of pairs; then for each pair, in
 *   ascending order, `a`, `b`, the number of postings and the postings, delta-encoded. A posting is
 *   `record * 2 + 1` when the pair is in the record's title, `record * 2` otherwise (`record`: the
 *   position in the manifest), so postings ascend and title matches can rank first without any
 *   page text.
 */
import type { PairKind } from './tokens.ts';

/** The shard of pair `[a, b]` among `shards` (a fixed integer hash, the same in Node and browsers). */
export function shardOf(a: number, b: number, shards: number): number {
  let h = Math.imul(a ^ Math.imul(b + 1, 0x85ebca6b), 0x9e3779b1);
  h ^= h >>> 15;
  return (h >>> 0) % shards;
}

/** The index's folder in the built site (Pagefind's name, kept: the site, the service worker and the server use it). */
export const BUNDLE = 'pagefind';

/** Folder of the shards inside the index folder (`pagefind/`). */
export const SHARD_DIR = 'zg-pairs';

/** File name of a shard. */
export const shardFile = (kind: PairKind, n: number): string => `${kind}${n}.bin`;

/** Postings of one shard: pairs by `a`, then by `b`. */
export type Shard = Map<number, Map<number, Uint32Array>>;

/** Writes varints into a growing buffer. */
export class VarintWriter {
  #buf = new Uint8Array(1024);
  #len = 0;

  push(n: number): void {
    if (this.#len + 8 > this.#buf.length) {
      const next = new Uint8Array(this.#buf.length * 2);
      next.set(this.#buf);
      this.#buf = next;
    }
    while (n >= 0x80) {
      this.#buf[this.#len++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.#buf[this.#len++] = n;
  }

  get length(): number {
    return this.#len;
  }

  bytes(): Uint8Array {
    return this.#buf.subarray(0, this.#len);
  }
}

/** Encodes one shard; `pairs` in ascending order of `[a, b]`, each with its ascending postings. */
export function encodeShard(pairs: { a: number; b: number; postings: ArrayLike<number> }[]): Uint8Array {
  const out = new VarintWriter();
  out.push(pairs.length);
  for (const { a, b, postings } of pairs) {
    out.push(a);
    out.push(b);
    out.push(postings.length);
    let last = 0;
    for (let i = 0; i < postings.length; i++) {
      out.push(postings[i]! - last);
      last = postings[i]!;
    }
  }
  return out.bytes();
}

/** Decodes a shard written by `encodeShard`. Throws on a truncated or malformed file. */
export function decodeShard(bytes: Uint8Array): Shard {
  let at = 0;
  const next = () => {
    let n = 0;
    let scale = 1;
    for (;;) {
      if (at >= bytes.length) throw new Error('truncated search shard');
      const byte = bytes[at++]!;
      n += (byte & 0x7f) * scale;
      if (byte < 0x80) return n;
      scale *= 0x80;
    }
  };
  const shard: Shard = new Map();
  const count = next();
  for (let k = 0; k < count; k++) {
    const a = next();
    const b = next();
    const postings = new Uint32Array(next());
    let last = 0;
    for (let i = 0; i < postings.length; i++) postings[i] = last += next();
    let byB = shard.get(a);
    if (!byB) shard.set(a, (byB = new Map()));
    byB.set(b, postings);
  }
  return shard;
}
