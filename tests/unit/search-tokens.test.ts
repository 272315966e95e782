import { describe, expect, it } from 'vitest';
import { normalize, normalizeWithMap, occurrences, wordRuns } from '../../src/search/normalize.ts';
import { looksLikePinyin, Pinyin } from '../../src/search/pinyin.ts';
import { decodeShard, encodeShard } from '../../src/search/shards.ts';
import {
  END,
  pairKey,
  queryPairs,
  SPAN,
  syllableCode,
  syllableQueryPairs,
  textPairs,
  textPinyinPairs,
} from '../../src/search/tokens.ts';
import { readState, toggle, writeState } from '../../src/search/url-state.ts';

describe('normalisation used on both sides of the search', () => {
  it.each([
    ['２０２２ 年初', '2022年初'],
    ['App  Store', 'app store'],
    ['联盟成员 34 家', '联盟成员34家'],
    ['党\u200b建\u200b+\u200b双\u200b拥', '党建+双拥'],
    ['\u3000福州 ', '福州'],
    ['ＡＢＣ１２３', 'abc123'],
  ])('%j → %j', (input, output) => {
    expect(normalize(input)).toBe(output);
  });

  it('maps every normalised character back to the original text', () => {
    const original = '第二\u200b段 2022 年初，App Store';
    const { text, start, end } = normalizeWithMap(original);
    const at = text.indexOf('2022年');
    expect(original.slice(start[at]!, end[at + '2022年'.length - 1]!)).toBe('2022 年');
    const app = text.indexOf('app');
    expect(original.slice(start[app]!, end[app + 2]!)).toBe('App');
  });

  it('splits runs at punctuation and spaces', () => {
    expect(wordRuns('党建+双拥 12345热线。ab').map((r) => r.join(''))).toEqual(['党建', '双拥', '12345热线', 'ab']);
  });

  it('counts overlapping occurrences', () => {
    expect(occurrences('双拥双拥拥', '双拥')).toEqual([0, 2]);
    expect(occurrences('aaa', 'aa')).toEqual([0, 1]);
  });
});

