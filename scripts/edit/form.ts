/**
 * What the desk's forms are generated from: the zod schemas (as JSON Schema, so a field added
 * to a schema appears in the form), the Chinese field names the checker uses, and the help
 * lines of the templates `npm run new` writes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { caseSchema, hallSchema, milestoneSchema, routeSchema } from '../../src/schemas/index.ts';
import { fieldLabels } from '../../src/validation/fields.ts';
import { templateKeyOrder } from '../lib/entry-files.ts';

/** What the desk edits. */
export const deskKinds = ['case', 'hall', 'route', 'milestone'] as const;
export type DeskKind = (typeof deskKinds)[number];

const schemas = {
  case: caseSchema(z.string()),
  hall: hallSchema(z.string()),
  route: routeSchema(z.string()),
  milestone: milestoneSchema,
} as const;

/** Names where the desk's label differs from the checker's longer one. */
const labelOverrides: Record<string, string> = { unit: '单位', sources: '来源' };

const templateFiles: Record<DeskKind, string | undefined> = {
  case: 'case.md',
  hall: 'hall.md',
  route: undefined,
  milestone: 'milestone.yaml.tmpl',
};

/** Help lines from a template: the comment above a field, or after it on the same line. */
function templateHelp(kind: DeskKind): Record<string, string> {
  const name = templateFiles[kind];
  if (!name) return {};
  const lines = readFileSync(fileURLToPath(new URL(`../templates/${name}`, import.meta.url)), 'utf8').split('\n');
  const help: Record<string, string> = {};
  lines.forEach((line, i) => {
    const m = /^\s*(?:- )?(?:# ?)?([a-zA-Z]+):(?:\s|$)/.exec(line);
    const key = m?.[1];
    if (!key || help[key] || /^\s{2,}#?\s*-/.test(line)) return;
    const trailing = /\s#\s*(.+)$/.exec(line.replace(/^\s*#/, ''))?.[1];
    const above = /^\s*#\s*(.+)$/.exec(lines[i - 1] ?? '')?.[1];
    // The first line of a file is about the file, not about its first field.
    const text = trailing ?? (above && i > 1 && !/^(?:- )?[a-zA-Z]+:/.test(above) ? above : undefined);
    if (!text || text.includes('{{')) return;
    // `…，例如` continues with the commented-out field itself as the example.
    const example = /例如$/.test(text) && /^\s*#/.test(line) ? line.replace(/^\s*#\s*/, '') : undefined;
    help[key] = example ? `${text} ${example}` : text.replace(/[:：]$/, '');
  });
  return help;
}

/** Everything a form of `kind` is built from; `schema` defaults to the project's. */
export function formOf(kind: DeskKind, schema: z.ZodType = schemas[kind]) {
  const jsonSchema = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  const keys = Object.keys((jsonSchema as { properties?: object }).properties ?? {});
  // The template's order first; fields it does not list go before `draft`, in schema order.
  const template = kind === 'case' || kind === 'hall' ? templateKeyOrder(kind) : [];
  const order = template.filter((k) => k !== 'draft');
  for (const k of keys) if (!order.includes(k) && k !== 'draft') order.push(k);
  if (keys.includes('draft')) order.push('draft');
  const labels = Object.fromEntries(
    [...new Set([...Object.keys(fieldLabels), ...Object.keys(labelOverrides)])].map((k) => [
      k,
      labelOverrides[k] ?? fieldLabels[k] ?? k,
    ]),
  );
  return { kind, schema: jsonSchema, order, labels, help: templateHelp(kind) };
}
