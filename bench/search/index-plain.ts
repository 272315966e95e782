/**
 * Indexes the pages of a site folder with plain Pagefind (no pair index), into
 * `<dir>/pagefind-plain/`: the baseline of `npm run bench:search` (the generated corpus's pages
 * below bench/) and of `npm run bench:build` (every page of a built site). Run in
 * its own process, whose memory and Pagefind's the caller samples.
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';

const [dir, glob = 'bench/**/*.html'] = process.argv.slice(2);
if (!dir) throw new Error('usage: node bench/search/index-plain.ts <site folder> [glob]');
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
if (!index || errors.length > 0) throw new Error(errors.join('; '));
const added = await index.addDirectory({ path: dir, glob });
if (added.errors.length > 0) throw new Error(added.errors.join('; '));
const written = await index.writeFiles({ outputPath: join(dir, 'pagefind-plain') });
if (written.errors.length > 0) throw new Error(written.errors.join('; '));
await pagefind.close();
console.log(JSON.stringify({ pages: added.page_count }));
