import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nginxHeaders, sitePolicy } from '../security.ts';
import { relativeFiles } from '../utils/files.ts';

/** Name of the nginx snippet written into the build output (deploy/nginx.conf includes it). */
export const NGINX_HEADERS_FILE = 'nginx-headers.conf';

/**
 * Writes the header version of the pages' Content-Security-Policy (one policy that covers every
 * page, plus frame-ancestors) as an nginx snippet next to the finished pages in `out`, so the
 * headers always match the build they are served with. A step of finishBuild (finish.ts): it
 * reads the pages as they are published, after the publishing build removed stale ones.
 */
export function writeSecurityHeaders(out: string): void {
  const policy = sitePolicy(
    (function* () {
      // A <meta> policy counts only in the head (browsers ignore one in the body): only the head
      // is decoded, a third of the page.
      for (const file of relativeFiles(out)) {
        if (!file.endsWith('.html')) continue;
        const bytes = readFileSync(join(out, file));
        const end = bytes.indexOf('</head>');
        yield bytes.toString('utf8', 0, end < 0 ? bytes.length : end);
      }
    })(),
  );
  writeFileSync(join(out, NGINX_HEADERS_FILE), nginxHeaders(policy));
}
