/**
 * `npm run new -- case|hall|timeline [--flags]`: writes a new content file from a commented
 * template. Asks its questions in Chinese when run in a terminal; without one (CI, tests) every
 * answer comes from flags. Never overwrites: an existing file name gets -2, -3 … appended.
 *
 *   npm run new -- case --title 标题 --unit 单位 --year 2024 --source fzrb-2024-shijia [--series id] [--folder fuzhou] [--slug name]
 *   npm run new -- hall --name 名称 --unit 单位 --kind 展馆 --source id [--slug name]
 *   npm run new -- timeline --title 标题 --date 2024-05 --source id [--text 说明] [--themes 机关党建,基层治理]
 *
 * Instead of --source, a new article can be registered in content/sources.yaml with
 * --publisher 福州日报 --published 2024-05-01 [--headline 标题] [--url https://…].
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { nearest } from '../src/utils/nearest.ts';
import { hallKind } from '../src/schemas/hall.ts';
import {
  appendMilestone,
  caseFolders,
  entryTemplate,
  foldersOfSeries,
  milestoneBlock,
  milestoneId,
  newEntryPath,
  proposedSlug,
  readList,
  registerSource,
  slugPattern,
} from './lib/entry-files.ts';

export { freeName } from './lib/entry-files.ts';

/** How the scaffold talks to the person: a terminal, or nothing (flags only). */
export interface Io {
  /** Asks a question and returns the answer, or undefined when nobody can answer. */
  ask?: ((question: string) => Promise<string>) | undefined;
  print: (text: string) => void;
}

/** What `npm run new` wrote. */
export interface Created {
  file: string;
  url: string;
}

/** A mistake in the answers: printed in Chinese, exit code 1. */
export class ScaffoldError extends Error {}

const kinds = ['case', 'hall', 'timeline'] as const;
type Kind = (typeof kinds)[number];
const hallKinds: string[] = [...hallKind.options];

interface Unit {
  id: string;
  name: string;
  short?: string;
  aliases?: string[];
}

/** A rejected answer, with the reason shown to the person. */
class Invalid {
  readonly reason: string;
  constructor(reason: string) {
    this.reason = reason;
  }
}
const invalid = (reason: string) => new Invalid(reason);

/** Asks until `accept` returns a value; without a terminal, uses `given` or fails with `missing`. */
async function answer<T>(
  io: Io,
  given: string | undefined,
  question: string,
  accept: (text: string) => T | Invalid,
  missing: string,
): Promise<T> {
  if (given !== undefined) {
    const result = accept(given.trim());
    if (result instanceof Invalid) throw new ScaffoldError(result.reason);
    return result;
  }
  if (!io.ask) throw new ScaffoldError(missing);
  for (;;) {
    const result = accept((await io.ask(question)).trim());
    if (!(result instanceof Invalid)) return result;
    io.print(`  ${result.reason}`);
  }
}

function matchUnit(units: Unit[], text: string): Unit | Invalid {
  const names = (u: Unit) => [u.name, u.short, ...(u.aliases ?? [])].filter((n): n is string => !!n);
  const exact = units.find((u) => names(u).includes(text));
  if (exact) return exact;
  if (!text) return invalid('请填写单位名称');
  const guess = nearest(
    text,
    units.flatMap((u) => names(u)),
  );
  return invalid(
    `单位名录 content/units.yaml 中没有“${text}”${guess ? `，是否想写“${guess}”？` : '。新单位请先在 content/units.yaml 中登记'}`,
  );
}

/** Lets the person pick a unit by typing part of its name, then a number. */
async function askUnit(io: Io, units: Unit[], given: string | undefined): Promise<string> {
  const missing = '缺少 --unit（所属单位，content/units.yaml 中的名称）';
  if (given !== undefined || !io.ask) {
    const unit = await answer(io, given, '', (t) => matchUnit(units, t), missing);
    return given?.trim() ?? unit.name;
  }
  for (;;) {
    const text = (await io.ask('所属单位（输入名称，或名称中的几个字）：')).trim();
    const found = matchUnit(units, text);
    if (!(found instanceof Invalid)) return text;
    const hits = text
      ? units.filter((u) => [u.name, u.short, ...(u.aliases ?? [])].some((n) => n?.includes(text)))
      : [];
    if (hits.length === 0) {
      io.print(`  ${found.reason}`);
      continue;
    }
    hits.slice(0, 12).forEach((u, i) => io.print(`  ${i + 1}. ${u.name}${u.short ? `（${u.short}）` : ''}`));
    const pick = Number((await io.ask(`选择序号（1-${Math.min(hits.length, 12)}，直接回车重新输入）：`)).trim());
    const unit = hits[pick - 1];
    if (Number.isInteger(pick) && unit) return unit.name;
  }
}

