/**
 * The collection as data: one record per published case with its unit, figures and sources
 * written out (/data/cases.json), and the same as CSV for spreadsheets (/data/cases.csv,
 * /data/figures.csv). Pure functions over plain data, so the tests can build the same records
 * from the content files without Astro.
 */
import type {
  CaseData,
  CaseExport,
  CaseRecord,
  Figure,
  InlineSource,
  Series,
  SourceRef,
  Unit,
} from '../schemas/index.ts';
import { figureText } from '../utils/format.ts';

/** What a record needs besides the case's own frontmatter. */
export interface RecordContext {
  slug: string;
  /** Public address of the case page. */
  url: string;
  unit: Unit;
  series: Series | undefined;
  /** Registered sources by id. */
  sources: ReadonlyMap<string, InlineSource>;
}

type Exported = CaseRecord['sources'][number];

function source(ref: SourceRef, registry: ReadonlyMap<string, InlineSource>): Exported {
  if (typeof ref !== 'string') return stripUndefined({ ...ref });
  const found = registry.get(ref);
  if (!found) throw new Error(`来源编号 "${ref}" 不在 content/sources.yaml 中`);
  const { publisher, date, title, author, url } = found;
  return stripUndefined({ id: ref, publisher, date, title, author, url });
}

/** JSON has no undefined; leaving keys out keeps the records strict and the CSV columns empty. */
function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** One case as a data record. */
export function caseRecord(
  data: Pick<CaseData, 'title' | 'year' | 'order' | 'summary' | 'tags' | 'honours' | 'figures' | 'sources'>,
  ctx: RecordContext,
): CaseRecord {
  const sources = data.sources.map((s) => source(s, ctx.sources));
  const figures = data.figures.map((f: Figure) =>
    stripUndefined({
      label: f.label,
      value: f.value,
      unit: f.unit,
      approx: f.approx,
      text: figureText(f),
      asOf: f.asOf,
      note: f.note,
      quote: f.quote,
      context: f.context,
      source: f.source ? source(f.source, ctx.sources) : sources[0]!,
    }),
  );
  return stripUndefined({
    slug: ctx.slug,
    url: ctx.url,
    title: data.title,
    unit: stripUndefined({
      id: ctx.unit.id,
      name: ctx.unit.name,
      short: ctx.unit.short,
      level: ctx.unit.level,
      region: ctx.unit.region,
    }),
    year: data.year,
    series: ctx.series ? { id: ctx.series.id, name: ctx.series.name } : undefined,
    order: data.order,
    summary: data.summary,
    tags: data.tags,
    honours: data.honours,
    figures,
    sources,
  });
}

/** The whole download. */
export const caseExport = (title: string, site: string, cases: CaseRecord[]): CaseExport => ({
  title,
  site,
  count: cases.length,
  cases,
});

/** A field quoted for CSV when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file Excel opens as UTF-8: byte-order mark, CRLF line ends. */
export function toCsv(header: string[], rows: (string | number | undefined)[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A source in one line: 福州日报 2024《标题》作者. */
export const sourceText = (s: Exported) =>
  `${s.publisher} ${s.date}${s.title ? `《${s.title}》` : ''}${s.author ? ` ${s.author}` : ''}`;

/** Column headings of cases.csv. */
export const caseColumns = [
  '编号',
  '标题',
  '单位',
  '单位全称',
  '级别',
  '地区',
  '年份',
  '系列',
  '序号',
  '摘要',
  '标签',
  '荣誉',
  '关键数字',
  '资料来源',
  '网址',
];

/** One row per case; lists inside a cell are separated by "；". */
export function caseRows(cases: CaseRecord[]): (string | number | undefined)[][] {
  return cases.map((c) => [
    c.slug,
    c.title,
    c.unit.short ?? c.unit.name,
    c.unit.name,
    c.unit.level,
    c.unit.region,
    c.year,
    c.series?.name,
    c.order,
    c.summary,
    c.tags.join('；'),
    c.honours.join('；'),
    c.figures
      .map((f) => `${f.label}：${f.text}（截至 ${f.asOf}${f.note ? `，${f.note}` : ''}；${sourceText(f.source)}）`)
      .join('；'),
    c.sources.map(sourceText).join('；'),
    c.url,
  ]);
}

/** Column headings of figures.csv. */
export const figureColumns = [
  '案例编号',
  '案例标题',
  '数据名称',
  '数值',
  '约数',
  '单位',
  '原文写法',
  '截至',
  '说明',
  '原文',
  '背景数字',
  '来源',
  '来源日期',
  '网址',
];

/** One row per figure, for sorting and filtering in a spreadsheet. */
export function figureRows(cases: CaseRecord[]): (string | number | undefined)[][] {
  return cases.flatMap((c) =>
    c.figures.map((f) => [
      c.slug,
      c.title,
      f.label,
      f.value,
      f.approx,
      f.unit,
      f.text,
      f.asOf,
      f.note,
      f.quote,
      f.context ? '是' : '',
      `${f.source.publisher}${f.source.title ? `《${f.source.title}》` : ''}`,
      f.source.date,
      c.url,
    ]),
  );
}
