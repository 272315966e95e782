/**
 * Parses of frontmatter and entry bodies remembered between runs of the content check, by their
 * exact text: the publishing build's check (scripts/check-content.ts --verdict) reads a thousand
 * unchanged files every time, and parsing their YAML and Markdown was most of its time (0.35 and
 * 0.14 s at 1,000 cases). Only parses that succeeded are remembered, so every problem is still
 * found by parsing, with its message and line; a remembered frontmatter is parsed again only when
 * a check asks for the line of one of its fields. The file holds the versions of the code and
 * Node that wrote it; with other versions, or when it cannot be read, it is not used. Off unless
 * a caller turns it on (`rememberParses`): `npm run check:content` and the 编辑台 parse everything.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { codeDigest, writeWhole } from '../utils/files.ts';

const keyOf = (kind: string, text: string) =>
  createHash('sha256').update(kind).update('\u0000').update(text).digest('base64url');

export class ParseCache {
  readonly #file: string;
  readonly #version: string;
  readonly #before = new Map<string, unknown>();
  readonly #now = new Map<string, unknown>();

  /** The cache in `file`, used only when it was written by code of `version`. */
  constructor(file: string, version: string) {
    this.#file = file;
    this.#version = version;
    try {
      if (!existsSync(file)) return;
      const stored = deserialize(readFileSync(file)) as { version?: string; entries?: [string, unknown][] };
      if (stored.version === version && Array.isArray(stored.entries))
        for (const [key, value] of stored.entries) this.#before.set(key, value);
    } catch {
      this.#before.clear();
    }
  }

  /** A copy of what parsing `text` as `kind` gave before, or undefined. */
  get<T>(kind: string, text: string): T | undefined {
    const key = keyOf(kind, text);
    const value = this.#now.has(key) ? this.#now.get(key) : this.#before.get(key);
    if (value === undefined) return undefined;
    this.#now.set(key, value);
    return structuredClone(value) as T;
  }

  /** Remembers what parsing `text` as `kind` gave (a parse that succeeded). */
  set(kind: string, text: string, value: unknown): void {
    this.#now.set(keyOf(kind, text), structuredClone(value));
  }

  /** Writes what this run parsed or used (written beside, then renamed). */
  save(): void {
    mkdirSync(dirname(this.#file), { recursive: true });
    writeWhole(this.#file, serialize({ version: this.#version, entries: [...this.#now] }));
  }
}

let active: ParseCache | undefined;

/** Turns the cache on for this process (or off, with undefined). */
export function rememberParses(cache: ParseCache | undefined): void {
  active = cache;
}

/** The cache in use, if any. */
export const parseCache = (): ParseCache | undefined => active;

/** The modules whose code decides what a parse gives. */
const CODE = ['src/validation/yaml.ts', 'src/validation/body.ts', 'src/validation/parse-cache.ts', 'package-lock.json'];

/** The version of the code that parses, in the project at `root`: ours, the dependencies' and Node's. */
export const parseCodeVersion = (root: string): string => codeDigest(root, CODE);
