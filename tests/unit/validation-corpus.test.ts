/**
 * The corpus of bad content in tests/fixtures/bad/: one folder per mistake a staff member can
 * make, each laid over the test registries. For each, the checker must name the file and the
 * field in Chinese, and `npm run check:content <folder>` must exit non-zero.
 */
import { spawn } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/validation/check.ts';
import { extraChecks } from '../../src/validation/extra.ts';
import { formatProblems } from '../../src/validation/problem.ts';
import { checkCommand } from '../../scripts/check-content.ts';
import { repoRoot, tempProject } from './helpers.ts';

const corpus = join(repoRoot, 'tests', 'fixtures', 'bad');

interface Expectation {
  /** File named in the report (relative to the project). */
  file: string;
  /** Field named in the report. */
  field: string;
  /** Words the “found” part must contain. */
  found: string;
  /** Line in the file, where the checker can know it. */
  line?: number;
  /** Words the suggestion must contain. */
  suggestion?: string;
}

const file = 'content/cases/test-case.md';
const expectations: Record<string, Expectation> = {
  'missing-required-field': { file, field: 'title（标题）', found: '（未填写）' },
  'year-chinese-numerals': { file, field: 'year（年份）', found: '"二〇二三"', line: 4 },
  'unknown-field': { file, field: 'titel', found: '未知字段 "titel"', line: 2, suggestion: '"title"' },
  'yaml-unbalanced-quote': { file, field: '（文件头格式）', found: '引号' },
  'yaml-tab': { file, field: '（文件头格式）', found: 'Tab', line: 7 },
  'unknown-unit': { file, field: 'unit（所属单位）', found: '"市纪委"', line: 3, suggestion: '"市纪委监委"' },
  'summary-too-long': { file, field: 'summary（摘要）', found: '共 210 字', line: 5 },
  'cover-without-alt': { file, field: 'cover.alt（图片说明（替代文字））', found: '（未填写）' },
  'cover-missing-file': { file, field: 'cover.src（图片文件）', found: '找不到这个文件', line: 9 },
  'duplicate-slug': {
    file: 'content/cases/test-case.mdx',
    field: '（文件名）',
    found: '与 content/cases/test-case.md 同名',
  },
  'empty-body': { file, field: '（正文）', found: '正文为空' },
  'mdx-unclosed-tag': { file: 'content/cases/test-case.mdx', field: '（正文）', found: '<section> 没有结束', line: 12 },
  'body-link-missing-page': { file, field: '（正文中的链接）', found: '"/cases/no-such-case/"', line: 10 },
  'body-image-missing': { file, field: '（正文中的图片）', found: '"./no-such-photo.jpg"', line: 12 },
  'body-image-without-alt': { file, field: '（正文中的图片说明）', found: '没有说明文字', line: 12 },
  'unresolved-hall': { file, field: 'hall（关联展馆）', found: '"no-such-hall"', line: 8 },
  'unresolved-case': { file, field: 'related[0]（相关案例）', found: '"no-such-case"', line: 9 },
  'unresolved-route': { file, field: 'route（关联航线）', found: '"no-such-route"', line: 8 },
  'unresolved-source': {
    file,
    field: 'sources[0]（来源）',
    found: '"fzrb-2024-shija"',
    suggestion: 'fzrb-2024-shijia',
  },
  'corrupt-image': { file: 'content/cases/photo.jpg', field: 'cover.src（图片文件）', found: '无法读取这张图片' },
  'unsupported-image': { file: 'content/cases/photo.heic', field: 'cover.src（图片文件）', found: 'HEIC 格式' },
  'bad-file-name': { file: 'content/cases/测试案例.md', field: '（文件名）', found: '"测试案例"' },
  'template-text-left': { file, field: 'summary（摘要）', found: '待填写', line: 5 },
  'link-to-draft': { file, field: '（正文中的链接）', found: '指向草稿 content/cases/draft-case.md' },
  'gbk-encoding': {
    file,
    field: '（文件编码）',
    found: '文件不是 UTF-8 编码，很可能是 GBK 编码（Windows 记事本中叫“ANSI”）',
    line: 2,
    suggestion: '文件 → 另存为 → 下方“编码”选 UTF-8',
  },
  'historic-from-not-a-stop': {
    file: 'content/routes/test-route.md',
    field: 'historic.from（出发地）',
    found: '"台江老码头"',
    line: 9,
  },
  'timeline-unresolved-link': {
    file: 'content/timeline.yaml',
    field: '[0].link.case（关联案例）',
    found: '"no-such-case"',
  },
};

