import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkContent } from '../../src/validation/check.ts';
import { extraChecks } from '../../src/validation/extra.ts';
import { formatProblems } from '../../src/validation/problem.ts';
import { writeFiles } from './temp-files.ts';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

/** A throw-away project with the fixture registries (tests/fixtures/registry) and the given files. */
export function tempProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'zhanguan-'));
  cpSync(join(repoRoot, 'tests', 'fixtures', 'registry'), join(root, 'content'), { recursive: true });
  writeFiles(root, files);
  return root;
}

/** Runs the staff-facing checker and returns its problems and printed report. */
export async function check(files: Record<string, string>) {
  const ctx = await checkContent(tempProject(files), extraChecks);
  return { problems: ctx.problems, report: formatProblems(ctx.problems), entries: ctx.entries };
}

/** A valid case file, with frontmatter lines replaceable by key. */
export function caseFile(overrides: Record<string, string | null> = {}, body = '正文第一段。\n'): string {
  const fields: Record<string, string> = {
    title: 'title: 测试案例',
    unit: 'unit: 市纪委监委',
    year: 'year: 2024',
    summary: 'summary: 一段不超过两百字的摘要。',
    sources: 'sources:\n  - fzrb-2024-shijia',
    ...Object.fromEntries(Object.entries(overrides).filter((e): e is [string, string] => e[1] !== null)),
  };
  for (const [k, v] of Object.entries(overrides)) if (v === null) delete fields[k];
  return `---\n${Object.values(fields).join('\n')}\n---\n\n${body}`;
}
