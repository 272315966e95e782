/**
 * The 编辑台 in a real browser: a staff member creates a case with a photo, edits a hall, adds a
 * milestone; the files written pass the checker and are what `npm run new` plus editing by hand
 * would give. Writes from another site, without the token or outside content/ are refused; a
 * file changed on disk meanwhile is not overwritten; the checker's words appear at the field.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { scaffold } from '../../scripts/new.ts';
import { checkContent } from '../../src/validation/check.ts';
import { extraChecks } from '../../src/validation/extra.ts';
import { axeResults, axeSummary } from '../gates/watch.ts';
import { copyOfContent, deskUrl, startDesk, tokenOf, type RunningDesk } from './desk.ts';

let desk: RunningDesk;
test.beforeAll(async () => {
  desk = await startDesk();
});
test.afterAll(async () => {
  await desk?.stop();
});

const quiet = { print: () => {} };

/** Text as Windows Notepad saves it in “ANSI” on a Chinese system (GBK). */
function iconvGbk(text: string): Uint8Array {
  // Node decodes GBK but has no encoder: invert the decoder over the two-byte range.
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (lo !== 0x7f && ch.length === 1 && !table.has(ch)) table.set(ch, (hi << 8) | lo);
    }
  return new Uint8Array(
    [...text].flatMap((ch) => {
      if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
      const code = table.get(ch);
      if (code === undefined) throw new Error(`no GBK code for ${ch}`);
      return [code >> 8, code & 0xff];
    }),
  );
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** Replaces the body in the Markdown editor as a person would: select all, type. */
async function typeBody(page: Page, text: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

async function problemsOf(root: string, file: string) {
  const { problems } = await checkContent(root, extraChecks);
  return problems.filter((p) => p.file === file);
}

test('creates a complete case with a photo: the file is what npm run new and editing by hand give', async ({
  page,
}) => {
  const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#b03030' } })
    .jpeg()
    .toBuffer();
  await page.goto(deskUrl);
  await page.getByRole('button', { name: '新建案例' }).click();
  await expect(page.getByRole('heading', { name: '新建案例' })).toBeFocused();
  await page.getByLabel('放在哪个文件夹（content/cases/ 下）').selectOption('fuzhou');
  await field(page, '标题（必填）').fill('测试夜校讲堂');
  await field(page, '单位（必填）').fill('市纪委监委');
  await field(page, '年份（必填）').fill('2024');
  await field(page, '摘要（必填）').fill('测试用的摘要，一句话。');
  await page.getByRole('button', { name: '添加一项：来源' }).click();
  await field(page, '来源').fill('fzrb-2024-shijia');
  await page.getByRole('button', { name: '添加一项：标签' }).click();
  await field(page, '标签').fill('干部培训');
  await page.locator('input[type="file"]').setInputFiles({ name: 'ketang.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(page.getByText(/已保存照片 content\/cases\/fuzhou\/ketang\.jpg：\d+ KB，1200 × 800 像素/)).toBeVisible();
  await expect(field(page, '图片文件（必填）')).toHaveValue('./ketang.jpg');
  await field(page, '图片说明（替代文字）（必填）').fill('测试照片的说明');
  await page.getByRole('checkbox', { name: '草稿' }).uncheck();
  await typeBody(page, '测试正文第一段。\n\n测试正文第二段。');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText('已保存 content/cases/fuzhou/ce-shi-ye-xiao-jiang-tang.md');
  await expect(page.getByRole('heading', { name: '修改案例：测试夜校讲堂' })).toBeVisible();

  const file = 'content/cases/fuzhou/ce-shi-ye-xiao-jiang-tang.md';
  const written = readFileSync(join(desk.root, file), 'utf8');
  // The same case made in the terminal, then edited by hand.
  const other = copyOfContent();
  const created = await scaffold(
    [
      'case',
      '--title',
      '测试夜校讲堂',
      '--unit',
      '市纪委监委',
      '--year',
      '2024',
      '--source',
      'fzrb-2024-shijia',
    ].concat(['--folder', 'fuzhou']),
    quiet,
    other,
  );
  expect(created.file).toBe(file);
  const byHand = readFileSync(join(other, file), 'utf8')
    .replace('summary: 待填写：用一两句话概括这个案例', 'summary: 测试用的摘要，一句话。')
    .replace('tags: []', 'tags: [干部培训]')
    .replace(
      '# cover:\n#   src: ./照片文件名.jpg\n#   alt: 照片内容的说明\n#   caption: 图注（可选）\n',
      'cover:\n  src: ./ketang.jpg\n  alt: 测试照片的说明\n',
    )
    .replace('draft: true', 'draft: false')
    .replace(/\n---\n[\s\S]*$/, '\n---\n\n测试正文第一段。\n\n测试正文第二段。\n');
  expect(written).toBe(byHand);
  expect(readFileSync(join(desk.root, 'content/cases/fuzhou/ketang.jpg'))).toEqual(photo);
  expect(await problemsOf(desk.root, file)).toEqual([]);
});

test('edits a hall: changed fields in place, a new field where the template puts it, the rest untouched', async ({
  page,
}) => {
  const file = 'content/halls/guling-gushi-zhanguan.md';
  const before = readFileSync(join(desk.root, file), 'utf8');
  await page.goto(deskUrl);
  await page.getByLabel('类型').selectOption('hall');
  await page.getByRole('button', { name: /“鼓岭故事”展馆/ }).click();
  await expect(page.getByRole('heading', { name: '修改展馆：“鼓岭故事”展馆' })).toBeVisible();
  await field(page, '摘要（必填）').fill('测试修改后的摘要。');
  await field(page, '开放时间').fill('测试开放时间');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText(`已保存 ${file}`);
  const after = readFileSync(join(desk.root, file), 'utf8');
  const summary = /^summary: .*$/m.exec(before)?.[0] ?? '';
  const address = /^address: .*$/m.exec(before)?.[0] ?? '';
  expect(after).toBe(
    before.replace(summary, 'summary: 测试修改后的摘要。').replace(address, `${address}\nhours: 测试开放时间`),
  );
  expect(await problemsOf(desk.root, file)).toEqual([]);
});

test('adds a milestone: content/timeline.yaml gets what npm run new -- timeline appends', async ({ page }) => {
  await page.goto(deskUrl);
  await page.getByRole('button', { name: '新建大事记' }).click();
  await field(page, '日期（必填）').fill('2024-05');
  await field(page, '标题（必填）').fill('测试大事一则');
  await field(page, '来源（必填）').fill('fzrb-2024-shijia');
  await page.getByRole('button', { name: '添加一项：主题' }).click();
  await field(page, '主题').fill('机关党建');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText('已保存 content/timeline.yaml');
  const other = copyOfContent();
  await scaffold(
    [
      'timeline',
      '--title',
      '测试大事一则',
      '--date',
      '2024-05',
      '--source',
      'fzrb-2024-shijia',
      '--themes',
      '机关党建',
    ],
    quiet,
    other,
  );
  const file = 'content/timeline.yaml';
  expect(readFileSync(join(desk.root, file), 'utf8')).toBe(readFileSync(join(other, file), 'utf8'));
  expect(await problemsOf(desk.root, file)).toEqual([]);
});

test('bad input: the checker’s words at the field, and saving as published is refused', async ({ page }) => {
  await page.goto(deskUrl);
  await page.getByRole('button', { name: '新建案例' }).click();
  await field(page, '单位（必填）').fill('不存在的单位');
  await field(page, '年份（必填）').fill('二〇二四');
  await field(page, '标题（必填）').fill('');
  const at = (label: string) =>
    page
      .locator('.field')
      .filter({ has: field(page, label) })
      .locator('.problem');
  await expect(at('年份（必填）')).toContainText('发现："二〇二四"');
  await expect(at('年份（必填）')).toContainText('年份应为四位阿拉伯数字');
  await expect(at('单位（必填）')).toContainText('"不存在的单位"（单位名录中没有）');
  await expect(at('标题（必填）')).toContainText('这是必填字段');
  await expect(field(page, '年份（必填）')).toHaveAttribute('aria-invalid', 'true');
  expect(axeSummary(await axeResults(page))).toEqual([]);
  await page.getByRole('checkbox', { name: '草稿' }).uncheck();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText('改好之前只能存为草稿');
  expect(existsSync(join(desk.root, 'content/cases/fuzhou/xin-tiao-mu.md'))).toBe(false);
});

test('a file changed on disk since it was opened is not overwritten', async ({ page }) => {
  const file = 'content/cases/fuzhou/ganbu-yexiao.md';
  await page.goto(deskUrl);
  await page.getByRole('button', { name: /市直机关干部夜校/ }).click();
  await expect(page.getByRole('heading', { name: /修改案例/ })).toBeVisible();
  const changed = `${readFileSync(join(desk.root, file), 'utf8')}\n别人刚加的一段。\n`;
  writeFileSync(join(desk.root, file), changed);
  await field(page, '摘要（必填）').fill('我的修改。');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText('在打开之后被别人或别的程序改过了');
  expect(readFileSync(join(desk.root, file), 'utf8')).toBe(changed);
  await page.getByRole('button', { name: '重新打开' }).click();
  await expect(page.locator('.cm-content')).toContainText('别人刚加的一段。');
});

test('a file saved as GBK (Notepad’s “ANSI”) is named as such, shown readably and saved back as UTF-8', async ({
  page,
}) => {
  const file = 'content/cases/fuzhou/bianma-ceshi.md';
  const text =
    '---\ntitle: 编码测试案例\nunit: 市纪委监委\nyear: 2024\nsummary: 测试用的摘要。\nsources:\n  - fzrb-2024-shijia\ndraft: true\n---\n\n测试正文。\n';
  writeFileSync(join(desk.root, file), iconvGbk(text));
  await page.goto(deskUrl);
  await page.getByRole('button', { name: /编码测试案例/ }).click();
  await expect(field(page, '单位（必填）')).toHaveValue('市纪委监委');
  await expect(page.locator('#problems-other')).toContainText('文件不是 UTF-8 编码，很可能是 GBK 编码');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText(`已保存 ${file}`);
  expect(new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(desk.root, file)))).toBe(text);
});

test.describe('writes that must be refused, and write nothing', () => {
  let other: Server;
  test.beforeAll(async () => {
    // A page of another site, on another port of the same machine.
    other = createServer((_, res) => res.end('<!doctype html><title>其他网站</title>'));
    await new Promise<void>((done) => other.listen(5519, '127.0.0.1', done));
  });
  test.afterAll(() => new Promise<void>((done) => other.close(() => done())));

  const save = (file: string) => ({
    kind: 'case',
    file,
    data: { title: '被篡改' },
    body: '被篡改',
    version: null,
  });

  test('from a page of another site, without the token, with another Origin, outside content/', async ({
    page,
    request,
  }) => {
    const target = 'content/cases/fuzhou/ganbu-yexiao.md';
    const before = readFileSync(join(desk.root, target), 'utf8');
    // A page of another site posting to the desk: it cannot read the token, and its Origin differs.
    await page.goto('http://127.0.0.1:5519/');
    const status = await page.evaluate(async (url) => {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({
            kind: 'case',
            data: { title: '外站' },
            body: 'x',
            folder: 'fuzhou',
            slug: 'wai-zhan',
          }),
        });
        return res.status;
      } catch {
        return 'blocked';
      }
    }, `${deskUrl}api/save`);
    expect([403, 'blocked']).toContain(status);
    expect(existsSync(join(desk.root, 'content/cases/fuzhou/wai-zhan.md'))).toBe(false);

    const token = await tokenOf(deskUrl);
    const origin = deskUrl.replace(/\/$/, '');
    const noToken = await request.post(`${deskUrl}api/save`, { headers: { origin }, data: save(target) });
    expect(noToken.status()).toBe(403);
    expect((await noToken.json()).message).toContain('口令');
    const otherOrigin = await request.post(`${deskUrl}api/save`, {
      headers: { origin: 'http://127.0.0.1:5519', 'x-desk-token': token },
      data: save(target),
    });
    expect(otherOrigin.status()).toBe(403);
    expect((await otherOrigin.json()).message).toContain('拒绝来自其他网站');
    expect(readFileSync(join(desk.root, target), 'utf8')).toBe(before);

    // With the token and the right Origin, paths outside content/ are still refused.
    const outsideDir = join(desk.root, 'outside');
    mkdirSync(outsideDir, { recursive: true });
    writeFileSync(join(outsideDir, 'x.md'), '---\ntitle: 外面\n---\n\n外面\n');
    symlinkSync(outsideDir, join(desk.root, 'content/cases/link'));
    const headers = { origin, 'x-desk-token': token };
    for (const file of [
      '../outside/x.md',
      'content/../outside/x.md',
      join(outsideDir, 'x.md'),
      'content/cases/link/x.md',
    ]) {
      const res = await request.post(`${deskUrl}api/save`, { headers, data: save(file) });
      expect(res.status(), file).toBe(400);
      expect((await res.json()).message, file).toContain('只读写 content/ 文件夹里的文件');
    }
    const photo = await request.post(`${deskUrl}api/photo?dir=content/../outside&name=a.jpg`, {
      headers,
      data: Buffer.from('x'),
    });
    expect(photo.status()).toBe(400);
    expect(readFileSync(join(outsideDir, 'x.md'), 'utf8')).toBe('---\ntitle: 外面\n---\n\n外面\n');
    expect(existsSync(join(outsideDir, 'a.jpg'))).toBe(false);

    const big = await request.post(`${deskUrl}api/check`, {
      headers,
      data: { kind: 'case', data: {}, body: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(big.status()).toBe(413);
  });

  test('a photo the checker would refuse is refused with the checker’s words', async ({ page }) => {
    await page.goto(deskUrl);
    await page.getByRole('button', { name: /市直机关干部夜校/ }).click();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'broken.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('这不是照片') });
    await expect(page.locator('.photo-info')).toContainText('无法读取这张图片');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'IMG_0001.HEIC', mimeType: 'image/heic', buffer: Buffer.from('heic') });
    await expect(page.locator('.photo-info')).toContainText('HEIC 格式的照片');
    await expect(page.locator('.photo-info')).toContainText('照片格式为 JPG、PNG、WebP 或 AVIF');
    expect(existsSync(join(desk.root, 'content/cases/fuzhou/broken.jpg'))).toBe(false);
    expect(existsSync(join(desk.root, 'content/cases/fuzhou/IMG_0001.HEIC'))).toBe(false);
  });
});

test('keyboard only: find a case, change it, save with Enter; the list is axe-clean', async ({ page }) => {
  await page.goto(deskUrl);
  expect(axeSummary(await axeResults(page))).toEqual([]);
  await page.getByLabel('搜索标题、单位或文件名').focus();
  await page.keyboard.type('鼓楼区检察院');
  await expect(page.locator('#list-count')).toHaveText('共 1 条');
  // Past the filters to the one result.
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /鼓楼区检察院/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /修改案例/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(field(page, '标题（必填）')).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type('（测试）');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('已保存 content/cases/fuzhou/gulou-jianchayuan.md');
  expect(readFileSync(join(desk.root, 'content/cases/fuzhou/gulou-jianchayuan.md'), 'utf8')).toMatch(
    /^title: .*（测试）$/m,
  );
});
