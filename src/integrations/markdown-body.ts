import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineHastPlugin } from 'satteri';
import sharp from 'sharp';

interface Options {
  /** The site's base path, e.g. `/zhanguan/`. */
  base: string;
  /** Width of a body photo in the text column (46rem ≈ 736 px); its srcset goes up to twice that. */
  width?: number;
  /** `sizes` of body photos. */
  sizes?: string;
}

const isRemote = (url: string) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);

/**
 * Hast plugin for entry bodies (Markdown and MDX), run before Astro's own image step:
 * - site links written as `/cases/x/` get the base path, and a trailing slash where missing,
 *   so that staff write links the same way whatever sub-path the site is deployed under;
 * - photos beside the file become responsive: a srcset up to twice the column width, never
 *   wider than the original, instead of one image at the original size (a 6000 px phone photo).
 */
export function markdownBody({ base, width = 800, sizes = '(min-width: 64rem) 46rem, 100vw' }: Options) {
  const prefix = base.replace(/\/$/, '');
  return defineHastPlugin({
    name: 'zhanguan-body',
    element: {
      filter: ['a', 'img'],
      async visit(node, ctx) {
        if (node.tagName === 'a') {
          const href = node.properties?.['href'];
          if (typeof href === 'string' && href.startsWith('/') && !href.startsWith('//'))
            ctx.setProperty(node, 'href', withBase(href, prefix));
          return;
        }
        const src = node.properties?.['src'];
        if (typeof src !== 'string' || isRemote(src) || src.startsWith('/') || !ctx.fileURL) return;
        let original: number | undefined;
        try {
          original = (await sharp(resolve(dirname(fileURLToPath(ctx.fileURL)), decodeURI(src))).metadata()).width;
        } catch {
          // The content check reports unreadable photos by name; leave this one to Astro.
          return;
        }
        if (!original) return;
        ctx.setProperty(node, 'layout', 'constrained');
        ctx.setProperty(node, 'width', Math.min(original, width));
        ctx.setProperty(node, 'sizes', sizes);
      },
    },
  });
}

function withBase(href: string, prefix: string): string {
  const cut = href.search(/[?#]/);
  let path = cut === -1 ? href : href.slice(0, cut);
  const rest = cut === -1 ? '' : href.slice(cut);
  if (!path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) path = `${path}/`;
  if (prefix && path !== prefix && !path.startsWith(`${prefix}/`)) path = `${prefix}${path}`;
  return path + rest;
}
