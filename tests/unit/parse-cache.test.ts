/**
 * The content check's parse cache (src/validation/parse-cache.ts): a frontmatter parsed before
 * comes back as it was, still tells the line of any field, and cannot be changed by whoever used
 * it; a cache written by other code is not used; mistakes are still found by parsing.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ParseCache, rememberParses } from '../../src/validation/parse-cache.ts';
import type { Problem } from '../../src/validation/problem.ts';
import { parseYaml } from '../../src/validation/yaml.ts';
import { tempSite } from './temp-files.ts';

afterEach(() => rememberParses(undefined));

const source = 'title: 测试案例\nunit: 市委组织部\ntags: [甲, 乙]\n';

describe('the parse cache', () => {
  it('gives back a remembered frontmatter with its lines, to code of the same version only', () => {
    const file = join(tempSite({}), 'parses.bin');
    const first = new ParseCache(file, 'v1');
    rememberParses(first);
    const parsed = parseYaml(source, 'content/cases/a.md', 1, []);
    expect(parsed?.data).toEqual({ title: '测试案例', unit: '市委组织部', tags: ['甲', '乙'] });
    // What is stored is what a parse gave: shown here by storing something else under the text.
    first.set('yaml', source, { data: { title: '只在缓存里' } });
    first.save();

    rememberParses(new ParseCache(file, 'v1'));
    const again = parseYaml(source, 'content/cases/a.md', 1, []);
    expect(again?.data).toEqual({ title: '只在缓存里' });
    // Lines come from the text itself (parsed on demand), one line below the opening ---.
    expect(again?.lineOf(['unit'])).toBe(3);
    expect(again?.lineOf(['tags', 1])).toBe(4);
    (again?.data as { title: string }).title = '改掉';
    expect(parseYaml(source, 'content/cases/a.md', 1, [])?.data).toEqual({ title: '只在缓存里' });

    // Written by other code: not used.
    rememberParses(new ParseCache(file, 'v2'));
    expect(parseYaml(source, 'content/cases/a.md', 1, [])?.data).toEqual({
      title: '测试案例',
      unit: '市委组织部',
      tags: ['甲', '乙'],
    });
  });

  it('never remembers a frontmatter with a mistake: each run reports it', () => {
    const file = join(tempSite({}), 'parses.bin');
    const broken = 'title: 测试\n\tunit: 市委组织部\n';
    for (let run = 0; run < 2; run++) {
      const cache = new ParseCache(file, 'v1');
      rememberParses(cache);
      const problems: Problem[] = [];
      expect(parseYaml(broken, 'content/cases/a.md', 1, problems)).toBeUndefined();
      expect(problems.map((p) => p.line)).toEqual([3]);
      cache.save();
    }
  });
});
