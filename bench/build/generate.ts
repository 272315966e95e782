/**
 * Synthetic Chinese cases for the build benchmark. Text is recombined from the real case bodies
 * (so length, punctuation and character mix are realistic), frontmatter uses the real registries
 * (units, sources, series, tags) so every file passes the content checker, and every tenth case
 * has its own cover photo (a 1600×1067 JPEG made with sharp, like a phone photo scaled down).
 *
 * Synthetic text is for measuring only: it never goes into content/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { parse } from 'yaml';
import { random } from '../search/corpus.ts';
import { listFiles } from '../../src/utils/files.ts';

interface Corpus {
  paragraphs: string[];
  titles: string[];
  tags: string[];
  units: string[];
  sources: string[];
}

/** Reads the real content of the project at `root` as raw material. */
export function readCorpus(root: string): Corpus {
  const files = listFiles(join(root, 'content', 'cases')).filter((f) => /\.mdx?$/.test(f));
  const paragraphs: string[] = [];
  const titles: string[] = [];
  const tags = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text) ?? [];
    const data = parse(yaml) as { title: string; tags?: string[] };
    titles.push(data.title);
    for (const tag of data.tags ?? []) tags.add(tag);
    for (const p of body.split(/\n{2,}/)) {
      // Plain prose paragraphs only: no headings, lists, components or imports.
      if (/^[#<>\-*|!\[]|^import |^export |\{|\}/.test(p.trim()) || p.trim().length < 40) continue;
      paragraphs.push(p.trim());
    }
  }
  const units = (parse(readFileSync(join(root, 'content', 'units.yaml'), 'utf8')) as { name: string }[]).map(
    (u) => u.name,
  );
  const sources = (parse(readFileSync(join(root, 'content', 'sources.yaml'), 'utf8')) as { id: string }[]).map(
    (s) => s.id,
  );
  return { paragraphs, titles, tags: [...tags], units, sources };
}

/** The series (and folders) the synthetic cases go in. */
export const BENCH_SERIES = ['bench-a', 'bench-b', 'bench-c'];
const SERIES = BENCH_SERIES;

export interface GenerateOptions {
  /** Number of cases. */
  count: number;
  /** Every n-th case gets a cover photo (0: none). */
  imageEvery?: number;
  /** Every n-th case is MDX with a component (0: all plain Markdown). */
  mdxEvery?: number;
}

/**
 * Adds `count` synthetic cases to `content/cases/bench-a|b|c` of the project copy at `root`, and adds
 * the bench series to its `series.yaml`. Returns the number of images written.
 */
export async function generateCases(root: string, corpus: Corpus, options: GenerateOptions): Promise<number> {
  const { count, imageEvery = 10, mdxEvery = 0 } = options;
  const rand = random(count);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!;
  const casesDir = join(root, 'content', 'cases');
  let images = 0;
  const series = parse(readFileSync(join(root, 'content', 'series.yaml'), 'utf8')) as { id: string }[];
  if (!series.some((s) => s.id === SERIES[0])) {
    const extra = SERIES.map((id, i) => `- id: ${id}\n  name: 基准测试系列${'甲乙丙'[i]}\n`).join('');
    writeFileSync(
      join(root, 'content', 'series.yaml'),
      `${readFileSync(join(root, 'content', 'series.yaml'), 'utf8')}\n${extra}`,
    );
  }
  for (let i = 1; i <= count; i++) {
    const seriesId = SERIES[i % SERIES.length]!;
    const dir = join(casesDir, seriesId);
    mkdirSync(dir, { recursive: true });
    const slug = `case-${String(i).padStart(5, '0')}`;
    const paragraphs = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => pick(corpus.paragraphs));
    const title = `${pick(corpus.titles).replace(/[“”]/g, '').slice(0, 14)}（第 ${i} 例）`;
    const summary = paragraphs[0]!.replace(/\s+/g, '').slice(0, 90);
    const tags = [...new Set(Array.from({ length: 2 + Math.floor(rand() * 4) }, () => pick(corpus.tags)))];
    const sources = [...new Set([pick(corpus.sources), pick(corpus.sources)])];
    const figures = Array.from(
      { length: Math.floor(rand() * 3) },
      (_, k) => `  - label: 指标${k + 1}\n    value: ${Math.floor(rand() * 900) + 10}\n    unit: 项\n    asOf: '2024'`,
    );
    const lines = [
      '---',
      `title: ${JSON.stringify(title)}`,
      `unit: ${pick(corpus.units)}`,
      `year: ${2019 + Math.floor(rand() * 7)}`,
      `series: ${seriesId}`,
      `summary: ${JSON.stringify(summary)}`,
      `tags: [${tags.map((tag) => JSON.stringify(tag)).join(', ')}]`,
      'sources:',
      ...sources.map((s) => `  - ${s}`),
      ...(figures.length > 0 ? ['figures:', ...figures] : []),
    ];
    if (imageEvery > 0 && i % imageEvery === 0) {
      const file = `${slug}.jpg`;
      mkdirSync(join(dir, 'images'), { recursive: true });
      await photo(join(dir, 'images', file), i);
      images += 1;
      lines.push('cover:', `  src: ./images/${file}`, `  alt: 合成的示例照片，第 ${i} 例`);
    }
    lines.push('---', '');
    const mdx = mdxEvery > 0 && i % mdxEvery === 0;
    const body = paragraphs.join('\n\n');
    const text = mdx
      ? `${lines.join('\n')}\n${body}\n\n<Callout type="要点" title="要点">\n\n${paragraphs[1]!.slice(0, 60)}\n\n</Callout>\n`
      : `${lines.join('\n')}\n${body}\n`;
    writeFileSync(join(dir, `${slug}.${mdx ? 'mdx' : 'md'}`), text);
  }
  return images;
}

/** A 1600×1067 JPEG: noise under a coloured gradient, so it compresses like a photo, not a flat fill. */
async function photo(file: string, seed: number): Promise<void> {
  const width = 1600;
  const height = 1067;
  const rand = random(seed * 7919);
  const hue = () => Math.floor(rand() * 360);
  const gradient = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue()},55%,45%)"/><stop offset="1" stop-color="hsl(${hue()},60%,70%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${rand() * width}" cy="${rand() * height}" r="${200 + rand() * 300}" fill="hsl(${hue()},50%,50%)" opacity="0.6"/></svg>`,
  );
  await sharp({
    create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 14 } },
  })
    .composite([{ input: gradient, blend: 'overlay' }])
    .jpeg({ quality: 82 })
    .toFile(file);
}

/** Relative path for messages. */
export const rel = (from: string, to: string) => relative(from, to) || '.';
