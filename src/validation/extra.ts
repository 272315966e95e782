import { checkBodySyntax } from './body.ts';
import type { ExtraCheck } from './check.ts';
import { checkImages } from './images.ts';
import { checkBodyLinks } from './links.ts';
import { checkMdxComponents } from './mdx.ts';
import { checkPlaceholders } from './placeholders.ts';
import { checkTags } from './tags.ts';

/** Checks on entry bodies (links, images, MDX syntax); each pushes problems onto the context. */
export const extraChecks: ExtraCheck[] = [
  checkBodySyntax,
  checkBodyLinks,
  checkImages,
  checkPlaceholders,
  checkTags,
  checkMdxComponents,
];
