/**
 * `npm run bench:build [-- 100 1000 3000] [--bare] [--mdx] [--no-full] [--full-only] [--no-photos]`: build benchmark.
 *
 * For each size it copies the project to bench/out/site-<n>/ (node_modules linked), adds <n>
 * synthetic cases to the real ones (bench/build/generate.ts) and measures, each from a cold cache:
 * 1. the content check (`npm run check:content`),
 * 2. the Astro build without the search index,
 * 3. the search index alone over that output (src/integrations/pagefind-index.ts),
 * 4. the publishing build (`npm run build`: scripts/build.ts), cold; then the first build with no
 *    cache, photos aside (page cache removed, encoded photos kept); then publishing one case (one
 *    file added to the collection built before, cache kept); then the search index alone over the
 *    published site beside plain Pagefind over the same pages,
 * and with --bare the same cases in a bare Astro 7 + MDX site (bench/build/bare/), the .md build
 * followed by plain Pagefind over its output: "the floor", to which the publishing figures are
 * compared in the same run.
 * It prints wall time, pages per second, peak memory (resident set of the whole process tree,
 * and of its largest process) and, for the full build, how long each logged phase took.
 * Results also go to bench/out/build-results.json. Not part of `npm test`.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AFTER_ASTRO_ENV } from '../../src/integrations/after-astro.ts';
import { BENCH_SERIES, generateCases, readCorpus } from './generate.ts';

const repo = resolve(import.meta.dirname, '..', '..');
const out = join(repo, 'bench', 'out');
const args = process.argv.slice(2);
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
if (sizes.length === 0) sizes.push(100, 1000, 3000);
const withBare = args.includes('--bare');
const withFull = !args.includes('--no-full');
/** --full-only: skip the Astro-alone and index-alone builds (the full build's phases still split them). */
const withParts = !args.includes('--full-only');
/** --no-photos: text-only cases (the goals are "photos aside"); the first build is then the cold one. */
const withPhotos = !args.includes('--no-photos');
/** --mdx: also the bare site with the cases as .mdx (the floor is the .md one). */
const withMdx = args.includes('--mdx');

interface Measure {
  ms: number;
  /** CPU seconds (user + system) of the command and everything it started: robust to a busy machine. */
  cpuS: number;
  /** Peak resident memory of the process tree, MB. */
  peakTreeMb: number;
  /** Peak resident memory of the largest single process, with its name, MB. */
  peakProcess: { name: string; mb: number };
  status: number;
  /** Output lines with the second they appeared at. */
  lines: { s: number; line: string }[];
}

const PAGE = 4096;

/** Resident memory (bytes) and name of every process under `root` (inclusive). */
function tree(root: number): { pid: number; name: string; rss: number }[] {
  const children = new Map<number, number[]>();
  const info = new Map<number, { name: string; rss: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      const rss = Number(readFileSync(`/proc/${entry}/statm`, 'utf8').split(' ')[1]) * PAGE;
      info.set(Number(entry), { name, rss });
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* the process ended while being read */
    }
  }
  const result: { pid: number; name: string; rss: number }[] = [];
  const visit = (pid: number) => {
    const i = info.get(pid);
    if (i) result.push({ pid, ...i });
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return result;
}

