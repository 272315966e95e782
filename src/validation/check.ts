import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { z } from 'astro/zod';
import {
  caseSchema,
  hallSchema,
  milestoneSchema,
  routeSchema,
  seriesSchema,
  sourceSchema,
  unitSchema,
  type Unit,
} from '../schemas/index.ts';
import { decodeContent } from './encoding.ts';
import { describeField } from './fields.ts';
import { listFiles } from '../utils/files.ts';
import { nearest } from '../utils/nearest.ts';
import { show, type Problem } from './problem.ts';
import { parseYaml, splitFrontmatter, type ParsedYaml } from './yaml.ts';

z.config(z.locales.zhCN());

/** Collections whose entries are Markdown/MDX files, with their schema. */
const entryCollections = {
  cases: caseSchema(z.string()),
  halls: hallSchema(z.string()),
  routes: routeSchema(z.string()),
} as const;
type EntryCollection = keyof typeof entryCollections;

/** Registries kept as one YAML list each. */
const registries = {
  units: { file: 'content/units.yaml', schema: unitSchema },
  sources: { file: 'content/sources.yaml', schema: sourceSchema },
  series: { file: 'content/series.yaml', schema: seriesSchema },
  timeline: { file: 'content/timeline.yaml', schema: milestoneSchema },
} as const;
type Registry = keyof typeof registries;

/** A content entry as read from disk. */
export interface LoadedEntry {
  collection: EntryCollection;
  /** URL slug, the path below the collection folder without extension. */
  slug: string;
  file: string;
  /** False when the frontmatter failed the schema; `data` is then the raw frontmatter. */
  valid: boolean;
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
  yaml: ParsedYaml;
}

/** Everything the checker read, for checks that other modules add. */
export interface CheckContext {
  root: string;
  entries: LoadedEntry[];
  registry: Record<Registry, { item: Record<string, unknown>; line: number | undefined }[]>;
  problems: Problem[];
  /** Hints that do not stop the build (a tag that looks misspelt). */
  notes: Problem[];
}

/** Extra checks run after the built-in ones (body links, MDX syntax, …). */
export type ExtraCheck = (ctx: CheckContext) => void | Promise<void>;

const typeWords: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  array: '列表（每项一行，以 “- ” 开头）',
  object: '一组字段',
  boolean: 'true 或 false',
};

function issueToProblem(
  issue: z.core.$ZodIssue,
  file: string,
  yaml: ParsedYaml | undefined,
  knownKeys: string[],
): Problem[] {
  const line = yaml?.lineOf(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const guess = nearest(key, knownKeys);
      return {
        file,
        line: yaml?.lineOf([...issue.path, key]),
        field: describeField([...issue.path, key]),
        found: `未知字段 "${key}"`,
        expected: `只能使用已定义的字段：${knownKeys.join('、')}`,
        suggestion: guess ? `是否想写 "${guess}"？` : '请删除这一字段，或对照编辑指南检查拼写',
      };
    });
  }
  const input = 'input' in issue ? issue.input : undefined;
  if (issue.code === 'invalid_type' && input === undefined) {
    return [
      {
        file,
        line,
        field: describeField(issue.path),
        found: '（未填写）',
        expected: `这是必填字段，应填写${typeWords[issue.expected] ?? issue.expected}`,
      },
    ];
  }
  let expected = issue.message;
  if (issue.code === 'invalid_type' && expected.startsWith('无效输入')) {
    expected = `应为${typeWords[issue.expected] ?? issue.expected}`;
  }
  let found = show(input);
  if (issue.code === 'too_big' && typeof input === 'string')
    found = `${found.slice(0, 40)}…（共 ${[...input].length} 字）`;
  return [{ file, line, field: describeField(issue.path), found, expected }];
}

function shapeKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** Options of a check. */
export interface CheckOptions {
  /**
   * Texts to check in place of what is on disk, by path relative to the project (a file being
   * edited in the 编辑台 and not yet saved); a path not on disk is checked as a new file.
   */
  overlay?: ReadonlyMap<string, string>;
}

