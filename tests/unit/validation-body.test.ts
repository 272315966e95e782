/** The checks on entry bodies: MDX syntax, links, images, template marks, tag hints. */
import { mdxToJs } from 'satteri';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/validation/check.ts';
import { extraChecks } from '../../src/validation/extra.ts';
import { siteRoutes } from '../../src/validation/routes.ts';
import { caseFile, check, tempProject } from './helpers.ts';

const file = 'content/cases/test-case.md';
const mdx = 'content/cases/test-case.mdx';
/** Line of the first body line in a file made by caseFile(): after the 8 lines of frontmatter and a blank line. */
const body1 = 10;

describe('MDX syntax', () => {
  it('names the unclosed tag and its line in the file', async () => {
    const { problems } = await check({ [mdx]: caseFile({}, '第一段。\n\n<Figure src="a">\n\n说明\n') });
    expect(problems).toEqual([
      expect.objectContaining({ file: mdx, line: body1 + 2, field: '（正文）', found: '标签 <Figure> 没有结束' }),
    ]);
  });

  it('explains a closing tag that does not match', async () => {
    const { problems } = await check({ [mdx]: caseFile({}, '一\n\n二 <b>粗体</i>\n') });
    expect(problems[0]).toMatchObject({ line: body1 + 2, found: '结束标签 </i> 与前面的 <b> 不配对' });
  });

  it('explains an unclosed brace and how to write a literal one', async () => {
    const { problems } = await check({ [mdx]: caseFile({}, '一\n\n这是 {未闭合\n') });
    expect(problems[0]).toMatchObject({ line: body1 + 2, found: '大括号 { 没有配对的 }' });
    expect(problems[0]?.suggestion).toContain('\\{');
  });

  it('explains that an HTML comment, fine in .md, is not allowed in .mdx', async () => {
    const { problems } = await check({ [mdx]: caseFile({}, '一\n\n<!--\n写法示例\n-->\n') });
    expect(problems[0]).toMatchObject({ line: body1 + 2, found: 'MDX 中不能用 <!-- … --> 写注释' });
  });

  it('accepts the same text in a .md file, where < and { are plain text', async () => {
    const { problems } = await check({ [file]: caseFile({}, '一\n\n数量 a < b，{ 括号\n\n<b>粗体</b>\n') });
    expect(problems).toEqual([]);
  });

  it('accepts valid MDX with an import and a component', async () => {
    const text = caseFile({}, 'export const n = 1;\n\n# 标题\n\n<section class="x">\n\n文字 {n}\n\n</section>\n');
    expect((await check({ [mdx]: text })).problems).toEqual([]);
  });
});

describe('the checker and the build agree on MDX', () => {
  // The build compiles MDX with Sätteri, the checker with @mdx-js/mdx: what one refuses the other must refuse.
  const samples = {
    'unclosed tag': '第一段。\n\n<section>\n\n第二段。\n',
    'crossed tags': '二 <b>粗体</i>\n',
    'open brace': '这是 {未闭合\n',
    'less-than before a digit': '数量 a <3 是\n',
    'HTML comment': '一\n\n<!--\n注释\n-->\n',
    'unfinished attribute': '<Stat value={410 />\n',
    'less-than with spaces': '数量 a < b 是\n',
    'components and expressions':
      '# 标题\n\n<Stat figure="x" />\n\n文字 <Quote speaker="某" source="x">话</Quote> {1 + 1}\n',
  };
  for (const [name, body] of Object.entries(samples)) {
    it(name, async () => {
      let build = 'accepted';
      try {
        await mdxToJs(body);
      } catch {
        build = 'refused';
      }
      const { problems } = await check({ [mdx]: caseFile({}, body) });
      const syntax = problems.filter((p) => p.field === '（正文）');
      expect(syntax.length > 0 ? 'refused' : 'accepted').toBe(build);
    });
  }
});

