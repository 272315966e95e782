import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneUnusedOriginals } from '../../src/integrations/prune-originals.ts';
import { tempSite as site } from './temp-files.ts';

async function prune(dir: string): Promise<string[]> {
  const said: string[] = [];
  await pruneUnusedOriginals(dir, (message) => said.push(message));
  return said;
}

describe('unused photo originals', () => {
  it('are removed; every photo a page, style or script names is kept, however it is named', async () => {
    const dir = site({
      '_astro/srcset.aB1.webp': 'x',
      '_astro/src.cD2.avif': 'x',
      '_astro/style.eF3.png': 'x',
      '_astro/script.gH4.jpg': 'x',
      '_astro/坊巷.iJ5.jpg': 'x',
      '_astro/query.kL6.jpg': 'x',
      '_astro/original.mN7.jpg': 'x',
      '_astro/original.oP8.JPG': 'x',
      'index.html':
        '<img src="/_astro/src.cD2.avif" srcset="/_astro/srcset.aB1.webp 800w,/zhanguan/_astro/src.cD2.avif 1600w">' +
        '<img src="/_astro/%E5%9D%8A%E5%B7%B7.iJ5.jpg"><a href="_astro/query.kL6.jpg?download">下载</a>',
      '_astro/site.css': '.hero{background:url(/_astro/style.eF3.png)}',
      '_astro/app.js': 'const photo="/_astro/script.gH4.jpg";',
    });
    const said = await prune(dir);
    const kept = (name: string) => existsSync(join(dir, '_astro', name));
    for (const name of [
      'srcset.aB1.webp',
      'src.cD2.avif',
      'style.eF3.png',
      'script.gH4.jpg',
      '坊巷.iJ5.jpg',
      'query.kL6.jpg',
    ])
      expect(kept(name), name).toBe(true);
    expect(kept('original.mN7.jpg')).toBe(false);
    expect(kept('original.oP8.JPG')).toBe(false);
    expect(said).toEqual([expect.stringMatching(/^删除了 2 张没有被页面使用的原始照片/)]);
  });
});
