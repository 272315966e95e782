/**
 * Builds only the search index over an already built site folder (used by bench/build/run.ts to
 * measure the index apart from the Astro build). Usage: node bench/build/index-only.ts <dir>
 */
import { resolve } from 'node:path';
import { buildSearchIndex } from '../../src/integrations/pagefind-index.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node bench/build/index-only.ts <built site folder>');
await buildSearchIndex(resolve(dir), (msg) => console.log(msg));
