/**
 * `npm run build`: builds the site into a fresh folder and publishes it as dist/ only when the
 * build (content checks and search index included) succeeds. A failed build leaves the
 * published dist/ exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

const target = process.env['PUBLISH_DIR'] ?? 'dist';
const stamp = `${Date.now()}-${process.pid}`;
const stage = `.build-${stamp}`;
const previous = `.build-old-${stamp}`;

const result = spawnSync('astro', ['build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, OUT_DIR: `./${stage}` },
});

if (result.status !== 0) {
  rmSync(stage, { recursive: true, force: true });
  console.error(`\n✖ 构建失败：已发布的 ${target}/ 保持原样，没有任何改动。请按上面的提示修改后重新运行。`);
  process.exit(1);
}

// Swap in the new build: two renames, so dist/ is never half-written.
mkdirSync(dirname(target), { recursive: true });
if (existsSync(target)) renameSync(target, previous);
renameSync(stage, target);
rmSync(previous, { recursive: true, force: true });
console.log(`\n✔ 构建成功，已发布到 ${target}/`);
