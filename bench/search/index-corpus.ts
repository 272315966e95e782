/**
 * Indexes one built (or generated) site folder with the site's own indexer and prints its stats
 * as JSON. Run in its own process by run.ts, which samples its memory.
 */
import { buildSearchIndex } from '../../src/integrations/pagefind-index.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node bench/search/index-corpus.ts <site folder>');
const started = performance.now();
const stats = await buildSearchIndex(dir);
console.log(JSON.stringify({ ...stats, ms: performance.now() - started }));
