/**
 * `npm run bench:search` (optionally `-- 1000 3000`): the cost and exactness of the site search
 * on synthetic Chinese corpora.
 *
 * For each size it generates pages like the built case pages (bench/search/corpus.ts), indexes
 * them with plain Pagefind (the baseline) and with the site's own indexer (which does not run
 * Pagefind), each in a child process (time, CPU time, peak memory of the process and its children,
 * bundle size), then opens the real search page in Chromium on a local server
 * (gzip like a web server) and measures the bytes and time of a first query on a fresh page and a
 * second query after it. Finally it runs sampled queries through the page's engine and through
 * plain Pagefind (engine time side by side) and compares both with an exact substring scan of the
 * text each indexed: recall and precision.
 *
 * Output goes to bench/out/search/ (git-ignored); figures are printed and recorded in
 * bench/README.md by hand. Not part of `npm test`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs } from '../../scripts/browser.ts';
import { normalize } from '../../src/search/normalize.ts';
import { random, writeCorpus } from './corpus.ts';

const root = process.cwd();
const out = join(root, 'bench/out/search');
const port = Number(process.env['BENCH_PORT'] ?? 4403);
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
if (sizes.length === 0) sizes.push(1000, 3000);

// 1. The real site, for the search page and its scripts.
const site = join(out, 'site');
if (!existsSync(join(site, 'search/index.html')) || !process.env['REUSE_SITE']) {
  console.log('building the site for its search page …');
  rmSync(site, { recursive: true, force: true });
  const built = spawnSync('astro', ['build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, OUT_DIR: site, CACHE_DIR: 'node_modules/.astro-bench', BASE_PATH: '/' },
  });
  if (built.status !== 0) throw new Error('site build failed');
}

/**
 * Peak resident memory of a process and all its descendants together, and the CPU time they
 * used (which, unlike wall time, does not depend on what else the machine is doing), sampled
 * every 20 ms.
 */
function sampleMemory(pid: number): () => { peak: number; cpuSeconds: number } {
  let peak = 0;
  const cpu = new Map<number, number>();
  const tick = () => {
    const parents = new Map<number, number>();
    const ticks = new Map<number, number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parents.set(Number(name), Number(fields[1]));
        ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));
      } catch {
        /* gone */
      }
    }
    const tree = new Set([pid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [child, parent] of parents) if (tree.has(parent) && !tree.has(child)) grew = tree.add(child).size > 0;
    }
    let rss = 0;
    for (const p of tree) cpu.set(p, Math.max(cpu.get(p) ?? 0, ticks.get(p) ?? 0));
    for (const p of tree) {
      try {
        rss += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      } catch {
        /* gone */
      }
    }
    peak = Math.max(peak, rss);
  };
  const timer = setInterval(tick, 20);
  return () => {
    clearInterval(timer);
    // Clock ticks are 1/100 s on Linux.
    return { peak, cpuSeconds: [...cpu.values()].reduce((a, b) => a + b, 0) / 100 };
  };
}

function dirBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      bytes += statSync(join(e.parentPath, e.name)).size;
      files += 1;
    }
  }
  return { bytes, files };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.pagefind': 'application/wasm',
};

