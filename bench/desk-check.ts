/**
 * `npm exec -- node bench/desk-check.ts`: what the 编辑台's live check costs per edit. A copy of
 * the content gets PHOTOS phone-size photos (default 20); the first whole-content check (every
 * photo decoded, as `npm run check:content` does) is the baseline, then the check the desk runs
 * after each edit (the edited text laid over the disk, photos already known) is timed.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { checkContent } from '../src/validation/check.ts';
import { extraChecks } from '../src/validation/extra.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const count = Number(process.env['PHOTOS'] ?? 20);
const root = mkdtempSync(join(tmpdir(), 'zhanguan-bench-desk-'));
cpSync(join(repo, 'content'), join(root, 'content'), { recursive: true });
// Noise compresses like a photo: about 5 MB at 4000 × 3000, like a phone picture.
const photo = await sharp({
  create: {
    width: 4000,
    height: 3000,
    channels: 3,
    background: '#808080',
    noise: { type: 'gaussian', mean: 128, sigma: 30 },
  },
})
  .jpeg({ quality: 85 })
  .toBuffer();
for (let i = 0; i < count; i++) writeFileSync(join(root, 'content/cases/fuzhou', `bench-${i}.jpg`), photo);

const file = 'content/cases/fuzhou/ganbu-yexiao.md';
const text = readFileSync(join(root, file), 'utf8');
const time = async (overlay?: Map<string, string>) => {
  const started = performance.now();
  await checkContent(root, extraChecks, overlay ? { overlay } : {});
  return performance.now() - started;
};

const cold = await time();
const runs: number[] = [];
for (let i = 0; i < 5; i++)
  runs.push(await time(new Map([[file, text.replace('summary: ', `summary: 第${i}次修改，`)]])));
runs.sort((a, b) => a - b);
console.log(`${count} photos of ${(photo.length / 1024 / 1024).toFixed(1)} MB in content/`);
console.log(`baseline, first whole check (every photo decoded): ${Math.round(cold)} ms`);
console.log(`live check after an edit (median of 5):          ${Math.round(runs[2] ?? 0)} ms`);
rmSync(root, { recursive: true, force: true });
