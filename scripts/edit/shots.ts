/**
 * `node scripts/edit/shots.ts`: the screenshots of the 编辑台 in docs/编辑指南.md, taken on a
 * temporary copy of content/ while adding a case with a photo the way the guide describes.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Locator } from '@playwright/test';
import sharp from 'sharp';
import { chromiumArgs, ensureChromium } from '../browser.ts';
import { startDesk } from './server.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const docs = join(repo, 'docs');
const root = mkdtempSync(join(tmpdir(), 'zhanguan-shots-'));
cpSync(join(repo, 'content'), join(root, 'content'), { recursive: true });
const desk = await startDesk({ root, port: Number(process.env['PORT'] ?? 5530) });
const browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', deviceScaleFactor: 1 });
const shot = async (name: string, target?: Locator) => {
  const path = join(docs, `编辑台-${name}.png`);
  const png = target ? await target.screenshot() : await page.screenshot();
  // A 256-colour palette keeps interface screenshots sharp at a third of the size.
  await sharp(png).png({ palette: true, compressionLevel: 9 }).toFile(path);
  console.log(`docs/编辑台-${name}.png`);
};
const field = (label: string) => page.getByLabel(label, { exact: true });

await page.goto(desk.url);
await page.getByRole('button', { name: '新建案例' }).click();
await page.getByLabel('放在哪个文件夹（content/cases/ 下）').selectOption('fuzhou');
await field('标题（必填）').fill('示例案例标题');
await field('单位（必填）').fill('市纪委监委');
await field('年份（必填）').fill('二〇二四');
const year = page.locator('.field').filter({ has: field('年份（必填）') });
await year.locator('.problem').getByText('年份应为四位阿拉伯数字').waitFor();
await page.evaluate(() => window.scrollTo(0, 0));
await shot('1-新建案例');
await year.evaluate((el) => el.scrollIntoView({ block: 'center' }));
await shot('2-字段下的提示', year);
await field('年份（必填）').fill('2024');
await field('摘要（必填）').fill('这里用一两句话概括这个案例。');
await page.getByRole('button', { name: '添加一项：来源' }).click();
await field('来源').fill('fzrb-2024-shijia');
const photo = await sharp({ create: { width: 1600, height: 1067, channels: 3, background: '#9c2a22' } })
  .jpeg({ quality: 80 })
  .toBuffer();
await page.locator('input[type="file"]').setInputFiles({ name: 'shili.jpg', mimeType: 'image/jpeg', buffer: photo });
await page.getByText(/已保存照片/).waitFor();
await field('图片说明（替代文字）（必填）').fill('示例照片：照片里是什么');
await page.waitForTimeout(1200);
await shot('3-照片', page.locator('fieldset').filter({ has: page.getByRole('button', { name: '选择照片' }) }));
await page.getByRole('button', { name: '保存' }).click();
await page.getByRole('status').getByText('已保存').waitFor();
await page.waitForTimeout(800);
await shot('4-已保存');

await browser.close();
await desk.close();
rmSync(root, { recursive: true, force: true });