/** Runs a command, sampling the memory of its process tree every 250 ms. */
function measure(
  command: string,
  commandArgs: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<Measure> {
  return new Promise((done) => {
    const started = performance.now();
    // GNU time reports the CPU time of the whole tree (every waited-for descendant).
    const timeFile = join(out, `.time-${process.pid}`);
    const child = spawn('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, command, ...commandArgs], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: Measure['lines'] = [];
    let peakTree = 0;
    let peakProcess = { name: '', mb: 0 };
    const onData = (chunk: Buffer) => {
      const s = (performance.now() - started) / 1000;
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push({ s, line });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setInterval(() => {
      if (!child.pid) return;
      const procs = tree(child.pid);
      peakTree = Math.max(
        peakTree,
        procs.reduce((n, p) => n + p.rss, 0),
      );
      for (const p of procs) if (p.rss / 2 ** 20 > peakProcess.mb) peakProcess = { name: p.name, mb: p.rss / 2 ** 20 };
    }, 250);
    child.on('close', (code) => {
      clearInterval(timer);
      const [user = 0, system = 0] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
      rmSync(timeFile, { force: true });
      done({
        ms: performance.now() - started,
        cpuS: user + system,
        peakTreeMb: peakTree / 2 ** 20,
        peakProcess,
        status: code ?? 1,
        lines,
      });
    });
  });
}

/** A copy of the project for one benchmark size, with node_modules linked, not copied. */
function projectCopy(name: string): string {
  const dir = join(out, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'scripts', 'content']) {
    if (existsSync(join(repo, entry))) cpSync(join(repo, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function countPages(dir: string): number {
  let n = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.html')) n += 1;
    }
  };
  walk(dir);
  return n;
}

/** Seconds between the first line matching `from` and the first later line matching `to`. */
function phases(lines: Measure['lines']): { phase: string; s: number }[] {
  // Astro prints a timestamped line per step; the gap to the next step is that step's time.
  const marks: { phase: string; at: number }[] = [];
  const rules: [RegExp, string][] = [
    [/Syncing content|Synced content|\[content\]/, 'content layer (load + parse entries)'],
    [/Building static entrypoints/, 'vite bundle (components, CSS, client JS)'],
    [/generating static routes/, 'render pages'],
    [/generating optimized images/, 'images (sharp: AVIF/WebP)'],
    [/sitemap-index\.xml/, 'sitemap'],
    // The CSP snippet's line ends the sitemap step; then Astro's process ends. The publishing
    // build then makes the search index, prunes unused photo originals and writes the service
    // worker's precache list (src/integrations/finish.ts), up to its last line. A plain
    // `astro build` does these in its hooks, before its own last line.
    [/security-headers/, 'Astro ends'],
    [/生成搜索索引/, 'search index, pruning, service worker'],
    [/构建成功/, 'end'],
  ];
  if (!lines.some(({ line }) => /构建成功/.test(line))) rules.push([/Complete!/, 'end']);
  for (const { s, line } of lines) {
    for (const [re, phase] of rules) {
      if (re.test(line) && !marks.some((m) => m.phase === phase)) marks.push({ phase, at: s });
    }
  }
  marks.sort((a, b) => a.at - b.at);
  return marks.slice(0, -1).map((m, i) => ({ phase: m.phase, s: marks[i + 1]!.at - m.at }));
}

const mb = (n: number) => `${Math.round(n)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Stops the benchmark with the last lines of a command that failed. */
function mustSucceed(m: Measure, what: string): void {
  if (m.status === 0) return;
  throw new Error(
    `${what} failed:\n${m.lines
      .slice(-30)
      .map((l) => l.line)
      .join('\n')}`,
  );
}

/** Pages Astro copied from its incremental cache instead of rendering. */
const reusedPages = (m: Measure) => m.lines.filter((l) => /\((cached|restored)\)/.test(l.line)).length;

/** Adds one case to the collection, as staff do: a copy of a generated case with its own title. */
function addOneCase(dir: string, name = 'case-new-one'): void {
  const folder = join(dir, 'content', 'cases', BENCH_SERIES[1]!);
  const source = readdirSync(folder).find((f) => /\.mdx?$/.test(f))!;
  const text = readFileSync(join(folder, source), 'utf8')
    .replace(/^title: .*$/m, `title: "新增的一个案例（发布测试 ${name}）"`)
    .replace(/^cover:\n(  .*\n)+/m, '');
  writeFileSync(join(folder, `${name}.md`), text);
}

const results: Record<string, unknown>[] = [];
const corpus = readCorpus(repo);
mkdirSync(out, { recursive: true });

for (const n of sizes) {
  console.log(`\n=== ${n} synthetic cases ===`);
  const dir = projectCopy(`site-${n}`);
  // The real content stays (timeline, halls and routes link to its cases); the synthetic cases come on top.
  const images = await generateCases(dir, corpus, { count: n, imageEvery: withPhotos ? 10 : 0 });
  console.log(`generated ${n} cases (${images} with a cover photo) in ${dir}`);
  const cache = join(dir, '.astro-cache');
  const env = { CACHE_DIR: cache, OUT_DIR: join(dir, 'dist'), ASTRO_TELEMETRY_DISABLED: '1' };
  const row: Record<string, unknown> = {
    cases: n,
    images,
    loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ')[0],
  };
  console.log(`load average at start: ${String(row['loadAverage'])} (2 cores, shared)`);

  const check = await measure('node', ['scripts/check-content.ts'], dir);
  mustSucceed(check, 'content check');
  console.log(`content check: ${sec(check.ms)} (CPU ${check.cpuS.toFixed(1)} s), peak ${mb(check.peakTreeMb)}`);
  row['check'] = { s: check.ms / 1000, cpuS: check.cpuS, peakMb: check.peakTreeMb };

  let pages = 0;
  if (withParts) {
    // Astro alone: its build leaves the search index, the pruning and the service worker to the
    // publishing build, which runs them after Astro (src/integrations/after-astro.ts).
    rmSync(cache, { recursive: true, force: true });
    const astro = await measure('astro', ['build'], dir, { ...env, [AFTER_ASTRO_ENV]: '1' });
    mustSucceed(astro, 'build');
    pages = countPages(join(dir, 'dist'));
    console.log(
      `astro build (no index, pruning or service worker): ${sec(astro.ms)} (CPU ${astro.cpuS.toFixed(1)} s), ${pages} pages, ${(pages / (astro.ms / 1000)).toFixed(0)} pages/s (${(pages / astro.cpuS).toFixed(0)} per CPU-s), peak ${mb(astro.peakTreeMb)} (largest process ${astro.peakProcess.name} ${mb(astro.peakProcess.mb)})`,
    );
    row['astro'] = {
      s: astro.ms / 1000,
      cpuS: astro.cpuS,
      pages,
      pagesPerS: pages / (astro.ms / 1000),
      peakMb: astro.peakTreeMb,
      phases: phases(astro.lines),
    };

    const index = await measure('node', [join(repo, 'bench', 'build', 'index-only.ts'), join(dir, 'dist')], dir);
    mustSucceed(index, 'search index');
    console.log(
      `search index alone: ${sec(index.ms)} (CPU ${index.cpuS.toFixed(1)} s), peak ${mb(index.peakTreeMb)} (largest process ${index.peakProcess.name} ${mb(index.peakProcess.mb)}) — ${index.lines.at(-1)?.line ?? ''}`,
    );
    row['index'] = { s: index.ms / 1000, cpuS: index.cpuS, peakMb: index.peakTreeMb, largest: index.peakProcess };
  }

  if (withFull) {
    // The publishing build (scripts/build.ts: stage, swap into dist/), as staff run it.
    const publishEnv = { CACHE_DIR: cache, PUBLISH_DIR: join(dir, 'dist'), ASTRO_TELEMETRY_DISABLED: '1' };
    const report = (what: string, m: Measure) => {
      if (!pages) pages = countPages(join(dir, 'dist'));
      console.log(
        `${what}: ${sec(m.ms)} (CPU ${m.cpuS.toFixed(1)} s), ${(pages / (m.ms / 1000)).toFixed(0)} pages/s, peak ${mb(m.peakTreeMb)} (largest process ${m.peakProcess.name} ${mb(m.peakProcess.mb)}), ${reusedPages(m)} pages from the page cache`,
      );
      const steps = phases(m.lines);
      for (const p of steps) console.log(`  ${p.phase.padEnd(42)} ${p.s.toFixed(1)} s`);
      return { s: m.ms / 1000, cpuS: m.cpuS, peakMb: m.peakTreeMb, reused: reusedPages(m), phases: steps };
    };
    rmSync(cache, { recursive: true, force: true });
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    if (withPhotos) {
      const full = await measure('node', ['scripts/build.ts'], dir, publishEnv);
      mustSucceed(full, 'full build');
      row['full'] = report('full build, cold (photos encoded)', full);
    }

    // First build with no cache, photos aside: the page cache and the content store removed, the
    // encoded photos kept (they are encoded once and cached for good).
    for (const name of ['incremental-build.json', 'zg-incremental-check.json', 'dist', 'data-store.json'])
      rmSync(join(cache, name), { recursive: true, force: true });
    const first = await measure('node', ['scripts/build.ts'], dir, publishEnv);
    mustSucceed(first, 'first build');
    row['first'] = report('first build, no cache, photos aside', first);

    // Publishing one case: one more file in the collection built before, the cache kept, twice:
    // right after the first build (whose kept output is a copy of the site it published:
    // src/integrations/kept-output.ts) and once more (whose kept output is the site the build
    // before replaced, brought up to date), as every later build.
    addOneCase(dir);
    const second = await measure('node', ['scripts/build.ts'], dir, publishEnv);
    mustSucceed(second, 'publishing one case');
    row['publishSecond'] = report('publishing one case, the build right after the first', second);
    addOneCase(dir, 'case-new-two');
    const one = await measure('node', ['scripts/build.ts'], dir, publishEnv);
    mustSucceed(one, 'publishing one case');
    pages = countPages(join(dir, 'dist'));
    row['publishOne'] = report('publishing one case, the build after that (as every later build)', one);

    // The search index alone over the published site, and plain Pagefind over the same pages.
    const index = await measure('node', [join(repo, 'bench', 'build', 'index-only.ts'), join(dir, 'dist')], dir);
    mustSucceed(index, 'search index');
    const plain = await measure(
      'node',
      [join(repo, 'bench', 'search', 'index-plain.ts'), join(dir, 'dist'), '**/*.html'],
      dir,
    );
    mustSucceed(plain, 'plain Pagefind');
    console.log(
      `search index alone: ${sec(index.ms)} (CPU ${index.cpuS.toFixed(1)} s), peak ${mb(index.peakTreeMb)}; plain Pagefind on the same pages: ${sec(plain.ms)} (CPU ${plain.cpuS.toFixed(1)} s), peak ${mb(plain.peakTreeMb)}; ratio ${(index.ms / plain.ms).toFixed(2)}× wall, ${(index.cpuS / plain.cpuS).toFixed(2)}× CPU`,
    );
    row['index'] = { s: index.ms / 1000, cpuS: index.cpuS, peakMb: index.peakTreeMb };
    row['plainIndex'] = { s: plain.ms / 1000, cpuS: plain.cpuS, peakMb: plain.peakTreeMb };
  }

  if (withBare) {
    for (const kind of withMdx ? (['md', 'mdx'] as const) : (['md'] as const)) {
      const bare = join(out, `bare-${kind}-${n}`);
      rmSync(bare, { recursive: true, force: true });
      cpSync(join(repo, 'bench', 'build', 'bare'), bare, { recursive: true });
      symlinkSync(join(repo, 'node_modules'), join(bare, 'node_modules'), 'dir');
      // The synthetic cases only (the real ones use the site's own MDX components); all as .md,
      // or all as .mdx (the two reference figures).
      for (const series of BENCH_SERIES) {
        cpSync(join(dir, 'content', 'cases', series), join(bare, 'content', 'cases', series), {
          recursive: true,
          filter: (src) => !/\.(jpg|png)$/.test(src),
        });
      }
      const rename = (d: string) => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          const p = join(d, e.name);
          if (e.isDirectory()) rename(p);
          else if (/\.mdx?$/.test(e.name)) {
            const text = readFileSync(p, 'utf8').replace(/^cover:\n(  .*\n)+/m, '');
            rmSync(p);
            writeFileSync(
              p.replace(/\.mdx?$/, `.${kind}`),
              kind === 'md' ? text.replace(/<\/?Callout[^>]*>/g, '') : text,
            );
          }
        }
      };
      rename(join(bare, 'content', 'cases'));
      const b = await measure('astro', ['build'], bare, { ASTRO_TELEMETRY_DISABLED: '1' });
      mustSucceed(b, 'bare build');
      const bp = countPages(join(bare, 'dist'));
      console.log(
        `bare Astro + MDX (.${kind}): ${sec(b.ms)} (CPU ${b.cpuS.toFixed(1)} s), ${bp} pages, ${(bp / (b.ms / 1000)).toFixed(0)} pages/s (${(bp / b.cpuS).toFixed(0)} per CPU-s), peak ${mb(b.peakTreeMb)}`,
      );
      let floorIndex: Measure | undefined;
      if (kind === 'md') {
        // The floor: the bare .md build plus plain Pagefind over its output.
        floorIndex = await measure(
          'node',
          [join(repo, 'bench', 'search', 'index-plain.ts'), join(bare, 'dist'), '**/*.html'],
          bare,
        );
        mustSucceed(floorIndex, 'plain Pagefind over the bare build');
        console.log(
          `plain Pagefind over it: ${sec(floorIndex.ms)} (CPU ${floorIndex.cpuS.toFixed(1)} s), peak ${mb(floorIndex.peakTreeMb)}; floor = ${sec(b.ms + floorIndex.ms)}, peak ${mb(Math.max(b.peakTreeMb, floorIndex.peakTreeMb))}`,
        );
      }
      row[`bare-${kind}`] = {
        index: floorIndex && { s: floorIndex.ms / 1000, cpuS: floorIndex.cpuS, peakMb: floorIndex.peakTreeMb },
        s: b.ms / 1000,
        cpuS: b.cpuS,
        pages: bp,
        pagesPerS: bp / (b.ms / 1000),
        peakMb: b.peakTreeMb,
      };
    }
  }
  const floor = row['bare-md'] as
    { s: number; cpuS: number; peakMb: number; index?: { s: number; cpuS: number } } | undefined;
  if (floor?.index) {
    const floorS = floor.s + floor.index.s;
    const floorCpu = floor.cpuS + floor.index.cpuS;
    console.log(`\nfloor (bare .md + plain Pagefind): ${floorS.toFixed(1)} s (CPU ${floorCpu.toFixed(1)} s)`);
    for (const key of ['publishOne', 'publishSecond', 'first', 'full'] as const) {
      const r = row[key] as { s: number; cpuS: number; peakMb: number } | undefined;
      if (r)
        console.log(
          `  ${key.padEnd(13)} ${r.s.toFixed(1)} s = ${(r.s / floorS).toFixed(2)}× floor (CPU ${(r.cpuS / floorCpu).toFixed(2)}×), peak ${mb(r.peakMb)}`,
        );
    }
    row['floor'] = { s: floorS, cpuS: floorCpu };
  }
  results.push(row);
  writeFileSync(join(out, 'build-results.json'), `${JSON.stringify(results, null, 2)}\n`);
}
