/**
 * The exhibition in its own words (issue 12, part 4).
 *
 * Where the newspaper texts are available (SOURCES_DIR, default ../shared/sources beside the
 * repository; development machines only):
 * - outside quotations “…”, titles 《…》 and lists of names, no content text shares a run of more
 *   than 30 letters and digits with a source;
 * - every quotation “…” in content and interface text occurs verbatim (letters and digits) in a
 *   source, unless it is a name listed below.
 * The rule itself is tested on fixtures and always runs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentPassages, copiedRuns, letters, MAX_RUN, ownWords, quotations, sourceGrams } from './copy-rule.ts';
import { repoRoot } from './helpers.ts';

const sourcesDir = path.resolve(repoRoot, process.env['SOURCES_DIR'] ?? path.join('..', 'shared', 'sources'));
const haveSources = existsSync(sourcesDir);
if (!haveSources) console.log(`copy rule against the source texts skipped: ${sourcesDir} does not exist`);

/**
 * Quoted words that are names the exhibition gives, not words of a source: they may stand in
 * “…” without occurring in one.
 */
const NAMES: ReadonlySet<string> = new Set([
  // The name of a section of this site.
  '大事记',
  // The name of the browser's print setting.
  '背景图形',
]);

/** Photo captions printed in the middle of a sentence in the captured articles; removed before comparing. */
const NOISE: Record<string, string[]> = {
  '003_0cdc80942cc487f2.txt': ['市直机关“我在乡间有亩田”认种认养活动。'],
};

describe('copy rule on fixtures', () => {
  const source =
    '市委市直机关工委坚持以习近平新时代中国特色社会主义思想为指导，推动机关党建与业务工作深度融合，取得明显成效。';
  const grams = sourceGrams([source]);

  it('finds a run longer than the limit, punctuation and spaces ignored, and shows it as written', () => {
    const runs = copiedRuns(
      {
        where: 'x.md',
        text: '开头。市委市直机关工委坚持以习近平新时代中国特色社会主义思想为指导, 推动机关党建与业务工作深度融合。',
      },
      grams,
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]!.text).toBe(
      '市委市直机关工委坚持以习近平新时代中国特色社会主义思想为指导, 推动机关党建与业务工作深度融合',
    );
    expect(runs[0]!.length).toBe(letters(runs[0]!.text).length);
  });

  it('allows a run of exactly the limit', () => {
    const run = letters(source).slice(0, MAX_RUN);
    expect(copiedRuns({ where: 'x.md', text: `新的话：${run}。` }, grams)).toEqual([]);
    const longer = letters(source).slice(0, MAX_RUN + 1);
    expect(copiedRuns({ where: 'x.md', text: `新的话：${longer}。` }, grams)).toHaveLength(1);
  });

  it('lets quotations, titles and lists of names repeat a source', () => {
    const text = `报道写道：“${source}”《${source}》`;
    expect(copiedRuns({ where: 'x.md', text }, grams)).toEqual([]);
    expect(ownWords('共建单位：甲公司、乙艺术馆和丙街道党工委共同建设。')).toEqual(['共建单位：', '共同建设。']);
    expect(ownWords('通过建强组织、筑牢阵地、优化队伍。')).toEqual(['通过建强组织、筑牢阵地、优化队伍。']);
  });

  it('does not join the words before and after a quotation into one run', () => {
    const half = Math.floor(source.length / 2);
    const text = `${source.slice(0, half)}“插入”${source.slice(half)}`;
    expect(copiedRuns({ where: 'x.md', text }, grams)).toEqual([]);
  });

  it('finds quotations', () => {
    expect(quotations('他说“马上就办”，又说“真抓实干”。')).toEqual(['马上就办', '真抓实干']);
  });
});

describe.skipIf(!haveSources)('copy rule: the exhibition in its own words', () => {
  const texts = haveSources
    ? readdirSync(sourcesDir)
        .filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md')
        .map((f) =>
          (NOISE[f] ?? []).reduce(
            (text, noise) => text.split(noise).join(''),
            readFileSync(path.join(sourcesDir, f), 'utf8'),
          ),
        )
    : [];
  const grams = sourceGrams(texts);
  const sourceLetters = texts.map(letters);
  const byFile = contentPassages(repoRoot);

  it('finds content and sources to compare', () => {
    expect(texts.length).toBeGreaterThan(0);
    expect(byFile.size).toBeGreaterThan(10);
  });

  for (const [file, passages] of byFile) {
    it(`${file}: no run of more than ${MAX_RUN} characters copied from a source`, () => {
      const runs = passages.flatMap((p) => copiedRuns(p, grams));
      const report = runs.map((r) => `  ${r.where}: ${r.length} 字相同「${r.text}」`).join('\n');
      expect(runs, `${file} repeats a source outside quotation marks:\n${report}`).toEqual([]);
    });

    it(`${file}: every “…” quotation occurs in a source`, () => {
      const wrong = passages.flatMap((p) =>
        quotations(p.text)
          // A placeholder such as “{words}” is filled with a quotation from content, checked there.
          .filter((q) => !NAMES.has(q) && !q.includes('{') && letters(q).length > 0)
          .filter((q) => !sourceLetters.some((s) => s.includes(letters(q))))
          .map((q) => `  ${p.where}: “${q}”`),
      );
      expect(wrong, `${file} quotes words that no source prints:\n${wrong.join('\n')}`).toEqual([]);
    });
  }
});
