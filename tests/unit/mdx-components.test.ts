import { describe, expect, test } from 'vitest';
import { caseFile, check } from './helpers.ts';

const mdx = (body: string) => ({ 'content/cases/t.mdx': caseFile({}, `正文第一段。\n\n${body}\n`) });

describe('MDX components in a case body are checked before the build', () => {
  test('a misspelt component name is reported with its line and the nearest name', async () => {
    const { problems } = await check(mdx('<Qoute speaker="某某" source="fzrb-2024-shijia">原话</Qoute>'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/cases/t.mdx', line: 12, found: '组件 <Qoute>' });
    expect(problems[0]?.suggestion).toBe('是否想写 <Quote>？');
  });

  test('a missing required attribute names the attribute in Chinese', async () => {
    const { report } = await check(mdx('<Quote source="fzrb-2024-shijia">原话</Quote>'));
    expect(report).toContain('<Quote> 的 speaker（说话人）');
    expect(report).toContain('没有填写');
    expect(report).toContain('这是必填属性');
  });

  test('an unknown source id, case file name or figure label suggests the nearest', async () => {
    const { problems } = await check(
      mdx(
        [
          '<Quote speaker="某某" source="fzrb-2024-shijai">原话</Quote>',
          '<RelatedCase slug="xinhuoshi/nope" />',
          '<Stat figure="不存在的数字" />',
        ].join('\n\n'),
      ),
    );
    expect(problems.map((p) => p.found)).toEqual([
      'source（来源编号）"fzrb-2024-shijai"',
      'slug（案例文件名）"xinhuoshi/nope"',
      'figure（数据名称）"不存在的数字"',
    ]);
    expect(problems[0]?.suggestion).toBe('是否想写 "fzrb-2024-shijia"？');
  });

  test('a callout type outside the list, and a photo without alt text, are reported', async () => {
    const { report } = await check(mdx('<Callout type="注意">内容</Callout>\n\n<Gallery></Gallery>'));
    expect(report).toContain('类型只能是 说明、要点、提示 之一');
    expect(report).toContain('<Gallery> 里没有照片');
  });

  test('correct use passes, with values written as code', async () => {
    const { problems } = await check(
      mdx(
        [
          '<Stat label="接待参观者" value={1.8} unit="万人次" asOf="2024" source="fzrb-2024-shijia" />',
          '<Callout type="要点" title="三地五联">理论联学、队伍联育。</Callout>',
          '<Honours items={["第一项", "第二项"]} />',
        ].join('\n\n'),
      ),
    );
    expect(problems).toEqual([]);
  });
});