/** Reads and validates every content file; returns every problem found, never only the first. */
export async function checkContent(
  root: string,
  extraChecks: ExtraCheck[] = [],
  options: CheckOptions = {},
): Promise<CheckContext> {
  const overlay = options.overlay ?? new Map<string, string>();
  const problems: Problem[] = [];
  const ctx: CheckContext = {
    root,
    entries: [],
    registry: { units: [], sources: [], series: [], timeline: [] },
    problems,
    notes: [],
  };
  const rel = (p: string) => relative(root, p).split(sep).join('/');
  const read = (full: string, file: string) => overlay.get(file) ?? decodeContent(readFileSync(full), file, problems);

  // Registries.
  for (const [name, { file, schema }] of Object.entries(registries) as [Registry, (typeof registries)[Registry]][]) {
    const full = join(root, file);
    if (!existsSync(full) && !overlay.has(file)) {
      problems.push({ file, field: '（文件）', found: '文件不存在', expected: `应有 ${file}` });
      continue;
    }
    const source = read(full, file);
    if (source === undefined) continue;
    const parsed = parseYaml(source, file, 0, problems);
    if (!parsed) continue;
    if (!Array.isArray(parsed.data)) {
      problems.push({
        file,
        field: '（整个文件）',
        found: show(parsed.data),
        expected: '一个列表，每项以 “- id: …” 开头',
      });
      continue;
    }
    const seen = new Set<string>();
    parsed.data.forEach((item: unknown, index: number) => {
      const result = schema.safeParse(item, { reportInput: true });
      if (!result.success) {
        for (const issue of result.error.issues) {
          problems.push(
            ...issueToProblem(
              { ...issue, path: [index, ...issue.path] } as z.core.$ZodIssue,
              file,
              parsed,
              shapeKeys(schema),
            ),
          );
        }
        return;
      }
      const id = (result.data as { id: string }).id;
      if (seen.has(id)) {
        problems.push({
          file,
          line: parsed.lineOf([index, 'id']),
          field: describeField([index, 'id']),
          found: `"${id}" 已在本文件中出现过`,
          expected: '每一项的编号互不相同',
        });
      }
      seen.add(id);
      ctx.registry[name].push({ item: result.data as Record<string, unknown>, line: parsed.lineOf([index]) });
    });
  }

  // Markdown/MDX entries.
  const slugs = new Map<string, string>();
  for (const collection of Object.keys(entryCollections) as EntryCollection[]) {
    const schema = entryCollections[collection];
    const folder = join(root, 'content', collection);
    const added = [...overlay.keys()]
      .filter((file) => file.startsWith(`content/${collection}/`))
      .map((file) => join(root, file))
      .filter((full) => !existsSync(full));
    for (const full of [...listFiles(folder, { skipHidden: true }), ...added].sort()) {
      const file = rel(full);
      const match = /\.(md|mdx)$/i.exec(full);
      if (!match) {
        // Pictures, readable or not, are checked by name in images.ts.
        if (!/\.(jpe?g|png|webp|avif|gif|svg|tiff?|heic|heif|bmp|raw|cr2|nef|dng|psd|ico|jfif)$/i.test(full)) {
          problems.push({
            file,
            field: '（文件名）',
            found: '不是 .md 或 .mdx 文件',
            expected: '内容文件以 .md 或 .mdx 结尾；照片放在同一文件夹',
          });
        }
        continue;
      }
      const slug = relative(folder, full).slice(0, -match[0].length).split(sep).join('/');
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/.test(slug)) {
        problems.push({
          file,
          field: '（文件名）',
          found: `"${slug}"`,
          expected: '文件名只用小写英文字母、数字和连字符（它就是网址），例如 fangxiang-jiangxisuo.md',
          suggestion: '可以运行 npm run new -- case 自动生成文件名',
        });
      }
      const key = `${collection}/${slug}`;
      const twin = slugs.get(key);
      if (twin) {
        problems.push({
          file,
          field: '（文件名）',
          found: `与 ${twin} 同名，网址相同`,
          expected: '同一文件夹中不能有同名的 .md 和 .mdx 文件',
          suggestion: '删除或改名其中一个',
        });
        continue;
      }
      slugs.set(key, file);
      const text = read(full, file);
      if (text === undefined) continue;
      const parts = splitFrontmatter(text);
      if (!parts) {
        problems.push({
          file,
          line: 1,
          field: '（文件头）',
          found: '没有以 --- 开始并以 --- 结束的文件头',
          expected: '文件第一行是 ---，接着写字段，再用一行 --- 结束',
        });
        continue;
      }
      const parsed = parseYaml(parts.yaml, file, parts.offset, problems);
      if (!parsed) continue;
      const raw = (parsed.data ?? {}) as Record<string, unknown>;
      const result = schema.safeParse(raw, { reportInput: true });
      if (!result.success) {
        for (const issue of result.error.issues)
          problems.push(...issueToProblem(issue, file, parsed, shapeKeys(schema)));
      }
      if (parts.body.trim() === '') {
        problems.push({
          file,
          line: parts.bodyLine,
          field: '（正文）',
          found: '正文为空',
          expected: '在文件头下面写几段正文',
        });
      }
      // Invalid entries stay in the list so that their links and unit are checked too.
      ctx.entries.push({
        collection,
        slug,
        file,
        valid: result.success,
        data: result.success ? (result.data as Record<string, unknown>) : raw,
        body: parts.body,
        bodyLine: parts.bodyLine,
        yaml: parsed,
      });
    }
  }

  checkReferences(ctx);
  for (const check of extraChecks) await check(ctx);
  return ctx;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Unit names, slugs and ids that entries point at must exist. */