/** A project made of the test registries with one corpus folder laid over them. */
function project(name: string): string {
  const root = tempProject({});
  cpSync(join(corpus, name), root, { recursive: true });
  return root;
}

function checkCli(root: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn('npm', ['run', '--silent', 'check:content', '--', root], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

describe('bad content corpus', () => {
  const folders = readdirSync(corpus).sort();

  it('has an expectation for every folder, and a folder for every expectation', () => {
    expect(folders).toEqual(Object.keys(expectations).sort());
  });

  for (const name of folders) {
    it(`${name}: the report names the file and the field`, async () => {
      const want = expectations[name];
      if (!want) throw new Error(`no expectation for ${name}`);
      const { problems } = await checkContent(project(name), extraChecks);
      const hit = problems.find((p) => p.file === want.file && p.field === want.field);
      expect(hit, formatProblems(problems)).toBeDefined();
      expect(hit?.found).toContain(want.found);
      expect(hit?.expected.length).toBeGreaterThan(4);
      if (want.line !== undefined) expect(hit?.line).toBe(want.line);
      if (want.suggestion !== undefined) expect(hit?.suggestion).toContain(want.suggestion);
      const report = formatProblems(problems);
      expect(report).toContain(`✖ ${want.file}${want.line ? ` 第 ${want.line} 行` : ''}`);
      expect(report).toContain(`字段：${want.field}`);
    });
  }

  it('gbk-encoding: one message about the encoding, not a garbled unit name', async () => {
    const { problems } = await checkContent(project('gbk-encoding'), extraChecks);
    expect(problems.filter((p) => p.file === file)).toEqual([
      {
        file,
        line: 2,
        field: '（文件编码）',
        found: '文件不是 UTF-8 编码，很可能是 GBK 编码（Windows 记事本中叫“ANSI”），里面的中文会变成乱码',
        expected: '内容文件一律用 UTF-8 编码保存',
        suggestion:
          '在记事本中：文件 → 另存为 → 下方“编码”选 UTF-8 → 保存（覆盖原文件）；WPS 或其他编辑器在“编码”菜单中选 UTF-8。保存后重新检查',
      },
    ]);
  });

  it('the check:content command returns exit code 1 with the Chinese report, for every folder', async () => {
    for (const name of folders) {
      const want = expectations[name];
      let output = '';
      const code = await checkCommand(project(name), { log: (t) => (output += t), error: (t) => (output += t) });
      expect(code, `${name}\n${output}`).toBe(1);
      expect(output, name).toContain('内容检查发现');
      expect(output, name).toContain(`✖ ${want?.file}`);
      expect(output, name).toContain(`字段：${want?.field}`);
    }
  });

  it('npm run check:content <folder> as a process: exit code 1 on bad content, 0 on good', async () => {
    const [bad, good] = await Promise.all([checkCli(project('mdx-unclosed-tag')), checkCli(tempProject({}))]);
    expect(bad.code, bad.output).toBe(1);
    expect(bad.output).toContain('✖ content/cases/test-case.mdx 第 12 行');
    expect(bad.output).toContain('标签 <section> 没有结束');
    expect(good.code, good.output).toBe(0);
    expect(good.output).toContain('内容检查通过');
  }, 60_000);

  it('reports the mistakes of the whole corpus at once, in one fast run', async () => {
    const root = tempProject({});
    // Each folder's entries go into a folder of their own; these three would clash or mislead there.
    const together = folders.filter((n) => !['duplicate-slug', 'link-to-draft', 'bad-file-name'].includes(n));
    for (const name of together) {
      if (name === 'timeline-unresolved-link')
        cpSync(join(corpus, name, 'content'), join(root, 'content'), { recursive: true });
      else
        for (const collection of readdirSync(join(corpus, name, 'content')))
          cpSync(join(corpus, name, 'content', collection), join(root, 'content', collection, name), {
            recursive: true,
          });
    }
    const started = performance.now();
    const { problems } = await checkContent(root, extraChecks);
    const ms = performance.now() - started;
    const where = (p: { file: string }) =>
      p.file === 'content/timeline.yaml' ? 'timeline-unresolved-link' : p.file.split('/')[2];
    expect(new Set(problems.map(where))).toEqual(new Set(together));
    expect(ms).toBeLessThan(10_000);
  });
});
