/**
 * Byte budgets for what a visitor downloads (issue 8). Sizes are gzip at zlib's default level
 * (6), what a server sends with `gzip on`.
 */
import { gzipSync } from 'node:zlib';

export const budgets = {
  /** HTML + CSS + JS of a case page, gzipped, images excluded. */
  casePageBytes: 30 * 1024,
  /** JavaScript run on first load of a content page, gzipped (search and kiosk load on demand). */
  firstLoadJsBytes: 10 * 1024,
  /** Largest single image on a page, as downloaded at 1080 px wide. */
  imageBytes: 150 * 1024,
} as const;

/** Gzipped size of a text resource. */
export function gzipSize(body: Buffer | string): number {
  return gzipSync(body).length;
}

/** Text of the inline classic and module scripts in an HTML page (JSON data blocks excluded). */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attrs = '']) => !/\bsrc=/.test(attrs) && !/type=["']?(application\/(ld\+)?json|importmap)/.test(attrs))
    .map(([, , body = '']) => body)
    .filter((body) => body.trim().length > 0);
}

/** `12.3 KB` */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
