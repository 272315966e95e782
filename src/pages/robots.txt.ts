import type { APIRoute } from 'astro';
import { absoluteUrl } from '../utils/url.ts';

/** robots.txt: everything may be indexed; points crawlers to the sitemap at the configured address. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap-index.xml', site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
