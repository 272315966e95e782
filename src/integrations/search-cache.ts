/**
 * The search index's cache: for each built page, the records read from it and their fragments
 * (src/integrations/pagefind-index.ts), so that publishing one more case reads, parses and
 * compresses only the pages whose bytes changed. It lives in Astro's cache folder, beside the
 * page cache, one file per base path (the root and the sub-path builds share that folder).
 *
 * An entry is used only for the exact bytes it was made from (the page's SHA-256), by the code
 * that made it (a hash of the modules that read records and write fragments, of the lockfile and
 * of the Node version). The file holds a checksum of its contents: a file cut short, changed or written by
 * other code is not used, the index is made from the pages alone, and the build says so in one
 * line. The file is replaced only after an index was written whole.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { codeDigest, writeWhole } from '../utils/files.ts';
import type { FlatPostings } from './search-postings.ts';
import type { SearchRecord } from './search-records.ts';

/** What one page gave the index. */
export interface CachedPage {
  /** SHA-256 of the page's bytes. */
  hash: string;
  records: IndexedRecord[];
}

/** A record, its fragment, and what the pair index reads of it. */
export interface IndexedRecord {
  record: SearchRecord;
  id: string;
  fragment: Buffer;
  /** The record's text and title, normalised (src/search/normalize.ts). */
  text: string;
  title: string;
  /** The distinct Chinese characters of both. */
  han: string;
}

/** The pair index of the last build, for the next to start from (search-postings.ts). */
export interface CachedPairs {
  /** The records' ids in that build's manifest order: the record numbers of its postings. */
  ids: string[];
  /** The pinyin syllables its pinyin pairs are numbered by. */
  syllables: string[];
  c: FlatPostings;
  p: FlatPostings;
}

/** Where the cache is, and the project whose code makes the index. */
export interface SearchCacheOptions {
  /** Astro's cache folder. */
  cacheDir: string;
  /** The project's root (its sources are part of the cache's key). */
  root: string;
  /** The base path the site is built for. */
  base: string;
}

/** Start of the file, then the checksum of the rest, then the serialized pages. */
const MAGIC = 'zg-search-cache 1\n';
/** The modules whose code decides what a page gives the index. */
const CODE = [
  'src/integrations/search-records.ts',
  'src/integrations/pagefind-index.ts',
  'src/integrations/search-cache.ts',
  'src/integrations/search-postings.ts',
  'src/search/tokens.ts',
  // The normalised text, title and Chinese characters kept with each record.
  'src/search/normalize.ts',
];

export const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** The cache file for a build of `base` (the folder name and the file name are ours). */
export const searchCacheFile = ({ cacheDir, base }: SearchCacheOptions): string =>
  join(cacheDir, 'zg-search', `${sha256(base).slice(0, 12)}.bin`);

/** The version of the code that fills the cache: ours, the dependencies' (the lockfile) and Node's. */
const codeVersion = (root: string): string => codeDigest(root, [...CODE, 'package-lock.json']);

/**
 * The cached pages by their path in the output, and why the cache was not used when it exists
 * but cannot be trusted (undefined when it was used, or there was none).
 */
export function readSearchCache(options: SearchCacheOptions): {
  pages: Map<string, CachedPage>;
  pairs?: CachedPairs;
  problem?: string;
} {
  const file = searchCacheFile(options);
  if (!existsSync(file)) return { pages: new Map() };
  const fail = (problem: string) => ({ pages: new Map<string, CachedPage>(), problem });
  const bytes = readFileSync(file);
  const head = MAGIC.length;
  if (bytes.subarray(0, head).toString('latin1') !== MAGIC) return fail('缓存文件格式不对');
  const checksum = bytes.subarray(head, head + 64).toString('latin1');
  const body = bytes.subarray(head + 65);
  if (sha256(body) !== checksum) return fail('缓存文件不完整或已改动');
  let stored: { code: string; pages: [string, CachedPage][]; pairs?: CachedPairs };
  try {
    stored = deserialize(body) as typeof stored;
  } catch {
    return fail('缓存文件无法读取');
  }
  if (stored.code !== codeVersion(options.root)) return fail('缓存来自其他版本');
  return { pages: new Map(stored.pages), ...(stored.pairs ? { pairs: stored.pairs } : {}) };
}

/** Replaces the cache with `pages` and `pairs` (written beside, then renamed: never half a file). */
export function writeSearchCache(
  options: SearchCacheOptions,
  pages: Map<string, CachedPage>,
  pairs?: CachedPairs,
): void {
  const file = searchCacheFile(options);
  mkdirSync(dirname(file), { recursive: true });
  const body = serialize({ code: codeVersion(options.root), pages: [...pages], ...(pairs ? { pairs } : {}) });
  writeWhole(file, Buffer.concat([Buffer.from(`${MAGIC}${sha256(body)}\n`, 'latin1'), body]));
}

/**
 * The fragments of the last build as files, one per fragment name, beside the cache file. A build
 * hard-links each unchanged fragment from here into its output instead of writing it: creating a
 * file costs far more than linking one (on the development machine 0.4–0.7 ms against 0.02 ms),
 * and a site has a fragment per record. A stored file is linked only when its bytes are the
 * fragment's (a damaged one is written again), and is never written in place: a new version is
 * written beside it and renamed over it, so a published site that links the old one keeps it.
 * Where linking is not possible (another file system), the fragment is written as before.
 */
export class FragmentStore {
  readonly #dir: string;
  readonly #used = new Set<string>();

  constructor(options: SearchCacheOptions) {
    this.#dir = searchCacheFile(options).replace(/\.bin$/, '-fragments');
    mkdirSync(this.#dir, { recursive: true });
  }

  /**
   * Puts the fragment `bytes` at `destination`, as a link to the stored copy where possible. A
   * destination that is that link already stays; any other file there is replaced, never written
   * into.
   */
  place(name: string, bytes: Buffer, destination: string): void {
    this.#used.add(name);
    const stored = join(this.#dir, name);
    let same = false;
    try {
      same = readFileSync(stored).equals(bytes);
    } catch {
      same = false;
    }
    if (!same) writeWhole(stored, bytes);
    if (existsSync(destination)) {
      if (statSync(destination).ino === statSync(stored).ino) return;
      unlinkSync(destination);
    }
    try {
      linkSync(stored, destination);
    } catch {
      writeFileSync(destination, bytes);
    }
  }

  /** Removes the stored fragments this build did not use. */
  prune(): void {
    for (const name of readdirSync(this.#dir)) if (!this.#used.has(name)) unlinkSync(join(this.#dir, name));
  }

  /** Removes the whole store (with a cache that cannot be trusted). */
  clear(): void {
    rmSync(this.#dir, { recursive: true, force: true });
    mkdirSync(this.#dir, { recursive: true });
  }
}
