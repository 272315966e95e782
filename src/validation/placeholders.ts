import type { CheckContext } from './check.ts';
import { describeField } from './fields.ts';

/** The marker the templates of `npm run new` put where staff still have to write something. */
export const PLACEHOLDER = '待填写';

/**
 * A published entry must not contain the template's 待填写 marks. Drafts may: that is how a new
 * file from `npm run new` starts.
 */
export function checkPlaceholders(ctx: CheckContext): void {
  for (const entry of ctx.entries) {
    if (entry.data['draft'] === true) continue;
    const visit = (value: unknown, path: PropertyKey[]): void => {
      if (typeof value === 'string' && value.includes(PLACEHOLDER)) {
        ctx.problems.push({
          file: entry.file,
          line: entry.yaml.lineOf(path),
          field: describeField(path),
          found: `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"（模板中的“${PLACEHOLDER}”还没有改写）`,
          expected: '真实的内容',
          suggestion: '写好内容；如果还没写完，先把 draft 设为 true，它就不会发布',
        });
      } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
      else if (value && typeof value === 'object' && !(value instanceof Date))
        for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
    };
    visit(entry.data, []);
    const lines = entry.body.split('\n');
    lines.forEach((text, i) => {
      if (!text.includes(PLACEHOLDER)) return;
      ctx.problems.push({
        file: entry.file,
        line: entry.bodyLine + i,
        field: '（正文）',
        found: `"${text.trim().slice(0, 40)}"（模板中的“${PLACEHOLDER}”还没有改写）`,
        expected: '真实的正文',
        suggestion: '写好正文；如果还没写完，先把 draft 设为 true，它就不会发布',
      });
    });
  }
}
