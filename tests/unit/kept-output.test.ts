/**
 * The publishing build's kept output (src/integrations/kept-output.ts), on small folders: which
 * files count as stale after a build, how the folder a build replaced is brought up to date, and
 * when a kept folder is used at all. The real build over it is tested in incremental.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepOutput, removeStaleOutput, takeKeptOutput } from '../../src/integrations/kept-output.ts';
import { filesBelow } from './publish-project.ts';
import { tempSite, writeFiles } from './temp-files.ts';

/** Astro's manifest of cached pages, listing `outputs`. */
const manifest = (outputs: string[]) =>
  JSON.stringify({
    routes: {
      'src/pages/cases/[...slug].astro': {
        paths: Object.fromEntries(outputs.map((o) => [`/${o}`, { outputFile: o }])),
      },
    },
  });

/** Makes `files` in `dir` look written long before now. */
const age = (dir: string, files: string[]) => {
  for (const f of files) utimesSync(join(dir, f), 1_000_000, 1_000_000);
};

describe('the kept output', () => {
  it('after a build, deletes what Astro neither wrote nor kept as an unchanged page; the index folder and written files stay', () => {
    const cache = tempSite({ 'incremental-build.json': manifest(['cases/a/index.html']) });
    const out = tempSite({
      'cases/a/index.html': 'kept page',
      'cases/gone/index.html': 'a removed case',
      '_astro/old.js': 'an old bundle',
      'pagefind/zg-search.json': 'the index',
    });
    age(out, ['cases/a/index.html', 'cases/gone/index.html', '_astro/old.js', 'pagefind/zg-search.json']);
    const since = Date.now() - 1000;
    writeFiles(out, { 'index.html': 'written by this build', '_astro/new.js': 'a new bundle' });
    expect(removeStaleOutput(out, since, cache)).toBe(2);
    expect(filesBelow(out).sort()).toEqual(
      ['_astro/new.js', 'cases/a/index.html', 'index.html', 'pagefind/zg-search.json'].sort(),
    );
    // The folder of the removed case went with it.
    expect(existsSync(join(out, 'cases/gone'))).toBe(false);
  });

  it('brings the replaced site up to date with the published one, and records the page cache it matches', () => {
    const cache = tempSite({ 'incremental-build.json': manifest([]) });
    const kept = tempSite({ 'a.html': 'same', 'b.html': 'old b', 'gone.html': 'removed', 'pagefind/x': 'old index' });
    const published = tempSite({ 'a.html': 'same', 'b.html': 'new b', 'c.html': 'added', 'pagefind/y': 'new index' });
    age(published, ['a.html']);
    keepOutput(kept, published, Date.now() - 1000, cache);
    expect(filesBelow(kept).sort()).toEqual(['a.html', 'b.html', 'c.html', 'pagefind/x']);
    expect(readFileSync(join(kept, 'b.html'), 'utf8')).toBe('new b');
    expect(readFileSync(join(kept, 'c.html'), 'utf8')).toBe('added');
    // Two folders, never one file: the published copy is not the kept one.
    expect(statSync(join(kept, 'b.html')).ino).not.toBe(statSync(join(published, 'b.html')).ino);
    expect(existsSync(`${kept}.json`)).toBe(true);
    // Used by the next build with the same cache: the record is taken, the folder stays.
    expect(takeKeptOutput(kept, cache, Date.now() + 1000)).toBe(true);
    expect(existsSync(`${kept}.json`)).toBe(false);
    expect(existsSync(kept)).toBe(true);
    // Without a record (a build failed half way), it is removed.
    expect(takeKeptOutput(kept, cache, Date.now() + 1000)).toBe(false);
    expect(existsSync(kept)).toBe(false);
  });

  it('after the first build, which replaced no site, is a copy of the one published', () => {
    const cache = tempSite({ 'incremental-build.json': manifest([]) });
    const parent = tempSite({ 'site/a.html': 'a', 'site/cases/b/index.html': 'b', 'site/pagefind/x': 'index' });
    const kept = join(parent, '.build-site');
    keepOutput(kept, join(parent, 'site'), Date.now() + 60_000, cache);
    expect(filesBelow(kept).sort()).toEqual(['a.html', 'cases/b/index.html']);
    expect(takeKeptOutput(kept, cache, Date.now() + 1000)).toBe(true);
  });

  it('is removed when the clock went back since it was kept (its files could pass for new ones)', () => {
    const cache = tempSite({ 'incremental-build.json': manifest([]) });
    const parent = tempSite({ 'site/a.html': 'a' });
    const kept = join(parent, '.build-site');
    keepOutput(kept, join(parent, 'site'), Date.now(), cache);
    const recordTime = statSync(`${kept}.json`).mtimeMs;
    expect(takeKeptOutput(kept, cache, recordTime - 5000)).toBe(false);
    expect(existsSync(kept)).toBe(false);
  });

  it('is removed when the page cache is not the one it was kept for', () => {
    const cache = tempSite({ 'incremental-build.json': manifest(['a.html']) });
    const parent = tempSite({ 'site/a.html': 'a' });
    const kept = join(parent, '.build-site');
    writeFiles(kept, { 'a.html': 'a' });
    keepOutput(kept, join(parent, 'site'), Date.now(), cache);
    writeFileSync(join(cache, 'incremental-build.json'), manifest(['a.html', 'b.html']));
    expect(takeKeptOutput(kept, cache, Date.now() + 1000)).toBe(false);
    expect(readdirSync(parent)).toEqual(['site']);
  });
});
