import { describe, expect, test } from 'vitest';
import { printsFigure } from '../../src/utils/figures.ts';
import {
  caseColumns,
  caseExport,
  caseRecord,
  caseRows,
  csvField,
  figureColumns,
  figureRows,
  toCsv,
} from '../../src/data/export.ts';
import {
  caseExportSchema,
  caseRecordSchema,
  type CaseData,
  type InlineSource,
  type Series,
  type Unit,
} from '../../src/schemas/index.ts';
import { checkContent } from '../../src/validation/check.ts';
import { repoRoot } from './helpers.ts';

/** Minimal RFC 4180 reader, enough to read back what toCsv writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The published cases as the content checker reads them, turned into records as the site does. */
async function records() {
  const ctx = await checkContent(repoRoot);
  expect(ctx.problems).toEqual([]);
  const units = ctx.registry.units.map(({ item }) => item as unknown as Unit);
  const series = ctx.registry.series.map(({ item }) => item as unknown as Series);
  const sources = new Map(
    ctx.registry.sources.map(({ item }) => [String(item['id']), item as unknown as InlineSource]),
  );
  const published = ctx.entries.filter((e) => e.collection === 'cases' && e.valid && e.data['draft'] !== true);
  const cases = published.map((e) => {
    const data = e.data as unknown as CaseData;
    const unit = units.find((u) => u.name === data.unit || u.short === data.unit || u.aliases.includes(data.unit));
    if (!unit) throw new Error(`no unit for ${e.file}`);
    return caseRecord(data, {
      slug: e.slug,
      url: `https://example.gov.cn/cases/${e.slug}/`,
      unit,
      series: series.find((s) => s.id === data.series),
      sources,
    });
  });
  return { published, cases };
}

describe('data downloads', () => {
  test('every published case becomes a record that validates against the export schema', async () => {
    const { published, cases } = await records();
    expect(published.length).toBeGreaterThan(10);
    for (const record of cases) expect(caseRecordSchema.safeParse(record).error).toBeUndefined();
    const all = caseExport('福州机关党建数字展馆', 'https://example.gov.cn/', cases);
    expect(caseExportSchema.safeParse(all).success).toBe(true);
    expect(all.cases.map((c) => c.slug).sort()).toEqual(published.map((e) => e.slug).sort());
    // Every figure keeps its source written out, defaulting to the case's first source.
    const shuangyong = cases.find((c) => c.slug === 'xinhuoshi/dangjian-shuangyong');
    expect(shuangyong?.figures[0]).toMatchObject({ text: '34家', asOf: '2024', source: { id: 'fzrb-2024-shijia' } });
    expect(shuangyong?.figures.at(-1)?.source.id).toBe('fzrb-2024-wunian');
  });

  test('cases.csv opens in Excel as UTF-8 and holds one row per case with its figures and sources', async () => {
    const { cases } = await records();
    const csv = toCsv(caseColumns, caseRows(cases));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual(caseColumns);
    expect(rows).toHaveLength(cases.length);
    const col = (name: string) => caseColumns.indexOf(name);
    for (const [i, row] of rows.entries()) {
      const record = cases[i]!;
      expect(row).toHaveLength(caseColumns.length);
      expect(row[col('编号')]).toBe(record.slug);
      expect(row[col('标题')]).toBe(record.title);
      expect(row[col('资料来源')]).toContain(record.sources[0]!.publisher);
      for (const f of record.figures) expect(row[col('关键数字')]).toContain(`${f.label}：${f.text}`);
    }
  });

  test('figures.csv has one row per figure', async () => {
    const { cases } = await records();
    const [header, ...rows] = parseCsv(toCsv(figureColumns, figureRows(cases)).slice(1));
    expect(header).toEqual(figureColumns);
    expect(rows).toHaveLength(cases.reduce((n, c) => n + c.figures.length, 0));
    expect(rows.some((r) => r[6] === '3.1万多人次' || r[6] === '410余场次')).toBe(true);
    // Each row carries the passage its number comes from, which prints that number.
    const col = (name: string) => figureColumns.indexOf(name);
    expect(col('原文')).toBeGreaterThan(0);
    for (const row of rows) {
      const figure = {
        value: Number(row[col('数值')]),
        unit: row[col('单位')] ?? '',
        approx: row[col('约数')] as '多',
      };
      expect(printsFigure(row[col('原文')] ?? '', figure), row.join(' | ')).toBe(true);
    }
  });

  test('cases.json gives every figure its quote and whether it is background', async () => {
    const { cases } = await records();
    for (const c of cases)
      for (const f of c.figures) {
        expect(printsFigure(f.quote, f), `${c.slug}: ${f.label}`).toBe(true);
        expect(typeof f.context).toBe('boolean');
      }
  });

  test('CSV fields with commas, quotes or line breaks are quoted', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说“好”')).toBe('他说“好”');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('两行\n文字')).toBe('"两行\n文字"');
    expect(csvField(undefined)).toBe('');
    expect(parseCsv(toCsv(['x'], [['a,"b"\nc']]).slice(1))).toEqual([['x'], ['a,"b"\nc']]);
  });
});
