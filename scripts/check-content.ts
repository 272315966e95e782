/**
 * `npm run check:content`: checks every content file without a full build and prints every
 * problem at once. Exit code 1 when anything is wrong.
 */
import { fileURLToPath } from 'node:url';
import { checkContent } from '../src/validation/check.ts';
import { extraChecks } from '../src/validation/extra.ts';
import { formatProblems } from '../src/validation/problem.ts';

const root = process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const { problems, entries } = await checkContent(root, extraChecks);
const ms = Math.round(performance.now() - started);
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(`内容检查通过：${entries.length} 个条目，没有发现问题（用时 ${ms} 毫秒）。`);
