import { distance } from 'fastest-levenshtein';
import type { CheckContext } from './check.ts';
import { describeField } from './fields.ts';

/**
 * Tags have no registry, so a misspelt tag silently makes a page of its own. A tag used once
 * that differs by one character from a tag used on several entries is pointed out as a note;
 * it does not stop the build, since two such tags can both be right (党建联建, 党建联创).
 */
export function checkTags(ctx: CheckContext): void {
  const uses = new Map<string, { file: string; index: number; entry: (typeof ctx.entries)[number] }[]>();
  for (const entry of ctx.entries) {
    const tags = entry.data['tags'];
    if (!Array.isArray(tags)) continue;
    tags.forEach((tag, index) => {
      if (typeof tag === 'string') uses.set(tag, [...(uses.get(tag) ?? []), { file: entry.file, index, entry }]);
    });
  }
  const common = [...uses].filter(([, u]) => u.length >= 2).map(([tag]) => tag);
  for (const [tag, list] of uses) {
    if (list.length !== 1 || [...tag].length < 3) continue;
    const near = common.filter((c) => c !== tag && distance(c, tag) === 1 && [...c].length === [...tag].length);
    const use = list[0];
    if (!use || near.length === 0) continue;
    ctx.notes.push({
      file: use.file,
      line: use.entry.yaml.lineOf(['tags', use.index]),
      field: describeField(['tags', use.index]),
      found: `"${tag}" 只在这一个文件中使用`,
      expected: '与其他条目一致的标签写法',
      suggestion: `其他条目用的是 ${near.map((n) => `"${n}"（${uses.get(n)?.length} 处）`).join('、')}，是否写错了？如果确实是不同的标签，可以忽略这条提示`,
    });
  }
}
