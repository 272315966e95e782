/**
 * `npm run build`: builds the site into a fresh folder and publishes it as dist/ only when the
 * build (content checks and search index included) succeeds. A failed build leaves the
 * published dist/ exactly as it was. PUBLISH_DIR publishes somewhere else than dist/.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AFTER_ASTRO_ENV, configuredBase, configuredCacheDir, slashed } from '../src/integrations/after-astro.ts';
import { VERDICT_ENV, writeVerdict } from '../src/integrations/content-verdict.ts';
import { KEEP_OUTPUT_ENV, keepOutput, removeStaleOutput, takeKeptOutput } from '../src/integrations/kept-output.ts';

const target = resolve(process.env['PUBLISH_DIR'] ?? 'dist');
const shown = process.env['PUBLISH_DIR'] ?? 'dist';
const stamp = `${Date.now()}-${process.pid}`;
// Beside the target, so that the swap is a rename on one file system and never a copy. Always the
// same name: Astro's incremental build reuses pages only when the output folder is unchanged
// (its path ends up in the bundled code it hashes). Kept between builds, holding the site
// published before the current one (src/integrations/kept-output.ts).
const stage = join(dirname(target), `.build-${basename(target)}`);
const cacheDir = resolve(configuredCacheDir());
const previous = join(dirname(target), `.build-old-${basename(target)}-${stamp}`);
const lock = `${stage}.pid`;
const verdict = `${stage}.verdict.json`;

// NODE_ENV=production whatever the shell says, and none of the variables Astro would take as its
// own import.meta.env (PROD, DEV, MODE …): with those, drafts would be published.
// The search index, the pruning of photo originals and the service worker run here once Astro's
// process has ended (src/integrations/after-astro.ts), so its memory and theirs never add up.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  OUT_DIR: stage,
  [AFTER_ASTRO_ENV]: '1',
  [KEEP_OUTPUT_ENV]: '1',
  [VERDICT_ENV]: verdict,
};
for (const key of ['PROD', 'DEV', 'MODE', 'SSR', 'BASE_URL']) delete env[key];
// A smaller young generation for Astro's process: V8 sizes it by the machine's memory and then
// lets it grow to tens of MB; capped at 8 MB, the largest build process stays about 100 MB lower
// (first build of 1,000 cases: 830 instead of 910–950 MB) at the same speed. Unlike a heap limit,
// it cannot make a large build run out of memory: the young generation is only emptied more often.
env['NODE_OPTIONS'] = [process.env['NODE_OPTIONS'], '--max-semi-space-size=8'].filter(Boolean).join(' ');
// Written to a file or a CI log rather than a terminal: plain text, no colour codes.
if (!process.stdout.isTTY) {
  env['NO_COLOR'] = '1';
  delete env['FORCE_COLOR'];
}

mkdirSync(dirname(target), { recursive: true });
// One publishing build at a time per target; a folder left by a build that was killed is removed.
if (existsSync(lock)) {
  const pid = Number(readFileSync(lock, 'utf8'));
  let running = false;
  try {
    process.kill(pid, 0);
    running = pid !== process.pid;
  } catch {
    running = false;
  }
  if (running) {
    console.error(`✖ 另一个构建（进程 ${pid}）正在发布到 ${shown}/，请等它结束后再运行。`);
    process.exit(1);
  }
}
writeFileSync(lock, String(process.pid));
rmSync(verdict, { force: true });
process.on('exit', () => {
  rmSync(lock, { force: true });
  rmSync(verdict, { force: true });
});
// Files the build writes are modified at or after this time, read from the disk's own clock.
const started = statSync(lock).mtimeMs;
// The kept output, when it holds the site of the build that wrote the page cache; else removed.
takeKeptOutput(stage, cacheDir, started);
// The content check runs in a process of its own beside Astro's start; Astro's content-check
// hook waits for its verdict (src/integrations/content-verdict.ts). If it ends without one, the
// verdict says so and the build stops.
const checker = spawn(
  process.execPath,
  [fileURLToPath(new URL('./check-content.ts', import.meta.url)), '--verdict', verdict],
  {
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
checker.on('exit', (code) => {
  if (!existsSync(verdict))
    writeVerdict(verdict, {
      notes: '',
      entries: 0,
      drafts: [],
      report: `✖ 内容检查意外中止（退出码 ${code}），构建已停止。`,
    });
});
const status = await new Promise<number | null>((done) => {
  const astro = spawn('astro', ['build', ...process.argv.slice(2)], { stdio: 'inherit', env });
  astro.on('exit', (code) => done(code));
  astro.on('error', () => done(1));
});

const fail = () => {
  checker.kill();
  rmSync(stage, { recursive: true, force: true });
  console.error(`\n✖ 构建失败：已发布的 ${shown}/ 保持原样，没有任何改动。请按上面的提示修改后重新运行。`);
  process.exit(1);
};
if (status !== 0) fail();

console.log('\n生成搜索索引、清理未使用的原始照片、写出触摸屏离线缓存清单');
try {
  // What Astro neither wrote nor kept as an unchanged page is stale (a removed case, an old bundle).
  removeStaleOutput(stage, started, cacheDir);
  // Loaded only now: its modules (the pinyin tables above all) would otherwise sit in this
  // process's memory the whole time Astro runs.
  const { finishBuild } = await import('../src/integrations/finish.ts');
  const paths = { base: slashed(configuredBase()), root: process.cwd(), cacheDir };
  await finishBuild(stage, paths, (message) => console.log(`  ${message}`));
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  fail();
}

// Swap in the new build: two renames, so dist/ is never half-written.
const hadTarget = existsSync(target);
if (hadTarget) renameSync(target, previous);
try {
  renameSync(stage, target);
} catch (error) {
  if (hadTarget) renameSync(previous, target);
  rmSync(stage, { recursive: true, force: true });
  console.error(`\n✖ 无法替换 ${shown}/（${(error as Error).message}）：已发布的网站保持原样。`);
  process.exit(1);
}
// The site just replaced becomes the next build's starting point, brought up to date with the
// one published (with none replaced, the first build, a copy of the one published); if that
// fails, it is removed and the next build starts from the page cache.
try {
  if (hadTarget) renameSync(previous, stage);
  keepOutput(stage, target, started, cacheDir);
} catch {
  rmSync(previous, { recursive: true, force: true });
  rmSync(stage, { recursive: true, force: true });
}
console.log(`\n✔ 构建成功，已发布到 ${shown}/`);