describe('links in the body', () => {
  const other = 'content/cases/other.md';
  const links = async (body: string, extra: Record<string, string> = {}) =>
    (await check({ [file]: caseFile({}, body), [other]: caseFile({ title: 'title: 另一个' }), ...extra })).problems;

  it('accepts links to pages the site builds, with or without the trailing slash', async () => {
    const ok = [
      '[案例](/cases/other/)',
      '[案例](/cases/other)',
      '[列表](/cases/)',
      '[单位](/units/fz-jiwei/)',
      '[大事](/timeline/#2024-test)',
      '[来源](/sources/#fzrb-2024-shijia)',
      '[首页](/)',
      '[关于](/about/)',
      '[同级](../other/)',
      '[外部](https://www.fuzhou.gov.cn/)',
      '[邮件](mailto:a@b.cn)',
      '[本页](#top)',
    ];
    const timeline = "- id: 2024-test\n  date: '2024'\n  title: 大事\n  source: fzrb-2024-shijia\n";
    expect(await links(`${ok.join('\n\n')}\n`, { 'content/timeline.yaml': timeline })).toEqual([]);
  });

  it('reports a link to a page that does not exist, with the nearest page', async () => {
    const problems = await links('见[案例](/cases/othr/)。\n');
    expect(problems).toEqual([
      expect.objectContaining({
        file,
        line: body1,
        field: '（正文中的链接）',
        found: '"/cases/othr/"（网站上没有这个页面）',
        suggestion: '是否想写 "/cases/other/"？',
      }),
    ]);
  });

  it('checks links written as references and as HTML', async () => {
    const problems = await links('见[案例][a]，<a href="/halls/none/">展馆</a>\n\n[a]: /cases/none/\n');
    expect(problems.map((p) => p.found)).toEqual([
      '"/cases/none/"（网站上没有这个页面）',
      '"/halls/none/"（网站上没有这个页面）',
    ]);
  });

  it('reports an anchor that is not on the timeline', async () => {
    const problems = await links('[大事](/timeline/#no-such-milestone)\n');
    expect(problems[0]?.found).toContain('#no-such-milestone');
    expect(problems[0]?.expected).toContain('content/timeline.yaml');
  });

  it('turns a link to a Markdown file into the page address', async () => {
    const problems = await links('[另一个](./other.md)\n');
    expect(problems[0]).toMatchObject({
      found: '"./other.md" 指向内容文件，而不是网页',
      suggestion: '改为 /cases/other/',
    });
  });

  it('refuses a link to a draft, which production does not publish', async () => {
    const problems = await links('[草稿](/cases/draft/)\n', {
      'content/cases/draft.md': caseFile({ draft: 'draft: true' }),
    });
    expect(problems[0]?.found).toBe('"/cases/draft/" 指向草稿 content/cases/draft.md');
  });

  it('accepts a tag page by the pinyin of the tag', async () => {
    const tagged = caseFile({ tags: 'tags: [干部夜校]' });
    const ok = await check({ [file]: caseFile({}, '[标签](/tags/gan-bu-ye-xiao/)\n'), [other]: tagged });
    expect(ok.problems).toEqual([]);
    const bad = await check({ [file]: caseFile({}, '[标签](/tags/ganbu/)\n'), [other]: tagged });
    expect(bad.problems[0]?.found).toContain('/tags/ganbu/');
  });
});

