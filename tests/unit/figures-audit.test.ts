/**
 * Figures audit: every key number on the site is printed in the passage it quotes, and that
 * passage is printed in the source it cites.
 *
 * For each figure in content/cases, content/halls and content/routes:
 *
 * - always (from the repository alone): the figure has a quote (原文) of at most 80 characters
 *   that prints the number with its approximation word and unit ("410余场次", "3.1万多人次");
 * - where the source texts are available (../shared/sources/ on development machines, or
 *   SOURCES_DIR): the quote occurs verbatim in the text of the figure's own source, else the
 *   entry's first string source (white space, half/full-width punctuation and known layout
 *   noise aside; … in a quote stands for words left out). Sources whose text is only restated
 *   (facts.md) are checked for the number alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { QUOTE_MAX, type Figure } from '../../src/schemas/common.ts';
import { compact, numberForms, printedForms, printsFigure, quoteOccursIn } from '../../src/utils/figures.ts';
import { listFiles as listAllFiles } from '../../src/utils/files.ts';

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

const sourceText = new Map<string, string>();
function readSource(file: string): string {
  let text = sourceText.get(file);
  if (text === undefined) {
    text = readFileSync(path.join(sourcesDir, file), 'utf8');
    for (const noise of NOISE[file] ?? []) text = text.split(noise).join('');
    text = compact(text);
    sourceText.set(file, text);
  }
  return text;
}

interface AuditedFigure {
  label: string;
  value: number;
  unit?: string;
  approx?: Figure['approx'];
  asOf?: string;
  source?: unknown;
  quote?: unknown;
}

interface FigureCase {
  file: string;
  index: number;
  figure: AuditedFigure;
  sourceId: unknown;
}

/** The Markdown and MDX files below `dir`, sorted, set-aside (`_`, `.`) names left out. */
const listFiles = (dir: string): string[] => listAllFiles(dir, { skipHidden: true }).filter((f) => /\.mdx?$/i.test(f));

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
      const figures = Array.isArray(data['figures']) ? (data['figures'] as AuditedFigure[]) : [];
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

/** How the figure reads in print, for the test name: "410余场次", "3.1万多人次", "超211个". */
function shown(figure: AuditedFigure): string {
  const approx = figure.approx ?? '';
  const unit = figure.unit ?? '';
  if (approx !== '余' && approx !== '多') return `${approx}${figure.value}${unit}`;
  const magnitude = /^[万亿]/.exec(unit)?.[0] ?? '';
  return `${figure.value}${magnitude}${approx}${unit.slice(magnitude.length)}`;
}

const figures = collectFigures();

describe('figures audit: every figure prints its number in its quote', () => {
  it('finds figures to audit', () => {
    expect(figures.length).toBeGreaterThan(0);
  });

  for (const { file, index, figure } of figures) {
    it(`${file} › figures[${index}] ${figure.label} = ${shown(figure)}`, () => {
      const { quote } = figure;
      expect(typeof quote, `${file}: figure "${figure.label}" has no quote`).toBe('string');
      expect([...(quote as string)].length).toBeLessThanOrEqual(QUOTE_MAX);
      const printed = { value: figure.value, unit: figure.unit ?? '', approx: figure.approx };
      expect(
        printsFigure(quote as string, printed),
        `${file}: none of ${JSON.stringify(printedForms(printed))} occurs in the quote "${String(quote)}"`,
      ).toBe(true);
    });
  }
});

describe.skipIf(!haveSources)('figures audit: every quote occurs verbatim in its source', () => {
  for (const { file, index, figure, sourceId } of figures) {
    it(`${file} › figures[${index}] ${figure.label} = ${shown(figure)}`, () => {
      expect(typeof sourceId, `${file}: figure "${figure.label}" has no source id`).toBe('string');
      const sourceFile = SOURCE_FILES[sourceId as string];
      expect(
        sourceFile,
        `${file}: source "${String(sourceId)}" is not mapped to a file in shared/sources`,
      ).toBeDefined();
      const text = readSource(sourceFile!);
      if (sourceFile === 'facts.md') {
        // Restated facts, not the article's words: only the number can be found there.
        const found = numberForms(figure.value).filter((c) => text.includes(c));
        expect(found, `${file}: "${figure.label}" — ${figure.value} does not occur in facts.md`).not.toHaveLength(0);
        return;
      }
      expect(
        quoteOccursIn(String(figure.quote), text),
        `${file}: the quote "${String(figure.quote)}" does not occur in ${sourceFile} (source ${String(sourceId)})`,
      ).toBe(true);
    });
  }
});
