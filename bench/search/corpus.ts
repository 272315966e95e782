/**
 * A synthetic Chinese corpus for the search benchmark: pages that look like the exhibition's
 * built case pages (same markup around the content, same facets), with text made of the words of
 * the real content in random order, numbers and a little Latin. Deterministic for a given seed.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Deterministic pseudo-random numbers in [0, 1). */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Words of the real content (content/), most frequent first, with their counts. */
export function realWords(root: string): { words: string[]; weights: number[]; tags: string[]; units: string[] } {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(md|mdx|ya?ml)$/.test(e.name)) texts.push(readFileSync(p, 'utf8'));
    }
  };
  walk(join(root, 'content'));
  const all = texts.join('\n');
  const counts = new Map<string, number>();
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  for (const { segment, isWordLike } of segmenter.segment(all)) {
    if (isWordLike && /\p{Script=Han}/u.test(segment)) counts.set(segment, (counts.get(segment) ?? 0) + 1);
  }
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const tags = [
    ...new Set([...all.matchAll(/^tags: \[(.*)\]$/gm)].flatMap((m) => m[1]!.split(',').map((t) => t.trim()))),
  ];
  const units = [...new Set([...all.matchAll(/^ {2}name: (.+)$/gm)].map((m) => m[1]!.trim()))].slice(0, 40);
  return { words: sorted.map(([w]) => w), weights: sorted.map(([, n]) => n), tags, units };
}

export interface CorpusPage {
  path: string;
  title: string;
  paragraphs: string[];
}

const TYPES = ['案例', '展馆', '航线', '大事记'];
const SERIES = ['“新、活、实”十佳案例', '福州机关党建其他案例', '莆田机关党建案例'];
const UNITS_OF = ['个', '家', '项', '人次', '万人次', '名', '场次', '平方米'];
const LATIN = ['App', 'AI', '5G', 'VR', 'QQ', 'OA'];

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Writes `n` pages under `<dir>/bench/NNNN/index.html`; returns them. */
export function writeCorpus(dir: string, root: string, n: number, seed = 7): CorpusPage[] {
  const next = random(seed);
  const { words, weights, tags, units } = realWords(root);
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) cumulative.push((acc += w / total));
  const word = () => {
    const r = next();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const sentence = () => {
    const parts: string[] = [];
    const len = 6 + Math.floor(next() * 20);
    for (let i = 0; i < len; i++) {
      parts.push(word());
      if (next() < 0.04) parts.push(`${Math.floor(next() * (next() < 0.5 ? 100 : 99999))}${pick(UNITS_OF)}`);
      if (next() < 0.01) parts.push(` ${pick(LATIN)} `);
      if (i > 3 && next() < 0.08) parts.push(pick(['，', '、', '；']));
    }
    return `${parts.join('')}${pick(['。', '。', '。', '！', '；'])}`;
  };
  const pages: CorpusPage[] = [];
  for (let i = 0; i < n; i++) {
    const title = Array.from({ length: 3 + Math.floor(next() * 6) }, word).join('');
    const paragraphs = Array.from({ length: 3 + Math.floor(next() * 8) }, () =>
      Array.from({ length: 2 + Math.floor(next() * 5) }, sentence).join(''),
    );
    const path = `/bench/${String(i).padStart(4, '0')}/`;
    const type = pick(TYPES);
    const facets: [string, string][] = [
      ['type', type],
      ['unit', pick(units)],
      ['region', next() < 0.7 ? '福州市' : '莆田市'],
      ['year', String(1990 + Math.floor(next() * 36))],
      ...(type === '案例' ? [['series', pick(SERIES)] as [string, string]] : []),
      ...Array.from({ length: 1 + Math.floor(next() * 3) }, (): [string, string] => ['tag', pick(tags)]),
    ];
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><header><nav><a href="/">首页</a><a href="/cases/">案例</a><a href="/halls/">政治生活馆</a></nav></header>
<main><article data-pagefind-body>
${facets.map(([k, v]) => `<span hidden data-pagefind-filter="${k}[data-value]" data-value="${escape(v)}"></span>`).join('')}
<span hidden data-pagefind-meta="type[data-value]" data-value="${type}"></span>
<span hidden data-pagefind-meta="year[data-value]" data-value="${facets[3]![1]}"></span>
<h1>${escape(title)}</h1>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
</article></main><footer>本馆内容均整理自公开报道。</footer></body></html>`;
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(join(dir, path, 'index.html'), html);
    pages.push({ path, title, paragraphs });
  }
  return pages;
}
