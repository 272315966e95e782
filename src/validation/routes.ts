import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tagSlug } from '../utils/slug.ts';
import type { CheckContext } from './check.ts';
import { listFiles } from '../utils/files.ts';

/** Every address the production build will have, so that links in entry bodies can be checked. */
export interface SiteRoutes {
  /** Page paths with a trailing slash (`/cases/fuzhou/ganbu-yexiao/`) and file paths (`/favicon.svg`). */
  pages: Set<string>;
  /** Paths below which any address exists (dynamic pages this checker does not know how to list). */
  open: string[];
  /** Anchors known to exist on a page: `/timeline/` → milestone ids. Pages not listed are not checked. */
  anchors: Map<string, Set<string>>;
  /** Entry pages hidden from production because the entry is a draft. */
  drafts: Map<string, string>;
}

const pagesDir = fileURLToPath(new URL('../pages/', import.meta.url));
/** Files served as they are, e.g. /favicon.svg; like the pages, part of the code, not of the content. */
export const publicDir = fileURLToPath(new URL('../../public/', import.meta.url));

/**
 * Lists the site's addresses from src/pages/ and the content: static pages by their file,
 * entry pages by their slug, unit pages by id, tag pages by the tag's pinyin, and the files
 * in public/. Drafts are left out, as in the production build.
 */
export function siteRoutes(ctx: CheckContext): SiteRoutes {
  const pages = new Set<string>();
  const open: string[] = [];
  const drafts = new Map<string, string>();
  const published = ctx.entries.filter((e) => e.data['draft'] !== true);
  for (const e of ctx.entries) if (e.data['draft'] === true) drafts.set(`/${e.collection}/${e.slug}/`, e.file);

  // Distinct tags by slug: tags whose pinyin collides get -2, -3 … (see getTags in src/data/index.ts).
  const tags = new Map<string, Set<string>>();
  for (const e of published) {
    const list = Array.isArray(e.data['tags']) ? (e.data['tags'] as unknown[]) : [];
    for (const tag of list.filter((t): t is string => typeof t === 'string')) {
      const slug = tagSlug(tag) || 'tag';
      tags.set(slug, (tags.get(slug) ?? new Set()).add(tag));
    }
  }
  const tagSlugs = [...tags].flatMap(([slug, names]) => [
    slug,
    ...Array.from({ length: names.size - 1 }, (_, i) => `${slug}-${i + 2}`),
  ]);
  const ids = (name: keyof CheckContext['registry']) => ctx.registry[name].map(({ item }) => String(item['id']));
  const dynamic: Record<string, string[]> = {
    'cases/[...slug]': published.filter((e) => e.collection === 'cases').map((e) => e.slug),
    'halls/[...slug]': published.filter((e) => e.collection === 'halls').map((e) => e.slug),
    'routes/[...slug]': published.filter((e) => e.collection === 'routes').map((e) => e.slug),
    'units/[id]': ids('units'),
    'tags/[tag]': tagSlugs,
  };

  for (const full of listFiles(pagesDir)) {
    const match = /\.(astro|md|mdx|ts|js)$/.exec(full);
    if (!match) continue;
    const route = relative(pagesDir, full).split(sep).join('/').slice(0, -match[0].length);
    const isEndpoint = match[1] === 'ts' || match[1] === 'js';
    const known = dynamic[route];
    if (known) {
      const prefix = route.slice(0, route.indexOf('['));
      for (const slug of known) pages.add(`/${prefix}${slug}/`);
      continue;
    }
    if (route.includes('[')) {
      // A dynamic page the checker cannot enumerate: accept anything below its static part.
      open.push(`/${route.slice(0, route.indexOf('['))}`);
      continue;
    }
    if (isEndpoint) pages.add(`/${route}`);
    else if (route === 'index') pages.add('/');
    else if (route.endsWith('/index')) pages.add(`/${route.slice(0, -'index'.length)}`);
    else pages.add(`/${route}/`);
  }

  for (const full of listFiles(publicDir)) pages.add(`/${relative(publicDir, full).split(sep).join('/')}`);

  const anchors = new Map<string, Set<string>>([
    ['/timeline/', new Set(ids('timeline'))],
    ['/sources/', new Set(ids('sources'))],
  ]);
  return { pages, open, anchors, drafts };
}
