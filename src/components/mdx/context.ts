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

const queues = new WeakMap<object, Promise<unknown>>();

/**
 * Renders one entry's body with the entry as context, one body at a time per page: a page that
 * shows several bodies (the printable 案例汇编) renders them concurrently, and each body's
 * components must see their own entry.
 */
export function withEntry<T>(locals: object, entry: ExhibitEntry, render: () => Promise<T>): Promise<T> {
  const previous = queues.get(locals) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      entries.set(locals, entry);
      try {
        return await render();
      } finally {
        entries.delete(locals);
      }
    });
  queues.set(locals, next);
  return next;
}
