/** `npm run new`: questions or flags, the written template, safe file names. */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scaffold, ScaffoldError, type Io } from '../../scripts/new.ts';
import { checkContent } from '../../src/validation/check.ts';
import { extraChecks } from '../../src/validation/extra.ts';
import { splitFrontmatter } from '../../src/validation/yaml.ts';
import { repoRoot, tempProject } from './helpers.ts';

/** A project with the real unit, source and series registries, and no entries. */
function project(): string {
  const root = tempProject({});
  for (const f of ['units.yaml', 'sources.yaml', 'series.yaml'])
    cpSync(join(repoRoot, 'content', f), join(root, 'content', f));
  return root;
}

/** Answers questions in order, recording what was asked and printed. */
function scripted(answers: string[]): Io & { asked: string[]; printed: string[] } {
  const asked: string[] = [];
  const printed: string[] = [];
  return {
    asked,
    printed,
    ask: async (q) => {
      asked.push(q);
      const next = answers.shift();
      if (next === undefined) throw new Error(`no answer left for: ${q}`);
      return next;
    },
    print: (t) => printed.push(t),
  };
}
const quiet: Io = { print: () => {} };

const caseFlags = ['case', '--title', '干部夜校', '--unit', '工委', '--year', '2024', '--source', 'fzrb-2024-shijia'];