describe('character pairs find every page that contains the query', () => {
  const texts = [
    '探索推行全国首个“党建+双拥”工作机制，联盟成员单位已扩充至34家。',
    '双休日里，群众拥护党的领导。',
    '福州12345热线与“138”机制，3820工程。',
    '“六个一”机制；网格化基层治理；坊巷讲习所。',
    'App Store 里的 2022 年初报道。',
    '生僻字𠀀𠀁在扩展区。',
  ].map(normalize);
  /** Every substring of 1–8 characters of every text, as a query. */
  const queries = new Set<string>();
  for (const text of texts) {
    const chars = [...text];
    for (let i = 0; i < chars.length; i++)
      for (let len = 1; len <= 8 && i + len <= chars.length; len++) queries.add(chars.slice(i, i + len).join(''));
  }
  /** Does a page with these pairs satisfy the term (a whole pair, or any pair starting with `a`)? */
  const has = (pairs: Set<number>, term: { a: number; b?: number }) =>
    term.b !== undefined ? pairs.has(pairKey(term.a, term.b)) : [...pairs].some((k) => Math.floor(k / SPAN) === term.a);

  it('has every query pair (or a pair it starts) in each page that contains the query', () => {
    let checked = 0;
    for (const q of queries) {
      const pairs = queryPairs(normalize(q));
      if (!pairs) continue;
      for (const text of texts) {
        if (!text.includes(normalize(q))) continue;
        const pagePairs = textPairs(text);
        for (const term of pairs.terms) expect(has(pagePairs, term), `${q} in ${text}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('keeps pages with the characters apart out of a two-character query, and is exact for it', () => {
    const q = queryPairs('双拥')!;
    expect(q.exact).toBe(true);
    expect(q.terms).toHaveLength(1);
    expect(has(textPairs(texts[1]!), q.terms[0]!)).toBe(false);
    expect(has(textPairs(texts[0]!), q.terms[0]!)).toBe(true);
    // Characters outside the Basic Multilingual Plane get their own pairs, no shared codes.
    const rare = queryPairs('𠀀𠀁')!;
    expect(rare.exact).toBe(true);
    expect(has(textPairs(texts[5]!), rare.terms[0]!)).toBe(true);
    expect(has(textPairs(texts[0]!), rare.terms[0]!)).toBe(false);
  });

  it('marks longer or broken-up queries as needing the text check', () => {
    expect(queryPairs('六个一')!.exact).toBe(false);
    expect(queryPairs('党建+双拥')!.exact).toBe(false);
    expect(queryPairs('党')!.exact).toBe(true);
    expect(queryPairs('+')).toBeUndefined();
  });

  it('pairs the last character of a run with the end mark, so every character starts a pair', () => {
    expect(textPairs('双拥').has(pairKey('拥'.codePointAt(0)!, END))).toBe(true);
    expect(pairKey('双'.codePointAt(0)!, '拥'.codePointAt(0)!)).not.toBe(
      pairKey('拥'.codePointAt(0)!, '双'.codePointAt(0)!),
    );
  });

  it('stores postings in shards that decode to what was written', () => {
    const pairs = [
      { a: 21452, b: 0, postings: [0, 3, 4, 1000] },
      { a: 21452, b: 25317, postings: [7] },
      { a: 0x20000, b: 0x20001, postings: [2, 200_000, 2 ** 31] },
    ];
    const shard = decodeShard(encodeShard(pairs));
    for (const { a, b, postings } of pairs) expect([...shard.get(a)!.get(b)!]).toEqual(postings);
    const bytes = encodeShard(pairs);
    expect(() => decodeShard(bytes.subarray(0, bytes.length - 1))).toThrow(/truncated/);
  });
});

describe('pinyin', () => {
  const syllables = ['an', 'fang', 'jian', 'shuang', 'xi', 'xian', 'xiang', 'yong'];
  const code = (s: string) => syllableCode(syllables.indexOf(s));
  const py = new Pinyin({
    syllables,
    chars: '双拥坊巷西安先',
    readings: [code('shuang'), code('yong'), code('fang'), code('xiang'), code('xi'), code('an'), code('xian')],
    terms: [
      ['双拥', 'sy'],
      ['双拥联盟', 'sylm'],
      ['坊巷讲习所', 'fxjxs'],
    ],
  });

  it('reads a query of letters in every way the syllables allow', () => {
    expect(py.segment('shuangyong').map((r) => r.map((n) => syllables[n]))).toEqual([['shuang', 'yong']]);
    expect(py.segment('xian').map((r) => r.map((n) => syllables[n]))).toEqual([['xian'], ['xi', 'an']]);
    expect(py.segment("xi'an").map((r) => r.map((n) => syllables[n]))).toEqual([['xi', 'an']]);
    expect(py.segment('qqq')).toEqual([]);
  });

  it('finds the Chinese that reads as the pinyin', () => {
    const text = '坊巷讲习所与双拥，西安';
    const spans = py.find(text, [syllables.indexOf('fang'), syllables.indexOf('xiang')]);
    expect(spans.map(([s, e]) => text.slice(s, e))).toEqual(['坊巷']);
    expect(py.find(text, [syllables.indexOf('xi'), syllables.indexOf('an')]).map(([s, e]) => text.slice(s, e))).toEqual(
      ['西安'],
    );
  });

  it('matches initials to named terms, whole initials first', () => {
    expect(py.terms('sy')).toEqual(['双拥', '双拥联盟']);
    expect(py.terms('fx')).toEqual(['坊巷讲习所']);
    expect(py.terms('s')).toEqual([]);
  });

  it('indexes every reading of a character, so the check never meets a pair the index lacks', () => {
    // 行 reads xing and hang: 银行 gives yin+xing and yin+hang, 行 at the end of the run both with the end mark.
    const no = (s: string) => ['hang', 'xing', 'yin'].indexOf(s);
    const readings = (ch: string) => ({ 银: [no('yin')], 行: [no('xing'), no('hang')] })[ch] ?? [];
    const pairs = textPinyinPairs('银行，', readings);
    for (const [a, b] of [
      ['yin', 'hang'],
      ['yin', 'xing'],
    ])
      expect(pairs).toContain(pairKey(no(a!), no(b!) + 1));
    expect(pairs).toContain(pairKey(no('hang'), END));
    expect(syllableQueryPairs([no('yin'), no('hang')])).toEqual([{ kind: 'p', a: no('yin'), b: no('hang') + 1 }]);
    expect(pairs.size).toBe(4);
  });

  it('tells pinyin from other queries', () => {
    expect(looksLikePinyin('shuangyong')).toBe(true);
    expect(looksLikePinyin("xi'an")).toBe(true);
    expect(looksLikePinyin('12345')).toBe(false);
    expect(looksLikePinyin('双拥')).toBe(false);
  });
});

describe('the URL holds the search state', () => {
  it('reads and writes the query and filters', () => {
    const state = readState(new URLSearchParams('q=%E5%8F%8C%E6%8B%A5&unit=A&tag=x&tag=y&bogus=1'));
    expect(state).toEqual({ q: '双拥', filters: { unit: ['A'], tag: ['x', 'y'] } });
    expect(readState(new URLSearchParams(writeState(state)))).toEqual(state);
  });

  it('toggles a facet value on and off', () => {
    const on = toggle({ q: '', filters: {} }, 'type', '案例');
    expect(on.filters).toEqual({ type: ['案例'] });
    expect(toggle(on, 'type', '案例').filters).toEqual({});
  });
});
