import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize as normalizePath, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { slashed } from './after-astro.ts';
import { BUNDLE } from '../search/shards.ts';

/** The index holds JSON and binary files (fragments, shards) only. */
const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
};

/**
 * The search index in `astro dev`, which has no fresh one (pages are rendered on request): the dev
 * server serves the one from the last `npm run build` in dist/, and the search page says so, or
 * says how to make one. The build writes the index into `<outDir>/pagefind/` (finish.ts,
 * pagefind-index.ts; the folder and this integration keep Pagefind's name, though Pagefind itself
 * no longer runs).
 */
export function pagefindSearch(): AstroIntegration {
  let base = '/';
  let root = '';
  return {
    name: 'zhanguan:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = slashed(config.base);
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': ({ server }) => {
        const published = join(root, process.env['PUBLISH_DIR'] ?? 'dist', BUNDLE);
        const prefix = `${base}${BUNDLE}/`;
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
          if (!path.startsWith(prefix)) return next();
          const file = normalizePath(join(published, path.slice(prefix.length)));
          if (!file.startsWith(published + sep) || !existsSync(file) || !statSync(file).isFile()) {
            res.statusCode = 404;
            res.end();
            return;
          }
          res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
          res.setHeader('Cache-Control', 'no-cache');
          createReadStream(file).pipe(res);
        });
      },
    },
  };
}