describe('npm run new -- case', () => {
  it('writes a commented draft with an ASCII file name from the Chinese title, that passes the check', async () => {
    const root = project();
    const created = await scaffold(caseFlags, quiet, root);
    expect(created).toEqual({ file: 'content/cases/ganbu-ye-xiao.md', url: '/cases/ganbu-ye-xiao/' });
    const text = readFileSync(join(root, created.file), 'utf8');
    const data = parse(splitFrontmatter(text)?.yaml ?? '') as Record<string, unknown>;
    expect(data).toMatchObject({
      title: '干部夜校',
      unit: '工委',
      year: 2024,
      sources: ['fzrb-2024-shijia'],
      draft: true,
    });
    expect(text).toContain('# 所属单位（必填）');
    const ctx = await checkContent(root, extraChecks);
    expect(ctx.problems).toEqual([]);
    expect(ctx.entries.map((e) => e.slug)).toEqual(['ganbu-ye-xiao']);
  });

  it('is caught by the check when published with the template text still in it', async () => {
    const root = project();
    const { file } = await scaffold(caseFlags, quiet, root);
    const full = join(root, file);
    writeFileSync(full, readFileSync(full, 'utf8').replace('draft: true', 'draft: false'));
    const { problems } = await checkContent(root, extraChecks);
    expect(problems.map((p) => p.field)).toEqual(['summary（摘要）', '（正文）', '（正文）']);
    expect(problems.every((p) => p.file === file && p.found?.includes('待填写'))).toBe(true);
  });

  it('never overwrites: a second file with the same title gets -2', async () => {
    const root = project();
    const first = await scaffold(caseFlags, quiet, root);
    writeFileSync(join(root, first.file), 'edited by hand');
    const second = await scaffold(caseFlags, quiet, root);
    expect(second.file).toBe('content/cases/ganbu-ye-xiao-2.md');
    expect(readFileSync(join(root, first.file), 'utf8')).toBe('edited by hand');
    // An .mdx of that name also counts as taken.
    writeFileSync(join(root, 'content/cases/ganbu-ye-xiao-3.mdx'), '');
    expect((await scaffold(caseFlags, quiet, root)).file).toBe('content/cases/ganbu-ye-xiao-4.md');
  });

  it('quotes a title that YAML would misread', async () => {
    const root = project();
    const { file } = await scaffold(
      ['case', ...caseFlags.slice(1, 2), '标题: 带冒号 #号', ...caseFlags.slice(3)],
      quiet,
      root,
    );
    const data = parse(splitFrontmatter(readFileSync(join(root, file), 'utf8'))?.yaml ?? '') as { title: string };
    expect(data.title).toBe('标题: 带冒号 #号');
  });

  it('puts a case of a series in the folder of that series', async () => {
    const root = project();
    cpSync(join(repoRoot, 'content/cases/putian'), join(root, 'content/cases/putian'), { recursive: true });
    const created = await scaffold(
      [
        'case',
        '--title',
        '新的莆田案例',
        '--unit',
        '莆田市统计局',
        '--year',
        '2021',
        '--source',
        'mzrb-2021-putian',
        '--series',
        'putian',
      ],
      quiet,
      root,
    );
    expect(created.file).toMatch(/^content\/cases\/putian\/[a-z0-9-]+\.md$/);
    expect(readFileSync(join(root, created.file), 'utf8')).toContain('\nseries: putian\n');
  });

  it('refuses a unit that is not registered, suggesting the nearest', async () => {
    const root = project();
    const run = scaffold(
      ['case', '--title', 'x', '--unit', '市纪委', '--year', '2024', '--source', 'fzrb-2024-shijia'],
      quiet,
      root,
    );
    await expect(run).rejects.toThrow(ScaffoldError);
    await expect(run).rejects.toThrow('是否想写“市纪委监委”');
  });

  it('says which flags are missing when there is no terminal to ask in', async () => {
    await expect(scaffold(['case', '--title', 'x'], quiet, project())).rejects.toThrow('缺少 --unit');
    await expect(scaffold(['case', '--title', 'x', '--unit', '工委'], quiet, project())).rejects.toThrow('缺少 --year');
    await expect(scaffold(['story'], quiet, project())).rejects.toThrow('“story” 不是其中之一');
  });

  it('asks in Chinese in a terminal: unit by part of its name, year, source by number, file name', async () => {
    const root = project();
    const io = scripted([
      '罗源鉴江', // title
      '鉴江', // part of a unit name
      '1', // pick from the matches
      '二〇二五', // a wrong year, asked again
      '2025', // year
      '', // no series
      '', // top-level folder
      '1', // the most recently published source
      '', // proposed file name
    ]);
    const created = await scaffold(['case'], io, root);
    expect(io.asked[0]).toBe('案例标题：');
    expect(io.asked[1]).toContain('所属单位');
    expect(io.printed).toContain('  年份请写四位阿拉伯数字，例如 2024');
    const sources = parse(readFileSync(join(root, 'content/sources.yaml'), 'utf8')) as { id: string; date: string }[];
    const newest = [...sources].sort((a, b) => b.date.localeCompare(a.date))[0];
    const data = parse(splitFrontmatter(readFileSync(join(root, created.file), 'utf8'))?.yaml ?? '') as Record<
      string,
      unknown
    >;
    expect(data['unit']).toMatch(/鉴江/);
    expect(data['year']).toBe(2025);
    expect(data['sources']).toEqual([newest?.id]);
    expect(created.file).toMatch(/^content\/cases\/luo-yuan-jian-jiang\.md$/);
    expect((await checkContent(root, extraChecks)).problems).toEqual([]);
  });

  it('registers a new article in sources.yaml when asked to', async () => {
    const root = project();
    const created = await scaffold(
      [
        'case',
        ...caseFlags.slice(1, 7),
        '--publisher',
        '福州日报',
        '--published',
        '2025-03-01',
        '--headline',
        '干部夜校开课',
      ],
      quiet,
      root,
    );
    const sources = parse(readFileSync(join(root, 'content/sources.yaml'), 'utf8')) as Record<string, string>[];
    expect(sources.at(-1)).toEqual({
      id: 'fzrb-2025-ganbuye',
      publisher: '福州日报',
      date: '2025-03-01',
      title: '干部夜校开课',
    });
    expect(readFileSync(join(root, created.file), 'utf8')).toContain('  - fzrb-2025-ganbuye');
    expect((await checkContent(root, extraChecks)).problems).toEqual([]);
  });
});

