/**
 * Text prepared for speech synthesis (朗读): split into sentences, figures written the way a
 * Chinese voice reads them naturally. Pure functions, shared by the read-aloud element and tests.
 */

/** Sentence ends in Chinese and Western text; a closing quote or bracket stays with its sentence. */
const SENTENCE = /[^。！？；!?;\n]+(?:[。！？；!?;]+[”’」』）)]*|$)/g;

/** One sentence of a text block, with where it sits in that block's text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits a block's text into sentences, keeping their offsets so the sentence being read can be
 * highlighted in place. Sentences with nothing to say (white space, punctuation) are left out.
 */
export function sentences(text: string): Sentence[] {
  const found: Sentence[] = [];
  for (const match of text.matchAll(SENTENCE)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!/[\p{L}\p{N}]/u.test(trimmed)) continue;
    const start = (match.index ?? 0) + lead;
    found.push({ text: trimmed, start, end: start + trimmed.length });
  }
  return found;
}

/**
 * How a figure or a sentence holding figures is spoken: `99.4%` → 百分之99.4, `31,000` → 31000
 * (a voice reads grouping commas as pauses), `2024 年` → 2024年, and `～`/`—` between numbers
 * → 至. 410余场次 and 3.1万多人次 are already what a Chinese voice reads naturally.
 */
export function speakable(text: string): string {
  return text
    .replace(/(\d)\s+(?=[\u4e00-\u9fff])/g, '$1')
    .replace(/(?<=[\u4e00-\u9fff])\s+(?=\d)/g, '')
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/(\d+(?:\.\d+)?)\s*[%％]/g, '百分之$1')
    .replace(/(\d)\s*[～~—–-]\s*(\d)/g, '$1至$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Speech rates offered as 语速 (SpeechSynthesisUtterance.rate). */
export const RATES = { slow: 0.75, normal: 1, fast: 1.35 } as const;
export type RateName = keyof typeof RATES;

/** True for a voice that speaks Mandarin (zh-CN, zh_CN, cmn-Hans-CN, zh). */
export function isChineseVoice(voice: { lang: string }): boolean {
  return /^(zh|cmn)([-_](cn|hans|sg)|$)/i.test(voice.lang) || /^zh[-_]Hans/i.test(voice.lang);
}

/** The best Chinese voice of those the browser has: zh-CN first, a local (offline) one first. */
export function chineseVoice<V extends { lang: string; localService: boolean; default: boolean }>(
  voices: readonly V[],
): V | undefined {
  const chinese = voices.filter(isChineseVoice);
  const score = (v: V) => (/cn/i.test(v.lang) ? 4 : 0) + (v.localService ? 2 : 0) + (v.default ? 1 : 0);
  return chinese.sort((a, b) => score(b) - score(a))[0];
}
