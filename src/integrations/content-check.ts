import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../validation/check.ts';
import { formatNotes, formatProblems } from '../validation/problem.ts';
import { extraChecks } from '../validation/extra.ts';
import { awaitVerdict, type Verdict, VERDICT_ENV } from './content-verdict.ts';

/** Checks the project at `root`: what the build prints and whether it stops. */
export async function contentVerdict(root: string): Promise<Verdict> {
  const { problems, notes, entries } = await checkContent(root, extraChecks);
  return {
    notes: notes.length > 0 ? formatNotes(notes) : '',
    entries: entries.length,
    drafts: entries.filter((e) => e.data['draft'] === true).map((e) => e.file),
    report: problems.length > 0 ? formatProblems(problems) : '',
  };
}

/**
 * Runs the staff-facing content checks before Astro loads any collection, so a mistake stops
 * the build with the Chinese report instead of a stack trace. In dev it only warns, so the
 * preview keeps running while the file is being fixed, and checks again whenever a content file
 * is saved. In the publishing build the check runs beside Astro, and this hook waits for its
 * verdict (content-verdict.ts).
 */
export function contentCheck(): AstroIntegration {
  let root = '';
  return {
    name: 'zhanguan:content-check',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        const given = process.env[VERDICT_ENV];
        const { notes, drafts, report } =
          command === 'build' && given ? await awaitVerdict(given) : await contentVerdict(root);
        if (notes) logger.warn(`\n${notes}`);
        if (command === 'build' && drafts.length > 0)
          logger.info(`${drafts.length} 个草稿（draft: true）不会发布：${drafts.join('、')}`);
        if (!report) return;
        if (command === 'build') {
          // Not thrown: Astro would open an error from a hook with its own English line and stack.
          // The report is the whole message; the exit code fails the build (scripts/build.ts then
          // leaves the published site as it was).
          console.error(`\n${report}\n\n构建已停止，已发布的网站没有改动。`);
          process.exit(1);
        }
        logger.warn(`\n${report}`);
      },
      'astro:server:setup': ({ server, logger }) => {
        const content = join(root, 'content') + sep;
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(content)) return;
          clearTimeout(timer);
          // Editors save several times in a row; check once they stop.
          timer = setTimeout(async () => {
            const { problems } = await checkContent(root, extraChecks);
            if (problems.length > 0) logger.warn(`\n${formatProblems(problems)}`);
            else logger.info('内容检查通过');
          }, 300);
        });
      },
    },
  };
}