describe('npm run new -- hall and timeline', () => {
  it('writes a hall draft that passes the check', async () => {
    const root = project();
    const created = await scaffold(
      ['hall', '--name', '鼓岭展馆', '--unit', '工委', '--kind', '分馆', '--source', 'fzrb-2024-wunian'],
      quiet,
      root,
    );
    expect(created.url).toBe('/halls/gu-ling-zhan-guan/');
    expect(readFileSync(join(root, created.file), 'utf8')).toContain('kind: 分馆');
    expect((await checkContent(root, extraChecks)).problems).toEqual([]);
    await expect(scaffold(['hall', '--name', 'x', '--unit', '工委', '--kind', '大馆'], quiet, root)).rejects.toThrow(
      '类型只能是',
    );
  });

  it('appends a milestone to timeline.yaml, keeping what is there', async () => {
    const root = tempProject({});
    cpSync(join(repoRoot, 'content'), join(root, 'content'), { recursive: true });
    const before = readFileSync(join(root, 'content/timeline.yaml'), 'utf8');
    const created = await scaffold(
      [
        'timeline',
        '--title',
        '干部夜校开课',
        '--date',
        '2025-03',
        '--source',
        'fzrb-2025-bianfang',
        '--themes',
        '机关党建',
      ],
      quiet,
      root,
    );
    const after = readFileSync(join(root, 'content/timeline.yaml'), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    const list = parse(after) as Record<string, unknown>[];
    expect(list.at(-1)).toEqual({
      id: '2025-03-ganbu-ye-xiao-kai-ke',
      date: '2025-03',
      title: '干部夜校开课',
      themes: ['机关党建'],
      source: 'fzrb-2025-bianfang',
    });
    expect(created.url).toBe('/timeline/#2025-03-ganbu-ye-xiao-kai-ke');
    expect((await checkContent(root, extraChecks)).problems).toEqual([]);
    await expect(
      scaffold(['timeline', '--title', 'x', '--date', '2025年3月', '--source', 'fzrb-2025-bianfang'], quiet, root),
    ).rejects.toThrow('日期格式为 YYYY、YYYY-MM 或 YYYY-MM-DD');
  });
});

describe('npm run new as a command', () => {
  it('runs without a terminal from flags, and exits 1 with a Chinese message on a mistake', async () => {
    const root = project();
    const run = (args: string[]) =>
      new Promise<{ code: number; output: string }>((done) => {
        const child = spawn('node', [join(root, 'scripts/new.ts'), ...args], {
          cwd: root,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (d: Buffer) => (output += d.toString()));
        child.stderr.on('data', (d: Buffer) => (output += d.toString()));
        child.on('close', (code) => done({ code: code ?? 1, output }));
      });
    // The command writes into the project it belongs to, so it is run from a copy of scripts/.
    cpSync(join(repoRoot, 'scripts'), join(root, 'scripts'), { recursive: true });
    cpSync(join(repoRoot, 'src'), join(root, 'src'), { recursive: true });
    const { symlinkSync } = await import('node:fs');
    symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
    const ok = await run([
      'case',
      '--title',
      '干部夜校',
      '--unit',
      '工委',
      '--year',
      '2024',
      '--source',
      'fzrb-2024-shijia',
    ]);
    expect(ok.code, ok.output).toBe(0);
    expect(ok.output).toContain('✔ 已新建 content/cases/ganbu-ye-xiao.md');
    expect(existsSync(join(root, 'content/cases/ganbu-ye-xiao.md'))).toBe(true);
    const bad = await run(['case', '--titel', 'x']);
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('✖ 无法识别的参数');
  }, 60_000);
});

describe('a registry written as an empty list', () => {
  it('turns timeline.yaml from [] into a list with the new milestone', async () => {
    const root = project();
    await scaffold(
      ['timeline', '--title', '第一件大事', '--date', '2024', '--source', 'fzrb-2024-shijia'],
      quiet,
      root,
    );
    const list = parse(readFileSync(join(root, 'content/timeline.yaml'), 'utf8')) as { title: string }[];
    expect(list.map((m) => m.title)).toEqual(['第一件大事']);
    expect((await checkContent(root, extraChecks)).problems).toEqual([]);
  });
});
