import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { nginxHeaders, sitePolicy } from '../security.ts';

/** Name of the nginx snippet written into the build output (deploy/nginx.conf includes it). */
export const NGINX_HEADERS_FILE = 'nginx-headers.conf';

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/**
 * After the build, writes the header version of the pages' Content-Security-Policy (one policy
 * that covers every page, plus frame-ancestors) as an nginx snippet next to the pages, so the
 * headers always match the build they are served with.
 */
export function securityHeaders(): AstroIntegration {
  return {
    name: 'zhanguan:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const policy = sitePolicy(
          (function* () {
            for (const file of htmlFiles(out)) yield readFileSync(file, 'utf8');
          })(),
        );
        writeFileSync(join(out, NGINX_HEADERS_FILE), nginxHeaders(policy));
        logger.info(`${NGINX_HEADERS_FILE}: Content-Security-Policy for the server headers`);
      },
    },
  };
}
