/**
 * Which built pages show a structure no other page shows: the walk checks every page in the
 * default look, and in the other presentations (kiosk, 长者模式, 高对比度, 200 % text) one page of
 * each structure, the one with the most text and the one with the longest heading.
 *
 * A page's look is its elements and their classes and attributes under the site's one style
 * sheet: the CSP forbids inline styles, so two pages built from the same template with the same
 * pieces (two tag pages listing cases with covers, say) differ only in their text. A page's
 * structure here is its element tree, each element written as its name, its classes, its role
 * and its other attributes' names (and the values of `data-*` ones, which styles select on);
 * text, links and sources left out, and the children of an element taken as the set of their
 * structures, so a list of five cards and a list of one are the same.
 */
import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { pageFile } from './site.ts';

/** Attributes whose values are content, not presentation: their names are kept, not their values. */
const styled = (name: string) =>
  name === 'class' ||
  name === 'role' ||
  name === 'type' ||
  (name.startsWith('data-') && !/^data-(pagefind|search)/.test(name));

/** The structure of a page (see above), with its text length and its first heading's length. */
export function pageShape(html: string): { shape: string; text: number; heading: number } {
  const stack: { open: string; kids: Set<string> }[] = [{ open: '', kids: new Set() }];
  let text = 0;
  let heading = -1;
  let inHeading = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const attributes = Object.entries(attribs)
          .map(([key, value]) =>
            styled(key) ? `${key}=${key === 'class' ? value.split(/\s+/).sort().join(' ') : value}` : key,
          )
          .sort()
          .join(' ');
        stack.push({ open: `${name}[${attributes}]`, kids: new Set() });
        if (name === 'h1' && heading < 0) {
          inHeading = true;
          heading = 0;
        }
      },
      ontext(data) {
        const length = data.trim().length;
        text += length;
        if (inHeading) heading += length;
      },
      onclosetag(name) {
        const node = stack.pop();
        if (!node) return;
        if (name === 'h1') inHeading = false;
        stack.at(-1)?.kids.add(`${node.open}(${[...node.kids].sort().join(',')})`);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return { shape: [...(stack[0]?.kids ?? [])].sort().join(','), text, heading };
}

/**
 * Of `pages` (site paths of the site built in `dir`), in their order: every page whose structure
 * no other page shows, and of each structure several pages share, the one with the most text
 * and the one with the longest first heading.
 */
export function onePerShape(dir: string, pages: string[]): string[] {
  const groups = new Map<string, { path: string; text: number; heading: number }[]>();
  for (const path of pages) {
    const { shape, text, heading } = pageShape(readFileSync(pageFile(dir, path), 'utf8'));
    const group = groups.get(shape);
    if (group) group.push({ path, text, heading });
    else groups.set(shape, [{ path, text, heading }]);
  }
  const chosen = new Set<string>();
  for (const group of groups.values()) {
    const most = (key: 'text' | 'heading') => group.reduce((best, page) => (page[key] > best[key] ? page : best));
    chosen.add(most('text').path);
    chosen.add(most('heading').path);
  }
  return pages.filter((path) => chosen.has(path));
}
