/**
 * `npm run check:content [folder]`: checks every content file without a full build and prints
 * every problem at once. Exit code 1 when anything is wrong. The folder defaults to this project.
 * `--verdict <file>`: checks this project and writes the verdict for Astro's process instead of
 * printing it (the publishing build runs it so: src/integrations/content-verdict.ts), remembering
 * parses between builds (src/validation/parse-cache.ts).
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configuredCacheDir } from '../src/integrations/after-astro.ts';
import { contentVerdict } from '../src/integrations/content-check.ts';
import { writeVerdict } from '../src/integrations/content-verdict.ts';
import { ParseCache, parseCodeVersion, rememberParses } from '../src/validation/parse-cache.ts';

/** Checks the project at `root`, prints the report and returns the exit code. */
export async function checkCommand(
  root: string,
  out: { log: (text: string) => void; error: (text: string) => void } = console,
): Promise<number> {
  const started = performance.now();
  const { notes, entries, drafts, report } = await contentVerdict(root);
  const ms = Math.round(performance.now() - started);
  if (notes) out.log(notes);
  if (report) {
    out.error(report);
    return 1;
  }
  out.log(`内容检查通过：${entries} 个条目，没有发现问题（用时 ${ms} 毫秒）。`);
  if (drafts.length > 0)
    out.log(
      `其中 ${drafts.length} 个是草稿（draft: true），只在 npm run dev 预览中显示，不会发布：\n${drafts.map((f) => `  ${f}`).join('\n')}`,
    );
  return 0;
}

if (import.meta.main) {
  const project = fileURLToPath(new URL('..', import.meta.url));
  if (process.argv[2] === '--verdict' && process.argv[3]) {
    // The publishing build's check: the parses of unchanged files are remembered between builds
    // (kept in Astro's cache folder), and written after the verdict, which Astro waits for.
    const cache = new ParseCache(
      join(resolve(configuredCacheDir()), 'zg-content-check.bin'),
      parseCodeVersion(project),
    );
    rememberParses(cache);
    writeVerdict(process.argv[3], await contentVerdict(project));
    cache.save();
  } else process.exitCode = await checkCommand(process.argv[2] ?? project);
}