function checkReferences(ctx: CheckContext): void {
  const { problems } = ctx;
  const unitNames = new Map<string, Unit>();
  for (const { item } of ctx.registry.units) {
    const unit = item as unknown as Unit;
    for (const n of [unit.name, unit.short, ...unit.aliases]) if (n) unitNames.set(n, unit);
  }
  const ids = (name: Registry) => ctx.registry[name].map(({ item }) => String(item['id']));
  const sourceIds = ids('sources');
  const seriesIds = ids('series');
  const slugsOf = (collection: EntryCollection) =>
    ctx.entries.filter((e) => e.collection === collection).map((e) => e.slug);
  const targets = { case: slugsOf('cases'), hall: slugsOf('halls'), route: slugsOf('routes') };
  const checkSource = (
    ref: unknown,
    file: string,
    path: PropertyKey[],
    yaml: ParsedYaml | undefined,
    line?: number,
  ) => {
    if (typeof ref === 'string' && !sourceIds.includes(ref)) {
      const guess = nearest(ref, sourceIds);
      problems.push({
        file,
        line: yaml?.lineOf(path) ?? line,
        field: describeField(path),
        found: `"${ref}"`,
        expected: 'content/sources.yaml 中已登记的来源编号',
        suggestion: guess ? `是否想写 "${guess}"？` : '先在 content/sources.yaml 中登记这篇报道',
      });
    }
  };
  const checkTarget = (
    kind: keyof typeof targets,
    value: unknown,
    file: string,
    path: PropertyKey[],
    yaml: ParsedYaml | undefined,
    line?: number,
  ) => {
    if (typeof value !== 'string') return;
    if (targets[kind].includes(value)) return;
    const folder = { case: 'cases', hall: 'halls', route: 'routes' }[kind];
    const guess = nearest(value, targets[kind]);
    problems.push({
      file,
      line: yaml?.lineOf(path) ?? line,
      field: describeField(path),
      found: `"${value}"`,
      expected: `content/${folder}/ 中已有文件的文件名（不含 .md）`,
      suggestion: guess ? `是否想写 "${guess}"？` : `可用的有：${targets[kind].slice(0, 8).join('、') || '（暂无）'}`,
    });
  };

  for (const entry of ctx.entries) {
    const { data, file, yaml } = entry;
    const unit = data['unit'];
    if (typeof unit === 'string' && !unitNames.has(unit)) {
      const guess = nearest(unit, [...unitNames.keys()]);
      problems.push({
        file,
        line: yaml.lineOf(['unit']),
        field: describeField(['unit']),
        found: `"${unit}"（单位名录中没有）`,
        expected: 'content/units.yaml 中登记的单位全称、简称或别名',
        suggestion: guess ? `是否想写 "${guess}"？` : '如果是新单位，先在 content/units.yaml 中登记',
      });
    }
    const series = data['series'];
    if (typeof series === 'string' && !seriesIds.includes(series)) {
      const guess = nearest(series, seriesIds);
      problems.push({
        file,
        line: yaml.lineOf(['series']),
        field: describeField(['series']),
        found: `"${series}"`,
        expected: `content/series.yaml 中的系列编号：${seriesIds.join('、')}`,
        suggestion: guess ? `是否想写 "${guess}"？` : undefined,
      });
    }
    list(data['sources']).forEach((ref, i) => checkSource(ref, file, ['sources', i], yaml));
    list(data['figures']).forEach((f, i) =>
      checkSource(isRecord(f) ? f['source'] : undefined, file, ['figures', i, 'source'], yaml),
    );
    checkTarget('hall', data['hall'], file, ['hall'], yaml);
    checkTarget('route', data['route'], file, ['route'], yaml);
    list(data['related']).forEach((slug, i) => checkTarget('case', slug, file, ['related', i], yaml));
    const cover = data['cover'];
    if (
      isRecord(cover) &&
      typeof cover['src'] === 'string' &&
      !existsSync(resolve(dirname(join(ctx.root, file)), cover['src']))
    ) {
      problems.push({
        file,
        line: yaml.lineOf(['cover', 'src']),
        field: describeField(['cover', 'src']),
        found: `"${cover['src']}"（找不到这个文件）`,
        expected: '与本文件放在同一文件夹的照片，写成 ./照片名.jpg',
      });
    }
  }
  const timelineFile = registries.timeline.file;
  ctx.registry.timeline.forEach(({ item, line }, index) => {
    checkSource(item['source'], timelineFile, [index, 'source'], undefined, line);
    const link = item['link'] as Record<string, unknown> | undefined;
    if (link)
      for (const kind of ['case', 'hall', 'route'] as const)
        checkTarget(kind, link[kind], timelineFile, [index, 'link', kind], undefined, line);
  });
  // The home page shows one featured series and quotes one milestone: a second flag would be ignored.
  for (const [name, flag, what] of [
    ['series', 'featured', '重点展示的系列'],
    ['timeline', 'preface', '首页序言引用的大事'],
  ] as const) {
    const flagged = ctx.registry[name].filter(({ item }) => item[flag] === true);
    for (const { item, line } of flagged.slice(1)) {
      problems.push({
        file: registries[name].file,
        line,
        field: describeField([flag]),
        found: `"${String(item['id'])}" 也写了 ${flag}: true`,
        expected: `${what}只能有一个，已由 "${String(flagged[0]?.item['id'])}" 标出；请删去其余的 ${flag}: true`,
      });
    }
  }
}