const parseYear = (text: string) => {
  const year = Number(text);
  return /^\d{4}$/.test(text) && year >= 1949 && year <= 2100 ? year : invalid('年份请写四位阿拉伯数字，例如 2024');
};
const parseDate = (text: string) =>
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(text)
    ? text
    : invalid('日期格式为 YYYY、YYYY-MM 或 YYYY-MM-DD，例如 2024-05 或 2024-05-20');

/** The source id for the new entry: an existing id, or a new article added to sources.yaml. */
async function askSource(io: Io, root: string, flags: Record<string, string | undefined>): Promise<string> {
  const sources = readList(root, 'sources.yaml');
  const ids = sources.map((s) => String(s['id']));
  const register = async (publisher: string, date: string, headline?: string, url?: string) => {
    const id = registerSource(root, { publisher, date, headline, url });
    io.print(`已在 content/sources.yaml 中登记来源 ${id}`);
    return id;
  };
  const checkId = (text: string) => {
    if (ids.includes(text)) return text;
    const guess = nearest(text, ids);
    return invalid(`content/sources.yaml 中没有来源编号“${text}”${guess ? `，是否想写“${guess}”？` : ''}`);
  };
  if (flags['source'] !== undefined) return answer(io, flags['source'], '', checkId, '');
  if (flags['publisher'] !== undefined || !io.ask) {
    if (flags['publisher'] === undefined || flags['published'] === undefined)
      throw new ScaffoldError(
        '缺少 --source（content/sources.yaml 中的来源编号），或者用 --publisher 和 --published 登记一篇新报道',
      );
    const date = await answer(io, flags['published'], '', parseDate, '');
    return register(flags['publisher'], date, flags['headline'], flags['url']);
  }
  io.print('来源：本馆的每个条目都要注明出自哪篇报道。已登记的报道（最近发表的在前）：');
  const recent = [...sources].sort((a, b) => String(b['date']).localeCompare(String(a['date']))).slice(0, 9);
  recent.forEach((s, i) =>
    io.print(
      `  ${i + 1}. ${String(s['id'])}  ${String(s['publisher'])} ${String(s['date'])} ${String(s['title'] ?? '')}`,
    ),
  );
  io.print('  0. 新登记一篇报道');
  for (;;) {
    const text = (await io.ask('选择序号，或输入来源编号：')).trim();
    if (text === '0') {
      const publisher = await answer(
        io,
        undefined,
        '发布单位（例如 福州日报）：',
        (t) => t || invalid('请填写发布单位'),
        '',
      );
      const date = await answer(io, undefined, '发布日期（YYYY-MM-DD，只知道年份就写 YYYY）：', parseDate, '');
      const headline = (await io.ask('报道标题（可以不填，直接回车）：')).trim() || undefined;
      const url = (await io.ask('网址（可以不填，直接回车）：')).trim() || undefined;
      return register(publisher, date, headline, url);
    }
    const picked = /^\d+$/.test(text) ? recent[Number(text) - 1] : undefined;
    if (picked) return String(picked['id']);
    const result = checkId(text);
    if (!(result instanceof Invalid)) return result;
    io.print(`  ${result.reason}`);
  }
}

