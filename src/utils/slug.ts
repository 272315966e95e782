import { OutputFormat, pinyin, segment } from 'pinyin-pro';

/** ASCII slug of a tag, from its pinyin, one syllable per part: 党建联建 → dang-jian-lian-jian. */
export function tagSlug(tag: string): string {
  const syllables = pinyin(tag, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  return clean(syllables.join('-'));
}

/**
 * ASCII file name for a new entry from its Chinese title, words kept together where the
 * dictionary knows them: 干部夜校 → ganbu-ye-xiao. At most `max` characters, cut between words.
 */
export function titleSlug(title: string, max = 40): string {
  // Latin letters and digits stay as they are (12345, 2.0); Chinese runs become pinyin words.
  const words = title
    .split(/([\u3400-\u9fff]+)/u)
    .flatMap((run) =>
      /[\u3400-\u9fff]/u.test(run)
        ? (segment(run, { format: OutputFormat.PinyinSegment, toneType: 'none', v: true }) as string[])
        : [run],
    );
  const parts = clean(words.join('-')).split('-').filter(Boolean);
  let out = '';
  for (const part of parts) {
    const next = out ? `${out}-${part}` : part;
    if (next.length > max && out) break;
    out = next;
  }
  return out.slice(0, max).replace(/-$/, '');
}

function clean(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