/** A static server that gzips text like a production web server (Pagefind's own files are compressed already). */
function serve(dir: string) {
  const cache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    let path = join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    let body: Buffer = readFileSync(path);
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'max-age=3600' };
    if (/text|json|javascript|svg/.test(type) && /gzip/.test(String(req.headers['accept-encoding']))) {
      body = cache.get(path) ?? gzipSync(body);
      cache.set(path, body);
      headers['Content-Encoding'] = 'gzip';
    }
    res.writeHead(200, headers).end(body);
  });
  return new Promise<typeof server>((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

const settled = (page: Page) =>
  page.waitForFunction(
    () => {
      const app = document.querySelector('zg-search');
      const status = app?.querySelector('[role="status"]')?.textContent ?? '';
      return app && !app.hasAttribute('aria-busy') && status !== '' && !status.includes('正在搜索');
    },
    undefined,
    { timeout: 120_000 },
  );

/** The stored text of every page record, by fragment id, straight from the bundle (ours or plain Pagefind's). */
function indexedTexts(bundle: string): Map<string, string> {
  const texts = new Map<string, string>();
  const fragments = join(bundle, 'fragment');
  for (const name of readdirSync(fragments)) {
    const json = gunzipSync(readFileSync(join(fragments, name)))
      .toString('utf8')
      .replace(/^pagefind_dcd/, '');
    texts.set(name.replace(/\.pf_fragment$/, ''), normalize((JSON.parse(json) as { content: string }).content));
  }
  return texts;
}

/** Sampled queries: substrings of 2–8 characters of the indexed text, and frequent words. */
function queries(texts: string[], n: number): string[] {
  const next = random(99);
  const out = new Set<string>();
  while (out.size < n) {
    const chars = [...texts[Math.floor(next() * texts.length)]!];
    const len = 2 + Math.floor(next() * 7);
    const at = Math.floor(next() * Math.max(1, chars.length - len));
    const q = chars.slice(at, at + len).join('');
    if (/^[\p{L}\p{N}]+$/u.test(q)) out.add(q);
  }
  return [...out];
}

/** Runs `script <dir>` in a child process; its wall time, CPU time, peak memory and output. */
async function indexIn(script: string, dir: string) {
  const started = performance.now();
  const child = spawn(process.execPath, [script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const sample = sampleMemory(child.pid!);
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  const { peak: peakBytes, cpuSeconds } = sample();
  if (code !== 0) throw new Error(`${script} ${dir} failed`);
  return { ms: performance.now() - started, peakBytes, cpuSeconds, stdout };
}

/** Median and 95th percentile. */
function quantiles(values: number[]): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  return [sorted[Math.floor(sorted.length / 2)]!, sorted[Math.floor(sorted.length * 0.95)]!];
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);

const results: Record<string, unknown>[] = [];
for (const n of sizes) {
  console.log(`\n=== ${n} pages ===`);
  const dir = join(out, `corpus-${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const part of ['_astro', 'search', 'favicon.svg']) {
    if (existsSync(join(site, part))) cpSync(join(site, part), join(dir, part), { recursive: true });
  }
  writeCorpus(dir, root, n);

  // 2. Index in a child process, plain Pagefind first (the baseline), then the site's indexer;
  //    sample the memory of each process with its children's (plain Pagefind's binary).
  const plain = await indexIn('bench/search/index-plain.ts', dir);
  console.log(
    `plain Pagefind index: ${(plain.ms / 1000).toFixed(1)} s (CPU ${plain.cpuSeconds.toFixed(1)} s), peak memory ${mb(plain.peakBytes)}`,
  );
  const ours = await indexIn('bench/search/index-corpus.ts', dir);
  const { ms: indexMs, peakBytes, cpuSeconds } = ours;
  const stats = JSON.parse(ours.stdout.trim().split('\n').at(-1)!) as {
    records: number;
    bytes: number;
    files: number;
    steps: Record<string, number>;
  };
  const parts = Object.fromEntries(
    ['fragment', 'zg-pairs'].map((p) => [p, dirBytes(join(dir, 'pagefind', p))]),
  ) as Record<string, { bytes: number; files: number }>;
  const manifestBytes = statSync(join(dir, 'pagefind/zg-search.json')).size;
  const pinyinBytes = statSync(join(dir, 'pagefind/zg-pinyin.json')).size;
  console.log(
    `index: ${(indexMs / 1000).toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s), peak memory ${mb(peakBytes)}, bundle ${mb(stats.bytes)} in ${stats.files} files ` +
      `(pair index ${mb(parts['zg-pairs']!.bytes)} / ${parts['zg-pairs']!.files} shards, page texts ${mb(parts['fragment']!.bytes)}, ` +
      `manifest ${kb(manifestBytes)}, pinyin ${kb(pinyinBytes)})`,
  );
  console.log(`index steps (ms): ${JSON.stringify(stats.steps)}`);
  console.log(
    `index / plain Pagefind: wall ${(indexMs / plain.ms).toFixed(2)}×, CPU ${(cpuSeconds / plain.cpuSeconds).toFixed(2)}×, memory ${(peakBytes / plain.peakBytes).toFixed(2)}×`,
  );

  // 3. First and second query in Chromium.
  const server = await serve(dir);
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  const texts = indexedTexts(join(dir, 'pagefind'));
  const plainTexts = indexedTexts(join(dir, 'pagefind-plain'));
  const sample = queries([...texts.values()], 60);
  const first = '党建';
  const second = sample.find((q) => [...q].length === 4) ?? sample[0]!;
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  let searchBytes = 0;
  let requests = 0;
  page.on('requestfinished', (r) => {
    void r.sizes().then((s) => {
      const size = s.responseBodySize + s.responseHeadersSize;
      bytes += size;
      requests += 1;
      if (r.url().includes('/pagefind/')) searchBytes += size;
    });
  });
  let t = performance.now();
  await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(first)}`);
  await settled(page);
  const firstMs = performance.now() - t;
  await page.waitForTimeout(200);
  const firstCount = await page.locator('[data-hits] > li').count();
  const firstStatus = await page.getByRole('status').textContent();
  const firstBytes = { bytes, searchBytes, requests };
  [bytes, searchBytes, requests] = [0, 0, 0];
  t = performance.now();
  await page.fill('#search-q', second);
  await page.press('#search-q', 'Enter');
  await settled(page);
  const secondMs = performance.now() - t;
  await page.waitForTimeout(200);
  const secondStatus = await page.getByRole('status').textContent();
  const secondBytes = { bytes, searchBytes, requests };
  console.log(
    `first query “${first}” on a fresh page: ${firstMs.toFixed(0)} ms, ${kb(firstBytes.bytes)} in ${firstBytes.requests} requests ` +
      `(search files ${kb(firstBytes.searchBytes)}) — ${firstStatus}, ${firstCount} shown`,
  );
  console.log(
    `second query “${second}”: ${secondMs.toFixed(0)} ms, ${kb(secondBytes.bytes)} in ${secondBytes.requests} requests — ${secondStatus}`,
  );

  // 4. Recall and precision against an exact substring scan of the indexed text.
  const pageIds = new Set<string>();
  const manifest = JSON.parse(readFileSync(join(dir, 'pagefind/zg-search.json'), 'utf8')) as {
    prefix: string;
    records: [string, string][];
  };
  for (const [id] of manifest.records) pageIds.add(manifest.prefix + id);
  const tally = { ours: { hit: 0, found: 0, truth: 0, missed: 0 }, plain: { hit: 0, found: 0, truth: 0, missed: 0 } };
  // Warm plain Pagefind up (its code, WebAssembly and metadata), as our engine is by the queries above.
  await page.evaluate(async (query) => {
    const bundle = '/pagefind-plain/pagefind.js';
    const pf = (await import(bundle)) as { search: (q: string) => Promise<unknown> };
    await pf.search(query);
  }, first);
  const times: number[] = [];
  const plainTimes: number[] = [];
  const plainShownTimes: number[] = [];
  for (const q of sample) {
    const truthOf = (all: Map<string, string>, ids?: Set<string>) =>
      new Set([...all].filter(([id, text]) => (!ids || ids.has(id)) && text.includes(normalize(q))).map(([id]) => id));
    const truth = truthOf(texts, pageIds);
    const plainTruth = truthOf(plainTexts);
    const answer = await page.evaluate(async (query) => {
      const app = document.querySelector('zg-search') as HTMLElement & {
        engine: {
          search: (q: string) => Promise<{ hits: { record: number }[] }>;
          manifest: { prefix: string; records: string[][] };
        };
      };
      const t0 = performance.now();
      const outcome = await app.engine.search(query);
      const ms = performance.now() - t0;
      const { prefix, records } = app.engine.manifest;
      const ours = outcome.hits.map((h) => prefix + records[h.record]![0]);
      const bundle = '/pagefind-plain/pagefind.js';
      const pf = (await import(bundle)) as {
        search: (q: string) => Promise<{ results: { id: string; data: () => Promise<unknown> }[] }>;
      };
      const t1 = performance.now();
      const results = (await pf.search(query)).results;
      const plainMs = performance.now() - t1;
      // What a result list needs on top: the data of the first 20 results shown.
      await Promise.all(results.slice(0, 20).map((r) => r.data()));
      const plainShownMs = performance.now() - t1;
      return { ours, plain: results.map((r) => r.id), ms, plainMs, plainShownMs };
    }, q);
    times.push(answer.ms);
    plainTimes.push(answer.plainMs);
    plainShownTimes.push(answer.plainShownMs);
    for (const [name, found, right] of [
      ['ours', answer.ours, truth],
      ['plain', answer.plain, plainTruth],
    ] as const) {
      const t = tally[name];
      const hit = found.filter((id) => right.has(id)).length;
      t.hit += hit;
      t.found += found.length;
      t.truth += right.size;
      if (hit < right.size) t.missed += 1;
    }
  }
  const [median, p95] = quantiles(times);
  const [plainMedian, plainP95] = quantiles(plainTimes);
  const [shownMedian, shownP95] = quantiles(plainShownTimes);
  for (const name of ['ours', 'plain'] as const) {
    const t = tally[name];
    console.log(
      `${name === 'ours' ? 'this site' : 'plain Pagefind'}: recall ${pct(t.hit, t.truth)}, precision ${pct(t.hit, t.found)} ` +
        `over ${sample.length} queries (${t.missed} queries missed pages)`,
    );
  }
  console.log(`engine time per query (warm): median ${median.toFixed(0)} ms, 95th percentile ${p95.toFixed(0)} ms`);
  console.log(
    `plain Pagefind, same queries: search ${plainMedian.toFixed(0)} / ${plainP95.toFixed(0)} ms (ratio ${(median / plainMedian).toFixed(2)}× / ${(p95 / plainP95).toFixed(2)}×); ` +
      `search + data of 20 results ${shownMedian.toFixed(0)} / ${shownP95.toFixed(0)} ms (ratio ${(median / shownMedian).toFixed(2)}× / ${(p95 / shownP95).toFixed(2)}×)`,
  );
  await browser.close();
  server.close();
  results.push({
    pages: n,
    indexSeconds: indexMs / 1000,
    cpuSeconds,
    steps: stats.steps,
    peakMemoryMB: peakBytes / 1024 / 1024,
    plain: {
      indexSeconds: plain.ms / 1000,
      cpuSeconds: plain.cpuSeconds,
      peakMemoryMB: plain.peakBytes / 1024 / 1024,
      medianMs: plainMedian,
      p95Ms: plainP95,
      shownMedianMs: shownMedian,
      shownP95Ms: shownP95,
    },
    bundleMB: stats.bytes / 1024 / 1024,
    files: stats.files,
    parts,
    manifestBytes,
    pinyinBytes,
    first: { query: first, ms: firstMs, ...firstBytes, status: firstStatus },
    second: { query: second, ms: secondMs, ...secondBytes, status: secondStatus },
    recall: tally,
    medianMs: median,
    p95Ms: p95,
  });
}
writeFileSync(join(out, 'results.json'), JSON.stringify(results, null, 2));
console.log(`\nfigures written to ${join(out, 'results.json')}`);