/** Asks for one of `options` by number (or takes the flag); blank gives `fallback`. */
async function askChoice(
  io: Io,
  given: string | undefined,
  title: string,
  options: string[],
  fallback: string | undefined,
  blankLabel: string,
  labels: Record<string, string> = {},
): Promise<string | undefined> {
  if (given !== undefined) {
    if (given === '' || options.includes(given)) return given || undefined;
    throw new ScaffoldError(`${title}只能是：${options.join('、')}（写的是“${given}”）`);
  }
  if (!io.ask || options.length === 0) return fallback;
  io.print(`${title}：`);
  options.forEach((o, i) => io.print(`  ${i + 1}. ${o}${labels[o] ? `  ${labels[o]}` : ''}`));
  for (;;) {
    const text = (await io.ask(`选择序号（直接回车：${blankLabel}）：`)).trim();
    if (text === '') return fallback;
    const picked = options[Number(text) - 1] ?? (options.includes(text) ? text : undefined);
    if (picked) return picked;
  }
}

/** Asks for the file name, proposing the pinyin of the title. */
async function askSlug(io: Io, given: string | undefined, title: string): Promise<string> {
  const ok = (t: string) =>
    slugPattern.test(t) ? t : invalid('文件名只能用小写英文字母、数字和连字符，例如 ganbu-yexiao');
  if (given !== undefined) return answer(io, given, '', ok, '');
  const proposed = proposedSlug(title);
  if (!io.ask) return proposed;
  return answer(io, undefined, `文件名，也是网址的一部分（直接回车使用 ${proposed}）：`, (t) => ok(t || proposed), '');
}

/** Runs the scaffold. `root` is the project folder. */
export async function scaffold(argv: string[], io: Io, root: string): Promise<Created> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: Object.fromEntries(
      [
        'title',
        'name',
        'unit',
        'year',
        'source',
        'series',
        'folder',
        'slug',
        'kind',
        'date',
        'text',
        'themes',
        'publisher',
        'published',
        'headline',
        'url',
      ].map((k) => [k, { type: 'string' as const }]),
    ),
  });
  const flags = values as Record<string, string | undefined>;
  const kind = positionals[0] as Kind | undefined;
  if (!kind || !kinds.includes(kind))
    throw new ScaffoldError(
      `请说明要新建什么：npm run new -- case（案例）、npm run new -- hall（展馆）或 npm run new -- timeline（大事记）${kind ? `。“${kind}” 不是其中之一` : ''}`,
    );
  const units = readList(root, 'units.yaml') as unknown as Unit[];
  const rel = (p: string) => relative(root, p).split(sep).join('/');

  if (kind === 'timeline') {
    const title = await answer(
      io,
      flags['title'],
      '大事标题：',
      (t) => t || invalid('请填写标题'),
      '缺少 --title（大事标题）',
    );
    const date = await answer(
      io,
      flags['date'],
      '日期（YYYY、YYYY-MM 或 YYYY-MM-DD，照报道的精确程度写）：',
      parseDate,
      '缺少 --date（日期，例如 2024-05）',
    );
    const text = flags['text'] ?? (io.ask ? (await io.ask('一两句话说明（可以不填，直接回车）：')).trim() : '');
    const milestones = readList(root, 'timeline.yaml');
    const known = [...new Set(milestones.flatMap((m) => (Array.isArray(m['themes']) ? m['themes'] : [])))] as string[];
    let themes: string[];
    if (flags['themes'] !== undefined)
      themes = flags['themes']
        .split(/[,，、]/)
        .map((t) => t.trim())
        .filter(Boolean);
    else {
      const theme = await askChoice(io, undefined, '主题', known, undefined, '不选');
      themes = theme ? [theme] : [];
    }
    const source = await askSource(io, root, flags);
    const ids = milestones.map((m) => String(m['id']));
    const id = milestoneId(date, title, ids);
    const block = milestoneBlock({ id, date, title, text, themes, source });
    const file = join(root, 'content', 'timeline.yaml');
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    writeFileSync(file, appendMilestone(current, milestones.length === 0, block));
    return { file: rel(file), url: `/timeline/#${id}` };
  }

  const isCase = kind === 'case';
  const title = await answer(
    io,
    isCase ? flags['title'] : (flags['name'] ?? flags['title']),
    isCase ? '案例标题：' : '展馆名称：',
    (t) => t || invalid('请填写'),
    isCase ? '缺少 --title（案例标题）' : '缺少 --name（展馆名称）',
  );
  const unit = await askUnit(io, units, flags['unit']);
  const collection = isCase ? 'cases' : 'halls';
  let folder: string | undefined;
  let year: number | undefined;
  let series: string | undefined;
  let seriesExample: string | undefined;
  let hallKind: string | undefined;
  if (isCase) {
    year = await answer(
      io,
      flags['year'],
      `年份（直接回车使用 ${new Date().getFullYear()}）：`,
      (t) => parseYear(t || String(new Date().getFullYear())),
      '缺少 --year（年份，例如 2024）',
    );
    const seriesList = readList(root, 'series.yaml');
    const seriesIds = seriesList.map((s) => String(s['id']));
    const names = Object.fromEntries(seriesList.map((s) => [String(s['id']), String(s['name'] ?? '')]));
    series = await askChoice(io, flags['series'], '案例系列', seriesIds, undefined, '不属于任何系列', names);
    seriesExample = seriesIds[0];
    // Put the file where the other cases of its series are, unless told otherwise.
    const folders = caseFolders(root);
    const sameSeries = foldersOfSeries(root, series);
    if (flags['folder'] !== undefined) {
      if (flags['folder'] !== '' && !slugPattern.test(flags['folder']))
        throw new ScaffoldError('文件夹名只能用小写英文字母、数字和连字符，例如 fuzhou');
      folder = flags['folder'] || undefined;
    } else {
      folder = await askChoice(
        io,
        undefined,
        '放在哪个文件夹（content/cases/ 下）',
        folders,
        sameSeries.length === 1 ? sameSeries[0] : undefined,
        sameSeries.length === 1 ? `放进 ${sameSeries[0]}` : '直接放在 content/cases/',
      );
    }
  } else {
    hallKind = (await askChoice(io, flags['kind'], '类型', hallKinds, '展馆', '展馆')) ?? '展馆';
  }
  const source = await askSource(io, root, flags);
  const base = await askSlug(io, flags['slug'], title);
  const { slug, full, url } = newEntryPath(root, collection, folder, base);
  if (slug !== base) io.print(`已有同名文件 ${base}，新文件改名为 ${slug}（不会覆盖已有文件）`);
  const text = entryTemplate(isCase ? 'case' : 'hall', {
    title,
    unit,
    source,
    slug,
    url,
    ...(year !== undefined ? { year } : {}),
    series,
    seriesExample,
    ...(hallKind !== undefined ? { hallKind } : {}),
  });
  mkdirSync(dirname(full), { recursive: true });
  // 'wx' refuses to write if the file appeared in the meantime.
  writeFileSync(full, text, { flag: 'wx' });
  return { file: rel(full), url };
}

