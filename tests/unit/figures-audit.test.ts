/**
 * Figures audit: every key number on the site must be printed in the source it cites.
 *
 * For each figure in content/cases, content/halls and content/routes the test takes the
 * figure's own `source`, else the entry's first string source, opens that source's text in
 * ../shared/sources/ and asserts that the number occurs there as written:
 *
 * - for the newspaper articles, together with its approximation word and unit as the article
 *   prints them (e.g. "410余场次", "3.1万多人次", "超过211个"), whitespace removed;
 * - for facts.md (restated facts, partly in English), the number+unit form if present, else
 *   the number alone ("6800" or "6,800").
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * The source texts live outside the repository (only on development machines); set SOURCES_DIR
 * to point elsewhere. Without them this audit is skipped with a one-line reason.
 */
const sourcesDir = path.resolve(repoRoot, process.env['SOURCES_DIR'] ?? path.join('..', 'shared', 'sources'));
const haveSources = existsSync(sourcesDir);
if (!haveSources) console.log(`figures audit against the source texts skipped: ${sourcesDir} does not exist`);

/** Source id (content/sources.yaml) → file in ../shared/sources/. */
const SOURCE_FILES: Record<string, string> = {
  'fzrb-2025-bianfang': '000_dffa9ea44067ef8f.txt',
  'fzrb-2024-shijia': '001_c78c96478e7856fe.txt',
  'fzrb-2021-jiceng': '002_13a46d50afd9d5e4.txt',
  'fzrb-2024-wunian': '003_0cdc80942cc487f2.txt',
  'mzrb-2021-putian': '004_a32d40173a9df0f0.txt',
  'fzrb-2019-hangxian': 'facts.md',
  'fzrb-2023-fangxiang': 'facts.md',
  'fzxww-2021-shanghai': 'facts.md',
  'fjrb-2018-houhuang': 'facts.md',
  'fzxfzx-2023-guling': 'facts.md',
};

/**
 * Layout noise that the captured articles print in the middle of a number and its unit
 * (photo captions; see shared/sources/README.md). Removed before matching.
 */
const NOISE: Record<string, string[]> = {
  // "…达2.54万人 [caption] 次" in the five-year review.
  '003_0cdc80942cc487f2.txt': ['市直机关“我在乡间有亩田”认种认养活动。'],
};

const strip = (s: string) => s.replace(/\s+/g, '');

const sourceText = new Map<string, string>();
function readSource(file: string): string {
  let text = sourceText.get(file);
  if (text === undefined) {
    text = readFileSync(path.join(sourcesDir, file), 'utf8');
    for (const noise of NOISE[file] ?? []) text = text.split(noise).join('');
    text = strip(text);
    sourceText.set(file, text);
  }
  return text;
}

interface Figure {
  label: string;
  value: number;
  unit?: string;
  approx?: string;
  asOf?: string;
  source?: unknown;
}

interface FigureCase {
  file: string;
  index: number;
  figure: Figure;
  sourceId: unknown;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.') || name.startsWith('_')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else if (/\.mdx?$/i.test(name)) out.push(full);
  }
  return out.sort();
}

function frontmatter(text: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
  if (!match) return {};
  return (parse(match[1]!) ?? {}) as Record<string, unknown>;
}

function collectFigures(): FigureCase[] {
  const out: FigureCase[] = [];
  for (const collection of ['cases', 'halls', 'routes']) {
    for (const full of listFiles(path.join(repoRoot, 'content', collection))) {
      const data = frontmatter(readFileSync(full, 'utf8'));
      const sources = Array.isArray(data['sources']) ? data['sources'] : [];
      const firstString = sources.find((s): s is string => typeof s === 'string');
      const figures = Array.isArray(data['figures']) ? (data['figures'] as Figure[]) : [];
      figures.forEach((figure, index) => {
        out.push({
          file: path.relative(repoRoot, full).split(path.sep).join('/'),
          index,
          figure,
          sourceId: figure.source ?? firstString,
        });
      });
    }
  }
  return out;
}

/** The ways a source may print a number: "6800", "6,800", and "3.1万" for 31000. */
function numberForms(value: number): string[] {
  const forms = new Set<string>([String(value), value.toLocaleString('en-US', { maximumFractionDigits: 10 })]);
  if (value >= 10000) forms.add(`${value / 10000}万`);
  return [...forms];
}

/** Number + approximation word + unit, in the orders Chinese print uses. */
function withUnitForms(figure: Figure): string[] {
  const unit = strip(figure.unit ?? '');
  const approx = figure.approx ?? '';
  const out = new Set<string>();
  for (const n of numberForms(figure.value)) {
    if (!approx) {
      out.add(`${n}${unit}`);
      continue;
    }
    out.add(`${n}${approx}${unit}`);
    if (approx === '余' || approx === '多') {
      // "3.1万多人次", "2.1万余次": the word follows the 万/亿 of the unit.
      const magnitude = /^[万亿]/.exec(unit);
      if (magnitude) out.add(`${n}${magnitude[0]}${approx}${unit.slice(1)}`);
    } else {
      // 近6500支, 约5小时, 逾…, 超过211个
      out.add(`${approx}${n}${unit}`);
      if (approx === '超') out.add(`超过${n}${unit}`);
    }
  }
  return [...out];
}

/** How the figure reads in print, for the test name: "410余场次", "3.1万多人次", "超211个". */
function shown(figure: Figure): string {
  const approx = figure.approx ?? '';
  const unit = figure.unit ?? '';
  if (approx !== '余' && approx !== '多') return `${approx}${figure.value}${unit}`;
  const magnitude = /^[万亿]/.exec(unit)?.[0] ?? '';
  return `${figure.value}${magnitude}${approx}${unit.slice(magnitude.length)}`;
}

const figures = collectFigures();

describe.skipIf(!haveSources)('figures audit: every figure occurs in its source', () => {
  it('finds figures to audit', () => {
    expect(figures.length).toBeGreaterThan(0);
  });

  for (const { file, index, figure, sourceId } of figures) {
    it(`${file} › figures[${index}] ${figure.label} = ${shown(figure)}`, () => {
      expect(typeof sourceId, `${file}: figure "${figure.label}" has no source id`).toBe('string');
      const sourceFile = SOURCE_FILES[sourceId as string];
      expect(
        sourceFile,
        `${file}: source "${String(sourceId)}" is not mapped to a file in shared/sources`,
      ).toBeDefined();
      expect(typeof figure.value, `${file}: figure "${figure.label}" has no numeric value`).toBe('number');
      const text = readSource(sourceFile!);
      const candidates = withUnitForms(figure);
      if (sourceFile === 'facts.md') candidates.push(...numberForms(figure.value));
      const found = candidates.filter((c) => text.includes(c));
      expect(
        found,
        `${file}: "${figure.label}" — none of ${JSON.stringify(candidates)} occurs in ${sourceFile} (source ${String(sourceId)})`,
      ).not.toHaveLength(0);
    });
  }
});
