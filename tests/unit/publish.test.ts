/**
 * The publishing build, run for real on a copy of the project (never on the real dist/):
 * a case made with `npm run new` and a 6000 px phone photo builds into responsive AVIF/WebP;
 * drafts stay out of the pages, the sitemap and the search index but show in `astro dev`;
 * every page the build makes is one the link checker knows; and a failed build leaves the
 * published folder byte for byte as it was, saying so in Chinese.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/validation/check.ts';
import { siteRoutes } from '../../src/validation/routes.ts';
import { repoRoot } from './helpers.ts';
import { cleanEnv, filesBelow, projectCopy, run, treeHash } from './publish-project.ts';

const draftTitle = '仅供测试的草稿案例甲乙丙';
const draftTag = '草稿专用标签';
const photoTitle = '带手机照片的测试案例';

/** Turns a freshly scaffolded case into a finished one, the way the 编辑指南 tells staff to. */
function finish(text: string): string {
  return text
    .replace('summary: 待填写：用一两句话概括这个案例', 'summary: 测试用的摘要，说明这个案例做了什么。')
    .replace('draft: true', 'draft: false')
    .replace(
      '# cover:\n#   src: ./照片文件名.jpg\n#   alt: 照片内容的说明\n#   caption: 图注（可选）',
      'cover:\n  src: ./huodong.jpg\n  alt: 党员在夜校听课\n  caption: 夜校课堂',
    )
    .replace(
      /\n待填写：正文第一段。[\s\S]*$/,
      '\n第一段正文，见[干部夜校](/cases/fuzhou/ganbu-yexiao)和[大事记](/timeline/#1990-diaoyan-yue)。\n\n![夜校课堂的全景](./huodong.jpg)\n',
    );
}

let root: string;
let published: string;
let photoCase: string;