describe('images in the body', () => {
  const png = () =>
    sharp({ create: { width: 8, height: 6, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();

  it('accepts a photo beside the file, in Markdown image syntax with alt text', async () => {
    const root = tempProject({ [file]: caseFile({}, '![活动现场](./photo.png)\n') });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${root}/content/cases/photo.png`, await png());
    expect((await checkContent(root, extraChecks)).problems).toEqual([]);
  });

  it('lists the photos that are in the folder when the name is wrong', async () => {
    const root = tempProject({ [file]: caseFile({}, '![活动现场](./Photo.PNG)\n') });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${root}/content/cases/photo.png`, await png());
    const { problems } = await checkContent(root, extraChecks);
    expect(problems[0]).toMatchObject({ field: '（正文中的图片）', line: body1 });
    expect(problems[0]?.suggestion).toContain('./photo.png');
  });

  it('refuses a raw <img> with a relative path, which would not be processed', async () => {
    const { problems } = await check({ [file]: caseFile({}, '<img src="./photo.jpg" alt="x">\n') });
    expect(problems[0]?.found).toBe('用 <img src="./photo.jpg"> 插入了照片');
  });

  it('checks files imported by an MDX body', async () => {
    const { problems } = await check({ [mdx]: caseFile({}, "import Box from './box.astro';\n\n<Box />\n") });
    expect(problems[0]).toMatchObject({ field: '（正文中的 import）', line: body1 });
  });

  it('names a photo that sharp cannot read, even when no file uses it yet', async () => {
    const { problems } = await check({ [file]: caseFile(), 'content/cases/broken.jpg': 'not a photo' });
    expect(problems).toEqual([expect.objectContaining({ file: 'content/cases/broken.jpg', field: '（照片文件）' })]);
    expect(problems[0]?.found).toContain('无法读取这张图片');
  });

  it('finds a photo cut off half way', async () => {
    const whole = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#36c' } })
      .jpeg()
      .toBuffer();
    const root = tempProject({ [file]: caseFile({ cover: 'cover:\n  src: ./half.jpg\n  alt: 照片' }) });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${root}/content/cases/half.jpg`, whole.subarray(0, whole.length / 2));
    const { problems } = await checkContent(root, extraChecks);
    expect(problems[0]).toMatchObject({ file: 'content/cases/half.jpg', field: 'cover.src（图片文件）' });
    expect(problems[0]?.found).toContain('被 content/cases/test-case.md 第 9 行 使用');
  });
});

describe('template marks and tags', () => {
  it('lets a draft keep the template marks, but not a published entry', async () => {
    const body = '待填写：正文第一段。\n';
    const draft = await check({ [file]: caseFile({ summary: 'summary: 待填写：摘要', draft: 'draft: true' }, body) });
    expect(draft.problems).toEqual([]);
    const published = await check({ [file]: caseFile({ summary: 'summary: 待填写：摘要' }, body) });
    expect(published.problems.map((p) => [p.field, p.line])).toEqual([
      ['summary（摘要）', 5],
      ['（正文）', body1],
    ]);
  });

  it('hints at a tag used once that is one character from a common tag, without failing', async () => {
    const ctx = await checkContent(
      tempProject({
        'content/cases/a.md': caseFile({ tags: 'tags: [干部夜校]' }),
        'content/cases/b.md': caseFile({ tags: 'tags: [干部夜校]' }),
        'content/cases/c.md': caseFile({ tags: 'tags: [干布夜校]' }),
      }),
      extraChecks,
    );
    expect(ctx.problems).toEqual([]);
    expect(ctx.notes).toEqual([
      expect.objectContaining({ file: 'content/cases/c.md', field: 'tags[0]（标签）', line: 8 }),
    ]);
    expect(ctx.notes[0]?.suggestion).toContain('"干部夜校"（2 处）');
  });
});

describe('site routes', () => {
  it('lists entry pages without drafts, unit pages, static pages and public files', async () => {
    const ctx = await checkContent(
      tempProject({
        'content/cases/fuzhou/a.md': caseFile({ tags: 'tags: [党建]' }),
        'content/cases/d.md': caseFile({ draft: 'draft: true' }),
      }),
    );
    const routes = siteRoutes(ctx);
    expect(routes.pages).toContain('/cases/fuzhou/a/');
    expect(routes.pages).not.toContain('/cases/d/');
    expect(routes.drafts.get('/cases/d/')).toBe('content/cases/d.md');
    expect(routes.pages).toContain('/units/fz-jiwei/');
    expect(routes.pages).toContain('/tags/dang-jian/');
    expect(routes.pages).toContain('/timeline/');
    expect(routes.pages).toContain('/');
    expect(routes.pages).toContain('/favicon.svg');
  });
});
