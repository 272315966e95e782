/**
 * Writes form values into YAML the way a person editing the file would: through the yaml
 * library's Document API, so comments, blank lines and the order of fields stay; a field the
 * template shows commented out (`# cover:`) is put where that comment was, with its
 * explanation line above it.
 */
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, Pair, type YAMLMap } from 'yaml';
import { splitFrontmatter } from '../../src/validation/yaml.ts';

/** How the files are written: no folding of long lines, single quotes like the templates. */
const yamlStyle = { lineWidth: 0, minContentWidth: 0, singleQuote: true, flowCollectionPadding: false } as const;

/** A document as text, in the house style: `[a, b]` lists but `{ case: x }` maps, as people write them. */
export const yamlText = (doc: Document) =>
  doc.toString(yamlStyle).replace(/^(\s*(?:- )?[\w]+: )\{([^{}\n]+)\}$/gm, '$1{ $2 }');

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** An empty value: the field is left out of the file. */
export const isEmpty = (v: unknown) =>
  v === undefined ||
  v === null ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (isPlainObject(v) && Object.values(v).every(isEmpty));

/** Splits the comment lines of a template into the block that shows `key` commented out, and the rest. */
function takeCommentedField(
  comment: string,
  key: string,
): { above: string[]; taken: string[]; below: string[] } | undefined {
  const lines = comment.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^ ?${key}:(\\s|$)`).test(l));
  if (start === -1) return undefined;
  let end = start + 1;
  while (end < lines.length && /^ {2,}\S/.test(lines[end] ?? '')) end++;
  // The explanation: at the end of the key line (`# opened: '2023'   # 开馆日期…`), or else the
  // lines just above, back to the previous commented field.
  const trailing = /\s#\s*(.+)$/.exec(lines[start] ?? '')?.[1];
  let from = start;
  if (!trailing)
    while (from > 0 && !/^ ?[a-zA-Z]+:(\s|$)/.test(lines[from - 1] ?? '') && !/^ {2,}\S/.test(lines[from - 1] ?? ''))
      from--;
  const explanation = trailing ? [` ${trailing}`] : lines.slice(from, start);
  return { above: lines.slice(0, from), taken: explanation, below: lines.slice(end) };
}

/** A new node; date-like text is single-quoted, as the templates ask (`asOf: '2024'`). */
function createNode(doc: Document, value: unknown) {
  const node = doc.createNode(value);
  visit(node, {
    Scalar(_, scalar) {
      if (typeof scalar.value === 'string' && /^\d{4}(-\d\d){0,2}$/.test(scalar.value)) scalar.type = 'QUOTE_SINGLE';
    },
  });
  return node;
}

type Commented = { commentBefore?: string | null };

/** Removes a field; the comment lines above it stay, above the next field. */
function deleteKey(map: YAMLMap, key: string): void {
  const index = map.items.findIndex((p) => (p.key as { value?: unknown }).value === key);
  if (index === -1) return;
  const comment = (map.items[index]?.key as Commented).commentBefore;
  map.items.splice(index, 1);
  if (!comment) return;
  const next = map.items[index]?.key as Commented | undefined;
  if (next) next.commentBefore = next.commentBefore ? `${comment}\n${next.commentBefore}` : comment;
  else map.comment = map.comment ? `${comment}\n${map.comment}` : comment;
}

function setValue(doc: Document, map: YAMLMap, key: string, value: unknown, order: readonly string[]): void {
  const old = map.get(key, true);
  if (old !== undefined) {
    if (same((old as { toJSON?: () => unknown }).toJSON?.() ?? old, value)) return;
    if (isMap(old) && isPlainObject(value)) {
      apply(doc, old, value, Object.keys(value));
      return;
    }
    const node = createNode(doc, value);
    if (isSeq(old) && isSeq(node)) node.flow = !!old.flow && (value as unknown[]).every((v) => typeof v !== 'object');
    if (isScalar(old) && isScalar(node) && old.type && typeof value === 'string') node.type = old.type;
    (node as { comment?: string | null }).comment = (old as { comment?: string | null }).comment ?? null;
    map.set(key, node);
    return;
  }
  const pair = new Pair(doc.createNode(key), createNode(doc, value));
  // Right after the nearest field that comes before it in the template's order, as a person
  // adds a line; failing that, before the nearest that comes after it.
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  const mine = rank(key);
  const ranks = map.items.map((p) => rank(String((p.key as { value?: unknown }).value)));
  let before = -1;
  ranks.forEach((r, i) => {
    if (r < mine && (before === -1 || r >= (ranks[before] ?? -1))) before = i;
  });
  let after = -1;
  ranks.forEach((r, i) => {
    if (r > mine && (after === -1 || r < (ranks[after] ?? Infinity))) after = i;
  });
  const at = before !== -1 ? before + 1 : after !== -1 ? after : map.items.length;
  // Where the template shows this field commented out, it goes exactly there, as a person
  // would remove the `# ` in front of it.
  const joined = (lines: string[]) => (lines.length > 0 ? lines.join('\n') : null);
  for (let i = 0; i <= map.items.length; i++) {
    const host = map.items[i]?.key as Commented | undefined;
    const comment = host ? host.commentBefore : map.comment;
    const found = comment ? takeCommentedField(comment, key) : undefined;
    if (!found) continue;
    (pair.key as Commented).commentBefore = joined([...found.above, ...found.taken]);
    if (host) host.commentBefore = joined(found.below);
    else map.comment = joined(found.below);
    map.items.splice(i, 0, pair);
    return;
  }
  map.items.splice(at, 0, pair);
}

/**
 * Sets the fields of a map: a field missing from `data` is removed, an empty list is kept only
 * where the file already had one (`tags: []`), new fields go in `order`.
 */
function apply(doc: Document, map: YAMLMap, data: Record<string, unknown>, order: readonly string[]): void {
  for (const key of Object.keys(map.toJSON() as object))
    if (!(key in data) || data[key] === undefined || data[key] === null || data[key] === '') deleteKey(map, key);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const entries = Object.entries(data).sort(([a], [b]) => rank(a) - rank(b));
  for (const [key, value] of entries) {
    if (isEmpty(value) && !(Array.isArray(value) && map.has(key))) continue;
    setValue(doc, map, key, value, order);
  }
}

/**
 * Applies `data` to YAML text: changed fields are replaced in place, new ones are inserted in
 * `order`, fields absent from `data` (or empty) are removed; everything else, comments
 * included, stays as it was.
 */
export function applyToYaml(yaml: string, data: Record<string, unknown>, order: readonly string[]): string {
  const doc = parseDocument(yaml);
  const map = doc.contents as YAMLMap;
  apply(doc, map, data, order);
  return yamlText(doc);
}

/** The whole text of a Markdown entry with new frontmatter values and body. */
export function applyToEntry(text: string, data: Record<string, unknown>, body: string, order: readonly string[]) {
  const parts = splitFrontmatter(text);
  if (!parts) throw new Error('no frontmatter');
  const yaml = applyToYaml(parts.yaml, data, order);
  return `---\n${yaml}---\n\n${body.replace(/^\n+/, '').replace(/\s*$/, '\n')}`;
}

/** Applies `data` to item `index` of a YAML list (content/timeline.yaml), comments kept. */
export function applyToListItem(
  yaml: string,
  index: number,
  data: Record<string, unknown>,
  order: readonly string[],
): string {
  const doc = parseDocument(yaml);
  const item = doc.getIn([index], true);
  if (!isMap(item)) throw new Error(`no item ${index}`);
  apply(doc, item, data, order);
  return yamlText(doc);
}
