/**
 * The components staff may use in an MDX case, hall or route body, without importing them: the
 * entry pages pass `mdxComponents` to the rendered body. Each validates its attributes and stops
 * the build with a Chinese message naming the file, the attribute and what to write.
 */
import Callout from './Callout.astro';
import Gallery from './Gallery.astro';
import Honours from './Honours.astro';
import Photo from './Photo.astro';
import Quote from './Quote.astro';
import RelatedCase from './RelatedCase.astro';
import Stat from './Stat.astro';

export { Callout, Gallery, Honours, Photo, Quote, RelatedCase, Stat };
export { provideEntry, withEntry } from './context.ts';

/** Pass to an entry's `<Content components={mdxComponents} />`. */
export const mdxComponents = { Callout, Gallery, Honours, Photo, Quote, RelatedCase, Stat };

/** Names staff may write, for the content checker. */
export const mdxComponentNames = Object.keys(mdxComponents);
