/** One mistake in one content file, described for the person who wrote it. */
export interface Problem {
  /** Path relative to the project root, e.g. content/cases/foo.md. */
  file: string;
  /** 1-based line in the file, where known. */
  line?: number | undefined;
  /** The field, e.g. `unit（所属单位）`. */
  field: string;
  /** What was found, already quoted for display. */
  found?: string | undefined;
  /** What is expected, in Chinese. */
  expected: string;
  /** A likely fix, e.g. the nearest valid name. */
  suggestion?: string | undefined;
}

/** Shows a value the way the staff member typed it. */
export function show(value: unknown): string {
  if (value === undefined) return '（未填写）';
  if (typeof value === 'string') return `"${value}"`;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** Formats problems as a Chinese report, grouped by file. */
export function formatProblems(problems: readonly Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const lines: string[] = [`内容检查发现 ${problems.length} 个问题，涉及 ${byFile.size} 个文件：`, ''];
  for (const [file, list] of byFile) {
    for (const p of list) {
      lines.push(`✖ ${file}${p.line ? ` 第 ${p.line} 行` : ''}`);
      lines.push(`  字段：${p.field}`);
      if (p.found !== undefined) lines.push(`  发现：${p.found}`);
      lines.push(`  应为：${p.expected}`);
      if (p.suggestion) lines.push(`  建议：${p.suggestion}`);
      lines.push('');
    }
  }
  lines.push('请按上面的提示修改后重新运行。编辑指南：docs/编辑指南.md');
  return lines.join('\n');
}

/** Formats hints that do not stop the build. */
export function formatNotes(notes: readonly Problem[]): string {
  const lines: string[] = [`提示（不影响发布，请确认）：${notes.length} 条`, ''];
  for (const p of notes) {
    lines.push(`• ${p.file}${p.line ? ` 第 ${p.line} 行` : ''}`);
    lines.push(`  字段：${p.field}`);
    if (p.found !== undefined) lines.push(`  发现：${p.found}`);
    if (p.suggestion) lines.push(`  建议：${p.suggestion}`);
    lines.push('');
  }
  return lines.join('\n');
}