beforeAll(async () => {
  root = projectCopy('real', {
    'content/cases/fuzhou/draft-test.md': `---\ntitle: ${draftTitle}\nunit: 工委\nyear: 2024\nsummary: 草稿摘要。\nsources: [fzrb-2024-wunian]\ntags: [${draftTag}]\ndraft: true\n---\n\n草稿正文。\n`,
  });
  published = join(root, 'published');
  // A previous site, to be replaced by the first build and kept by the failed one.
  cpSync(join(repoRoot, 'public'), published, { recursive: true });
  writeFileSync(join(published, 'old-site.txt'), 'the site published before this build');

  // A phone photo: 6000 × 4000 px, with some detail so that it compresses like a real one.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="6000" height="4000"><rect width="6000" height="4000" fill="#b3261e"/><circle cx="3000" cy="2000" r="1500" fill="#e8c36a"/><text x="600" y="900" font-size="600" fill="#fff">6000×4000</text></svg>`;
  const photo = await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();

  const scaffolded = await run(
    'node',
    [
      'scripts/new.ts',
      'case',
      '--title',
      photoTitle,
      '--unit',
      '工委',
      '--year',
      '2024',
      '--source',
      'fzrb-2024-wunian',
      '--folder',
      'fuzhou',
      '--slug',
      'photo-test',
    ],
    root,
  );
  expect(scaffolded.code, scaffolded.output).toBe(0);
  photoCase = join(root, 'content/cases/fuzhou/photo-test.md');
  writeFileSync(photoCase, finish(readFileSync(photoCase, 'utf8')));
  writeFileSync(join(root, 'content/cases/fuzhou/huodong.jpg'), photo);
  // A second scaffolded case left untouched: a fresh template builds (as a draft).
  const untouched = await run(
    'node',
    [
      'scripts/new.ts',
      'case',
      '--title',
      '未动过的模板',
      '--unit',
      '工委',
      '--year',
      '2024',
      '--source',
      'fzrb-2024-wunian',
    ],
    root,
  );
  expect(untouched.code, untouched.output).toBe(0);
}, 60_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the publishing build on a copy of the project', () => {
  let build: Awaited<ReturnType<typeof run>>;

  it('builds the site and publishes it in place of the previous one', async () => {
    build = await run('node', ['scripts/build.ts'], root, { PUBLISH_DIR: published });
    expect(build.code, build.output.slice(-4000)).toBe(0);
    expect(build.output).toContain('✔ 构建成功，已发布到');
    // Only what staff can act on: no warning from Astro's own setup or the bundler, no colour codes.
    expect(build.output).not.toMatch(/Shiki|MODULE_LEVEL_DIRECTIVE|directive/);
    expect(build.output).not.toContain('\u001b[');
    expect(existsSync(join(published, 'index.html'))).toBe(true);
    expect(existsSync(join(published, 'old-site.txt'))).toBe(false);
    // The site it replaced is kept beside it, brought up to date, for the next build to start from
    // (src/integrations/kept-output.ts): the same files, the search index aside (the next index
    // writes its own), and a record of the page cache it matches.
    expect(
      readdirSync(root)
        .filter((n) => n.startsWith('.build-'))
        .sort(),
    ).toEqual(['.build-published', '.build-published.json']);
    const withoutIndex = (tree: Record<string, string>) =>
      Object.fromEntries(Object.entries(tree).filter(([f]) => !f.startsWith('pagefind/')));
    expect(withoutIndex(treeHash(join(root, '.build-published')))).toEqual(withoutIndex(treeHash(published)));
  }, 300_000);

  it('shows the cover photo as a <picture> of AVIF and WebP in several widths, with width and height', () => {
    const html = readFileSync(join(published, 'cases/fuzhou/photo-test/index.html'), 'utf8');
    expect(html).toContain(photoTitle);
    const picture = /<figure class="cover"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    expect(picture).toMatch(
      /<source srcset="[^"]+\.avif 480w, [^"]+\.avif 800w, [^"]+\.avif 1200w, [^"]+\.avif 1600w" type="image\/avif"/,
    );
    expect(picture).toMatch(/<source srcset="[^"]+\.webp 480w,[^"]+" type="image\/webp"/);
    expect(picture).toMatch(/<img [^>]*alt="党员在夜校听课"/);
    expect(picture).toMatch(/width="1600" height="1067"/);
    expect(picture).toContain('<figcaption');
    expect(picture).toContain('夜校课堂');
  });

  it('makes the photo in the body responsive too, and gives body links the trailing slash', () => {
    const html = readFileSync(join(published, 'cases/fuzhou/photo-test/index.html'), 'utf8');
    const img = /<img [^>]*alt="夜校课堂的全景"[^>]*>/.exec(html)?.[0] ?? '';
    expect(img).toMatch(/srcset="[^"]+\.webp 480w, [^"]+\.webp 800w, [^"]+\.webp 1200w, [^"]+\.webp 1600w"/);
    expect(img).toMatch(/width="800" height="533"/);
    expect(html).toContain('href="/cases/fuzhou/ganbu-yexiao/"');
  });

  it('never ships the 6000 px original: every version of the photo is at most 1600 px wide', async () => {
    const versions = filesBelow(join(published, '_astro')).filter((f) => f.startsWith('huodong.'));
    expect(versions.length).toBeGreaterThanOrEqual(12);
    const widths = await Promise.all(
      versions.map(async (f) => (await sharp(join(published, '_astro', f)).metadata()).width),
    );
    expect(Math.max(...widths)).toBe(1600);
    expect(versions.some((f) => f.endsWith('.avif')) && versions.some((f) => f.endsWith('.webp'))).toBe(true);
  });

  it('leaves drafts out of the pages, the sitemap and the search index', () => {
    expect(build.output).toContain('不会发布');
    expect(existsSync(join(published, 'cases/fuzhou/draft-test'))).toBe(false);
    expect(existsSync(join(published, 'cases/wei-dong-guo-de-mo-ban'))).toBe(false);
    const sitemap = readFileSync(join(published, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/cases/fuzhou/photo-test/');
    expect(sitemap).not.toContain('draft-test');
    expect(sitemap).not.toContain('wei-dong-guo');
    // Every file of the site, the search index decompressed, must not mention the draft.
    const texts = filesBelow(published)
      .filter((f) => !/\.(avif|webp|jpe?g|png|svg|woff2?)$/.test(f))
      .map((f) => {
        const bytes = readFileSync(join(published, f));
        try {
          return [f, gunzipSync(bytes).toString('utf8')] as const;
        } catch {
          return [f, bytes.toString('utf8')] as const;
        }
      });
    const search = texts.filter(([f]) => f.startsWith('pagefind/'));
    expect(search.length, 'the build writes a search index').toBeGreaterThan(0);
    expect(
      search.some(([, t]) => t.includes(photoTitle)),
      'the index is readable and has the new case',
    ).toBe(true);
    for (const [f, text] of texts) {
      expect(text.includes(draftTitle), f).toBe(false);
      expect(text.includes(draftTag), f).toBe(false);
      expect(text.includes('未动过的模板'), f).toBe(false);
    }
  });

  it('builds exactly the pages the link checker knows, and the anchors it accepts exist', async () => {
    const routes = siteRoutes(await checkContent(root));
    const built = filesBelow(published)
      .filter((f) => f.endsWith('index.html'))
      .map((f) => `/${f.slice(0, -'index.html'.length)}`);
    const known = (p: string) => routes.pages.has(p) || routes.open.some((prefix) => p.startsWith(prefix));
    expect(built.filter((p) => !known(p))).toEqual([]);
    const pages = [...routes.pages].filter((p) => p.endsWith('/') && p !== '/404/');
    expect(pages.filter((p) => !built.includes(p))).toEqual([]);
    for (const [page, ids] of routes.anchors) {
      const html = readFileSync(join(published, page, 'index.html'), 'utf8');
      expect(
        [...ids].filter((id) => !html.includes(`id="${id}"`)),
        page,
      ).toEqual([]);
    }
  });

  it('keeps the published folder byte for byte when the build fails, and says so', async () => {
    const before = treeHash(published);
    const good = readFileSync(photoCase, 'utf8');
    writeFileSync(photoCase, good.replace('year: 2024', 'year: 二〇二四'));
    writeFileSync(
      join(root, 'content/cases/fuzhou/broken.mdx'),
      readFileSync(photoCase, 'utf8').replace('第一段正文', '<section>第一段正文'),
    );
    const failed = await run('node', ['scripts/build.ts'], root, { PUBLISH_DIR: published });
    expect(failed.code).toBe(1);
    expect(failed.output).toContain('内容检查发现');
    expect(failed.output).toContain('✖ content/cases/fuzhou/photo-test.md 第');
    expect(failed.output).toContain('字段：year（年份）');
    expect(failed.output).toContain('✖ content/cases/fuzhou/broken.mdx 第');
    expect(failed.output).toContain('字段：（正文）');
    expect(failed.output).toContain('已发布的 ');
    expect(failed.output).toContain('保持原样，没有任何改动');
    expect(treeHash(published)).toEqual(before);
    expect(readdirSync(root).filter((n) => n.startsWith('.build-'))).toEqual([]);
    writeFileSync(photoCase, good);
    rmSync(join(root, 'content/cases/fuzhou/broken.mdx'));
  }, 120_000);
});

describe('drafts in the dev server', () => {
  it('shows a draft with the 草稿 mark in npm run dev', async () => {
    const port = Number(process.env['E2E_PORT'] ?? 4321) + 3;
    const dev = spawn('astro', ['dev', '--port', String(port)], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: cleanEnv({ CACHE_DIR: join(root, '.cache-astro-dev') }),
    });
    let log = '';
    dev.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    dev.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    try {
      const get = async (path: string) => {
        for (let i = 0; i < 240 && dev.exitCode === null; i++) {
          try {
            const response = await fetch(`http://127.0.0.1:${port}${path}`);
            if (response.ok) return await response.text();
          } catch {
            // not listening yet
          }
          await new Promise((r) => setTimeout(r, 500));
        }
        throw new Error(`dev server did not answer ${path}`);
      };
      const page = await get('/cases/fuzhou/draft-test/');
      expect(page).toContain(draftTitle);
      expect(page).toContain('草稿：仅在本地预览中显示，不会发布');
      const list = await get('/cases/');
      expect(list).toContain(draftTitle);
      expect(list).toMatch(/class="draft"[^>]*>草稿</);

      // Saving a file with a mistake prints the Chinese report in the terminal; the preview goes on.
      const draftFile = join(root, 'content/cases/fuzhou/draft-test.md');
      writeFileSync(draftFile, readFileSync(draftFile, 'utf8').replace('year: 2024', 'year: 二〇二四'));
      for (let i = 0; i < 60 && !log.includes('字段：year（年份）'); i++) await new Promise((r) => setTimeout(r, 500));
      expect(log).toContain('✖ content/cases/fuzhou/draft-test.md 第 4 行');
      expect(log).toContain('字段：year（年份）');
    } finally {
      if (dev.pid && dev.exitCode === null) process.kill(-dev.pid, 'SIGTERM');
    }
  }, 150_000);
});

