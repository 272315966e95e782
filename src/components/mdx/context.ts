/**
 * Which entry an MDX body belongs to, for the components inside it: the entry page records it on
 * Astro.locals before rendering the body, so a component can name the file in its error
 * messages, resolve photo paths relative to the file and read the entry's figures and honours.
 */
import type { ExhibitEntry } from '../../data/index.ts';

const entries = new WeakMap<object, ExhibitEntry>();

/** Called by an entry page before it renders the entry's <Content />. */
export function provideEntry(locals: object, entry: ExhibitEntry): void {
  entries.set(locals, entry);
}

/** The entry whose body is being rendered, if any. */
export function currentEntry(locals: object): ExhibitEntry | undefined {
  return entries.get(locals);
}

/** Where a component is used, for messages: the content file, or else the page. */
export function whereUsed(locals: object, url: URL): string {
  const entry = entries.get(locals);
  return entry?.filePath ?? `页面 ${url.pathname}`;
}
