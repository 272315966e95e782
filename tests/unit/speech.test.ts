/**
 * 朗读: how page text is cut into sentences and how figures are written for a Chinese voice.
 */
import { describe, expect, test } from 'vitest';
import { chineseVoice, isChineseVoice, sentences, speakable } from '../../src/utils/speech.ts';

describe('sentences', () => {
  test('cuts at Chinese sentence ends, keeping closing quotes, with offsets into the text', () => {
    const text = '市纪委监委打造“坊巷讲习所”。开馆至今承接活动410余场次！“讲得好。”还有吗？';
    const found = sentences(text);
    expect(found.map((s) => s.text)).toEqual([
      '市纪委监委打造“坊巷讲习所”。',
      '开馆至今承接活动410余场次！',
      '“讲得好。”',
      '还有吗？',
    ]);
    for (const s of found) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  test('a title without an end mark is one sentence; white space and lone marks are skipped', () => {
    expect(sentences('  “坊巷讲习所”的探索与实践 ').map((s) => s.text)).toEqual(['“坊巷讲习所”的探索与实践']);
    expect(sentences(' 。 \n ')).toEqual([]);
  });
});

describe('figures spoken naturally', () => {
  test.each([
    ['按时办结率已达到 99.4%', '按时办结率已达到百分之99.4'],
    ['410余场次', '410余场次'],
    ['3.1万多人次', '3.1万多人次'],
    ['21,450名党员', '21450名党员'],
    ['2021 年 7 月', '2021年7月'],
    ['2019—2021 年', '2019至2021年'],
    ['由 70 余名干部组成', '由70余名干部组成'],
  ])('%s → %s', (text, spoken) => {
    expect(speakable(text)).toBe(spoken);
  });
});

describe('voice choice', () => {
  const voice = (lang: string, localService = false, isDefault = false) => ({
    lang,
    localService,
    default: isDefault,
  });

  test('takes a Mandarin voice, zh-CN and offline first', () => {
    const voices = [voice('en-US', true, true), voice('zh-TW'), voice('zh-CN'), voice('zh-CN', true)];
    expect(chineseVoice(voices)).toBe(voices[3]);
  });

  test('finds none among other languages (the button then says so)', () => {
    expect(chineseVoice([voice('en-US', true, true), voice('ja-JP')])).toBeUndefined();
    expect(isChineseVoice(voice('cmn-Hans-CN'))).toBe(true);
    expect(isChineseVoice(voice('zh_CN'))).toBe(true);
  });
});
