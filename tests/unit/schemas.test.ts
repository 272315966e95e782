import { describe, expect, it } from 'vitest';
import { caseFile, check } from './helpers.ts';

const file = 'content/cases/test-case.md';

describe('case frontmatter', () => {
  it('accepts a valid case', async () => {
    const { problems, entries } = await check({ [file]: caseFile() });
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.slug)).toEqual(['test-case']);
  });

  it('names the file and field of a missing required field', async () => {
    const { problems, report } = await check({ [file]: caseFile({ title: null }) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, field: 'title（标题）', found: '（未填写）' });
    expect(report).toContain('✖ content/cases/test-case.md');
    expect(report).toContain('这是必填字段');
  });

  it('rejects a year written in Chinese numerals', async () => {
    const { problems } = await check({ [file]: caseFile({ year: 'year: 二〇二三' }) });
    expect(problems[0]).toMatchObject({ file, line: 4, field: 'year（年份）', found: '"二〇二三"' });
    expect(problems[0]?.expected).toContain('四位阿拉伯数字');
  });

  it('reports an unknown field and suggests the intended one', async () => {
    const text = caseFile({ title: 'titel: 测试案例' });
    const { problems } = await check({ [file]: text });
    const unknown = problems.find((p) => p.found?.includes('未知字段'));
    expect(unknown).toMatchObject({ file, line: 2, field: 'titel', suggestion: '是否想写 "title"？' });
    // The missing title is reported in the same run.
    expect(problems.some((p) => p.field === 'title（标题）')).toBe(true);
  });

  it('reports a misspelt unit with the nearest registered name', async () => {
    const { problems } = await check({ [file]: caseFile({ unit: 'unit: 市纪委' }) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file,
      line: 3,
      field: 'unit（所属单位）',
      suggestion: '是否想写 "市纪委监委"？',
    });
  });

  it('accepts a unit by its alias', async () => {
    const { problems } = await check({ [file]: caseFile({ unit: 'unit: 福州市纪委监委' }) });
    expect(problems).toEqual([]);
  });

  it('limits the summary to 200 characters and says how long it was', async () => {
    const { problems } = await check({ [file]: caseFile({ summary: `summary: ${'字'.repeat(201)}` }) });
    expect(problems[0]).toMatchObject({ field: 'summary（摘要）', expected: '摘要最多 200 字' });
    expect(problems[0]?.found).toContain('共 201 字');
  });

  it('requires at least one source and checks source ids', async () => {
    const none = await check({ [file]: caseFile({ sources: 'sources: []' }) });
    expect(none.problems[0]).toMatchObject({ field: 'sources（来源）', expected: '至少需要一个来源' });
    const typo = await check({ [file]: caseFile({ sources: 'sources:\n  - fzrb-2024-shija' }) });
    expect(typo.problems[0]).toMatchObject({
      field: 'sources[0]（来源）',
      suggestion: '是否想写 "fzrb-2024-shijia"？',
    });
  });

  it('checks figure dates and approximation words', async () => {
    const figures = `figures:\n  - label: 活动\n    value: 410\n    approx: 大约\n    unit: 场次\n    asOf: 2024年`;
    const { problems } = await check({ [file]: caseFile({ figures }) });
    const fields = problems.map((p) => p.field);
    expect(fields).toContain('figures[0].approx（约数标记）');
    expect(fields).toContain('figures[0].asOf（截至日期）');
  });

  it('requires alt text on a cover photo', async () => {
    const { problems } = await check({ [file]: caseFile({ cover: 'cover:\n  src: ./photo.jpg' }) });
    expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining(['cover.alt（图片说明（替代文字））']));
    expect(problems.some((p) => p.field === 'cover.src（图片文件）' && p.found?.includes('找不到'))).toBe(true);
  });

  it('reports malformed YAML with its line', async () => {
    const { problems } = await check({ [file]: '---\ntitle: "未闭合\nunit: 市纪委监委\n---\n\n正文\n' });
    expect(problems[0]).toMatchObject({ file, field: '（文件头格式）' });
    expect(problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('reports a tab used for indentation', async () => {
    const { problems } = await check({ [file]: caseFile({ sources: 'sources:\n\t- fzrb-2024-shijia' }) });
    expect(problems[0]?.found).toContain('Tab');
  });

  it('reports every problem of every file in one run', async () => {
    const { problems } = await check({
      'content/cases/a.md': caseFile({ year: 'year: 二〇二三' }),
      'content/cases/b.md': caseFile({ unit: 'unit: 不存在的单位' }),
      'content/cases/c.md': caseFile({}, ''),
    });
    expect(new Set(problems.map((p) => p.file))).toEqual(
      new Set(['content/cases/a.md', 'content/cases/b.md', 'content/cases/c.md']),
    );
    expect(problems.find((p) => p.file === 'content/cases/c.md')?.found).toBe('正文为空');
  });

  it('refuses two files with the same slug', async () => {
    const { problems } = await check({ 'content/cases/a.md': caseFile(), 'content/cases/a.mdx': caseFile() });
    expect(problems.some((p) => p.found?.includes('同名'))).toBe(true);
  });

  it('refuses a file name that cannot be a URL', async () => {
    const { problems } = await check({ 'content/cases/新案例.md': caseFile() });
    expect(problems[0]).toMatchObject({ file: 'content/cases/新案例.md', field: '（文件名）' });
  });

  it('checks links to halls, routes and related cases', async () => {
    const { problems } = await check({
      [file]: caseFile({ hall: 'hall: no-such-hall', related: 'related: [missing-case]' }),
    });
    expect(problems.map((p) => p.field)).toEqual(['hall（关联展馆）', 'related[0]（相关案例）']);
  });
});

describe('hall and route frontmatter', () => {
  it('rejects an unknown hall kind and a route with one stop', async () => {
    const hall = `---\nname: 测试馆\nunit: 市纪委监委\nkind: 大馆\nsummary: 摘要\nsources: [fzrb-2024-shijia]\n---\n\n正文\n`;
    const route = `---\nname: 测试航线\nsummary: 摘要\nsources: [fzrb-2024-shijia]\nstops:\n  - name: 起点\n---\n\n正文\n`;
    const { problems } = await check({ 'content/halls/h.md': hall, 'content/routes/r.md': route });
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/halls/h.md', field: 'kind（类型）', found: '"大馆"' }),
      expect.objectContaining({
        file: 'content/routes/r.md',
        field: 'stops（航程）',
        expected: '航线至少需要起点和终点两项',
      }),
    ]);
  });

  it('accepts a hall without a unit, and no longer knows 总馆', async () => {
    const hall = (kind: string) =>
      `---\nname: 测试馆\nkind: ${kind}\nsummary: 摘要\nsources: [fzrb-2024-shijia]\n---\n\n正文\n`;
    expect((await check({ 'content/halls/h.md': hall('分馆') })).problems).toEqual([]);
    const { problems } = await check({ 'content/halls/h.md': hall('总馆') });
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'kind（类型）',
        found: '"总馆"',
        expected: '类型只能是 分馆、展馆、教育基地 之一',
      }),
    ]);
  });

  it('tells a place from a stretch of water on a route, and refuses any other kind', async () => {
    const route = (kind: string) =>
      `---\nname: 测试航线\nsummary: 摘要\nsources: [fzrb-2024-shijia]\nstops:\n  - name: 甲码头\n  - name: 环岛\n    kind: ${kind}\n  - name: 乙码头\n---\n\n正文\n`;
    const ok = await check({ 'content/routes/r.md': route('水路') });
    expect(ok.problems).toEqual([]);
    const { problems } = await check({ 'content/routes/r.md': route('航段') });
    expect(problems).toEqual([
      expect.objectContaining({
        field: expect.stringContaining('stops[1].kind'),
        found: '"航段"',
        expected: expect.stringContaining('只能是 地点 或 水路'),
      }),
    ]);
  });
});