async function main() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const terminal = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  const io: Io = {
    ask: terminal ? (q) => terminal.question(q) : undefined,
    print: (t) => console.log(t),
  };
  try {
    const { file, url } = await scaffold(process.argv.slice(2), io, root);
    console.log(`\n✔ 已新建 ${file}`);
    if (file.endsWith('timeline.yaml')) {
      console.log(`  新的大事在文件末尾，预览地址：http://127.0.0.1:4321${url}`);
    } else {
      console.log('  接下来：');
      console.log(`  1. 打开 ${file}，把所有“待填写”换成真实内容；照片放在它旁边。`);
      console.log(`  2. npm run dev，然后在浏览器打开 http://127.0.0.1:4321${url} 预览（现在是草稿，带“草稿”标记）。`);
      console.log('  3. npm run check:content 检查；写完后把 draft: true 改为 draft: false。');
      console.log('  4. npm run build 生成要发布的网站（dist/ 文件夹）。');
    }
  } catch (error) {
    if ((error as Error).name === 'AbortError') {
      // Ctrl+C or Ctrl+D at a question.
      console.error('\n已取消，没有新建任何文件。');
      process.exitCode = 1;
      return;
    }
    const badFlag = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!(error instanceof ScaffoldError) && !badFlag) throw error;
    console.error(`✖ ${badFlag ? `无法识别的参数（${(error as Error).message}）` : (error as Error).message}`);
    console.error(
      '用法见 docs/编辑指南.md，例如：npm run new -- case --title 标题 --unit 市纪委监委 --year 2024 --source fzrb-2024-shijia',
    );
    process.exitCode = 1;
  } finally {
    terminal?.close();
  }
}

if (import.meta.main) await main();