describe('astro build on bad content', () => {
  it('stops with the Chinese report naming file and field, for a few of the corpus mistakes', async () => {
    // Two of them (the publishing build above fails on two others): each astro start takes a while.
    const cases: [string, string, string][] = [
      ['body-link-missing-page', '✖ content/cases/test-case.md 第 10 行', '字段：（正文中的链接）'],
      ['corrupt-image', '✖ content/cases/photo.jpg', '字段：cover.src（图片文件）'],
    ];
    const results = await Promise.all(
      cases.map(async ([name]) => {
        const copy = projectCopy('registry');
        cpSync(join(repoRoot, 'tests/fixtures/bad', name), copy, { recursive: true });
        const result = await run('astro', ['build'], copy, { OUT_DIR: join(copy, 'out') });
        rmSync(copy, { recursive: true, force: true });
        return result;
      }),
    );
    results.forEach(({ code, output }, i) => {
      const [name, where, field] = cases[i] ?? ['', '', ''];
      expect(code, name).not.toBe(0);
      expect(output, name).toContain('内容检查发现');
      expect(output, name).toContain(where);
      expect(output, name).toContain(field);
      expect(output, name).toContain('构建已停止，已发布的网站没有改动。');
      // The Chinese report is the whole message: no English error line from Astro above it.
      expect(output, name).not.toMatch(/unhandled error|\[ERROR\]|\bat .+:\d+:\d+/);
    });
  }, 180_000);
});
