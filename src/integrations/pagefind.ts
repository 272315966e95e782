import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize as normalizePath, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { runsAfterAstro } from './after-astro.ts';
import { BUNDLE, buildSearchIndex } from './pagefind-index.ts';

/** The index holds JSON and binary files (fragments, shards) only. */
const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
};

/**
 * Search index as part of the build: after Astro has written the site, the finished pages are
 * indexed into `<outDir>/pagefind/` (src/integrations/pagefind-index.ts; the folder and this
 * integration keep Pagefind's name, though Pagefind itself no longer runs). An indexing error fails
 * the build.
 *
 * `astro dev` has no fresh index (pages are rendered on request); the dev server serves the one
 * from the last `npm run build` in dist/, and the search page says so, or says how to make one.
 */
export function pagefindSearch(): AstroIntegration {
  let base = '/';
  let root = '';
  return {
    name: 'zhanguan:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
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
      'astro:build:done': async ({ dir, logger }) => {
        if (runsAfterAstro()) return;
        await buildSearchIndex(fileURLToPath(dir), (msg) => logger.info(msg));
      },
    },
  };
}