describe('flags in the registries', () => {
  it('accepts one featured series and one preface milestone', async () => {
    const { problems } = await check({
      'content/series.yaml': '- id: top\n  name: 十佳\n  featured: true\n- id: more\n  name: 其他\n',
      'content/timeline.yaml':
        "- id: m-one\n  date: '1994'\n  title: 起点\n  source: fzrb-2024-shijia\n  preface: true\n",
    });
    expect(problems).toEqual([]);
  });

  it('reports a second featured series and a second preface milestone, naming the file, the line and the flag', async () => {
    const { problems } = await check({
      'content/series.yaml': '- id: top\n  name: 十佳\n  featured: true\n- id: more\n  name: 其他\n  featured: true\n',
      'content/timeline.yaml':
        "- id: m-one\n  date: '1994'\n  title: 起点\n  source: fzrb-2024-shijia\n  preface: true\n" +
        "- id: m-two\n  date: '1995'\n  title: 又一个起点\n  source: fzrb-2024-shijia\n  preface: true\n",
    });
    expect(problems).toHaveLength(2);
    const [series, milestone] = problems;
    expect(series).toMatchObject({ file: 'content/series.yaml', line: 4, field: 'featured（重点展示）' });
    expect(series?.found).toContain('"more"');
    expect(series?.expected).toContain('"top"');
    expect(milestone).toMatchObject({ file: 'content/timeline.yaml', line: 6, field: 'preface（首页序言）' });
    expect(milestone?.found).toContain('"m-two"');
  });

  it('rejects a flag that is not true or false', async () => {
    const { problems } = await check({ 'content/series.yaml': '- id: top\n  name: 十佳\n  featured: 是\n' });
    expect(problems.map((p) => [p.file, p.field])).toEqual([['content/series.yaml', '[0].featured（重点展示）']]);
  });
});
