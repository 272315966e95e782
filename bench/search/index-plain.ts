/**
 * Indexes the pages of a generated corpus with plain Pagefind (no pair index), into
 * `<dir>/pagefind-plain/`, as the baseline of `npm run bench:search`. Run in its own process by
 * run.ts, which samples the memory of it and of Pagefind.
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node bench/search/index-plain.ts <site folder>');
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
if (!index || errors.length > 0) throw new Error(errors.join('; '));
const added = await index.addDirectory({ path: dir, glob: 'bench/**/*.html' });
if (added.errors.length > 0) throw new Error(added.errors.join('; '));
const written = await index.writeFiles({ outputPath: join(dir, 'pagefind-plain') });
if (written.errors.length > 0) throw new Error(written.errors.join('; '));
await pagefind.close();
console.log(JSON.stringify({ pages: added.page_count }));
