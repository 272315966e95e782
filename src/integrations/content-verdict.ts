/**
 * The content check's verdict, passed from the publishing build to Astro's process. The
 * publishing build (scripts/build.ts) runs the check in a process of its own while Astro starts,
 * on the machine's other core, and Astro's content-check hook waits for the verdict instead of
 * checking again (src/integrations/content-check.ts): about a third of a second of every build at
 * 1,000 cases, taken off the time staff wait. Light on purpose: Astro's config loads it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeWhole } from '../utils/files.ts';

/** Set for Astro's process: where the verdict will be written. */
export const VERDICT_ENV = 'ZG_CONTENT_VERDICT';

/** What the check found, ready to print. */
export interface Verdict {
  /** Hints that do not stop the build (formatted), or empty. */
  notes: string;
  /** How many entries were checked. */
  entries: number;
  /** Files of drafts, which are not published. */
  drafts: string[];
  /** The report of problems (formatted), or empty when there are none. */
  report: string;
}

/** Writes the verdict whole (beside, then renamed), so a reader never sees half of it. */
export const writeVerdict = (file: string, verdict: Verdict): void => writeWhole(file, JSON.stringify(verdict));

/** Waits for the verdict in `file`; a check that never answers fails the build after `limitMs`. */
export async function awaitVerdict(file: string, limitMs = 600_000): Promise<Verdict> {
  const until = Date.now() + limitMs;
  while (!existsSync(file)) {
    if (Date.now() > until)
      return { notes: '', entries: 0, drafts: [], report: '✖ 内容检查没有在规定时间内完成，构建已停止。' };
    await sleep(10);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Verdict;
}
