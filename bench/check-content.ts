/**
 * `node bench/check-content.ts` (through npm: `npm exec -- node bench/check-content.ts`): how long
 * `npm run check:content` takes on the real content, check by check, and on a collection ten
 * times as large (every case copied ten times, with its photos, into a temporary project).
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent, type ExtraCheck } from '../src/validation/check.ts';
import { extraChecks } from '../src/validation/extra.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

async function measure(label: string, project: string): Promise<void> {
  // Warm up module loading and sharp once, then take the median of five runs.
  await checkContent(project, extraChecks);
  const runs: number[] = [];
  let entries = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    entries = (await checkContent(project, extraChecks)).entries.length;
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label}: ${entries} entries, median ${Math.round(runs[2] ?? 0)} ms (of 5 runs)`);
  const timed = extraChecks.map((check): [string, ExtraCheck] => [check.name, check]);
  const base = performance.now();
  const ctx = await checkContent(project);
  console.log(`  frontmatter, registries, references: ${Math.round(performance.now() - base)} ms`);
  for (const [name, check] of timed) {
    const started = performance.now();
    await check(ctx);
    console.log(`  ${name}: ${Math.round(performance.now() - started)} ms`);
  }
}

await measure('real content', root);

const big = mkdtempSync(join(tmpdir(), 'zhanguan-bench-'));
cpSync(join(root, 'content'), join(big, 'content'), { recursive: true });
const cases = join(big, 'content', 'cases');
for (const folder of readdirSync(cases).filter((n) => statSync(join(cases, n)).isDirectory()))
  for (let n = 2; n <= 10; n++) cpSync(join(cases, folder), join(cases, `${folder}-${n}`), { recursive: true });
await measure('ten times the cases', big);
rmSync(big, { recursive: true, force: true });
