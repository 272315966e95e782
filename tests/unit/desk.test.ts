/** The 编辑台's file handling: confinement to content/, atomic writes, YAML written as a person would. */
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { contentPath, writeAtomic } from '../../scripts/edit/files.ts';
import { formOf } from '../../scripts/edit/form.ts';
import { applyToEntry, applyToListItem } from '../../scripts/edit/frontmatter.ts';
import { entryTemplate } from '../../scripts/lib/entry-files.ts';
import { caseSchema } from '../../src/schemas/index.ts';
import { decodeContent } from '../../src/validation/encoding.ts';
import type { Problem } from '../../src/validation/problem.ts';
import { splitFrontmatter } from '../../src/validation/yaml.ts';
import { repoRoot, tempProject } from './helpers.ts';

describe('contentPath', () => {
  const root = tempProject({ 'content/cases/a.md': 'x' });
  mkdirSync(join(root, 'elsewhere'));
  symlinkSync(join(root, 'elsewhere'), join(root, 'content', 'cases', 'link'));

  it('accepts files inside content/', () => {
    expect(contentPath(root, 'content/cases/a.md')).toBe(join(root, 'content', 'cases', 'a.md'));
    expect(contentPath(root, 'content/cases/new/b.md')).toBe(join(root, 'content', 'cases', 'new', 'b.md'));
  });

  it.each([
    '../x.md',
    'content/../x.md',
    'content/cases/../../x.md',
    '/etc/passwd',
    'C:\\Windows\\x.md',
    '\\\\server\\share\\x.md',
    'content',
    'src/pages/index.astro',
    'content/cases/link/x.md',
    'content//x.md',
    'content/./x.md',
  ])('refuses %s', (path) => {
    expect(() => contentPath(root, path)).toThrow('只读写 content/ 文件夹里的文件');
  });
});

describe('writeAtomic', () => {
  it('replaces a file in one step, and refuses to create over an existing one', () => {
    const root = tempProject({ 'content/cases/a.md': 'old' });
    const file = join(root, 'content/cases/a.md');
    writeAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(() => writeAtomic(file, 'other', true)).toThrow('已经存在');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(join(root, 'content/cases'))).toEqual(['a.md']);
  });
});

describe('frontmatter written as a person would', () => {
  const order = formOf('case').order;

  it('leaves every real content file byte for byte as it is when nothing changed', () => {
    const files = (readdirSync(join(repoRoot, 'content'), { recursive: true }) as string[]).filter((f) =>
      /\.mdx?$/.test(f),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = readFileSync(join(repoRoot, 'content', f), 'utf8');
      const parts = splitFrontmatter(text);
      if (!parts) continue;
      const data = parseDocument(parts.yaml).toJS() as Record<string, unknown>;
      expect(applyToEntry(text, data, parts.body, order), f).toBe(text);
    }
  });

  it('fills a field the template shows commented out where it stands, with its explanation line', () => {
    const template = entryTemplate('case', {
      title: '测试',
      unit: '市纪委监委',
      source: 'fzrb-2024-shijia',
      slug: 'ce-shi',
      url: '/cases/ce-shi/',
      year: 2024,
    });
    const data = parseDocument(splitFrontmatter(template)?.yaml ?? '').toJS() as Record<string, unknown>;
    const out = applyToEntry(
      template,
      { ...data, honours: ['某项荣誉'], cover: { src: './a.jpg', alt: '说明' } },
      'x',
      order,
    );
    expect(out).toContain('# 所获荣誉（可选），每行一项，照报道原文写：\nhonours:\n  - 某项荣誉\n# 关键数字');
    expect(out).toContain(
      '# 封面照片（可选）：把照片放在本文件旁边，alt 写清照片里是什么\ncover:\n  src: ./a.jpg\n  alt: 说明\n# 草稿',
    );
    expect(out).not.toContain('# honours:');
    expect(out).toContain('# figures:');
    // Removing the field again keeps the comment lines above it.
    const back = applyToEntry(out, { ...data, cover: { src: './a.jpg', alt: '说明' } }, 'x', order);
    expect(back).toContain('# 所获荣誉（可选），每行一项，照报道原文写：\n# 关键数字');
  });

  it('quotes dates as the templates do, and keeps [a, b] lists on one line', () => {
    const text = '---\ntitle: 测试\ntags: []\n---\n\n正文\n';
    const out = applyToEntry(
      text,
      { title: '测试', tags: ['甲', '乙'], figures: [{ label: '数', value: 1.8, unit: '万', asOf: '2024' }] },
      '正文',
      order,
    );
    expect(out).toContain('tags: [甲, 乙]');
    expect(out).toContain("asOf: '2024'");
  });

  it('changes one milestone and nothing else in content/timeline.yaml', () => {
    const text = readFileSync(join(repoRoot, 'content/timeline.yaml'), 'utf8');
    const doc = parseDocument(text);
    const item = doc.getIn([0]) as { toJSON: () => Record<string, unknown> };
    const data = item.toJSON();
    const out = applyToListItem(text, 0, { ...data, title: '测试标题' }, formOf('milestone').order);
    const before = text.split('\n');
    const after = out.split('\n');
    expect(after.length).toBe(before.length);
    expect(before.filter((line, i) => line !== after[i])).toEqual([`  title: ${String(data['title'])}`]);
  });
});

describe('forms come from the schemas', () => {
  it('every schema field has a place in the form, with the Chinese name first', () => {
    for (const kind of ['case', 'hall', 'route', 'milestone'] as const) {
      const form = formOf(kind);
      const keys = Object.keys((form.schema as { properties: object }).properties);
      for (const key of keys) expect(form.order, `${kind}.${key}`).toContain(key);
    }
    const { labels, help } = formOf('case');
    expect([labels['title'], labels['unit'], labels['year'], labels['summary'], labels['sources']]).toEqual([
      '标题',
      '单位',
      '年份',
      '摘要',
      '来源',
    ]);
    expect(help['year']).toContain('四位阿拉伯数字');
  });

  it('a field added to a schema appears in the form, with its description as help text', () => {
    const extended = caseSchema(z.string()).extend({
      /** A field a future issue might add. */
      venue: z.string().describe('活动地点：照报道写').optional(),
    });
    const form = formOf('case', extended);
    expect(form.order).toContain('venue');
    expect(form.order.indexOf('venue')).toBeLessThan(form.order.indexOf('draft'));
    const venue = (form.schema as { properties: Record<string, { description?: string }> }).properties['venue'];
    expect(venue?.description).toBe('活动地点：照报道写');
  });
});

describe('file encoding', () => {
  it('names UTF-16 (Notepad’s “Unicode”) as well as GBK', () => {
    const problems: Problem[] = [];
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: 测试\n', 'utf16le')]);
    expect(decodeContent(utf16, 'content/cases/a.md', problems)).toBeUndefined();
    expect(problems[0]?.found).toContain('UTF-16');
    const ok: Problem[] = [];
    expect(decodeContent(Buffer.from('标题', 'utf8'), 'a.md', ok)).toBe('标题');
    expect(ok).toEqual([]);
  });
});
