/**
 * `npm run edit`: the 编辑台, a local editing desk for staff on http://127.0.0.1:4322/ (PORT to
 * change). It lists, creates and edits cases, halls, routes and milestones in forms generated
 * from the schemas, checks them with the same code as `npm run check:content`, and writes the
 * same files a person would. It listens on the loopback address only; every request needs the
 * per-session token from the page, and every write a same-origin `Origin` header.
 *
 *   ROOT=folder   the project to edit (default: this one)
 *   BROWSER=none  do not open a browser (never opened when CI=true or without a display)
 *   PREVIEW=none  do not start `astro dev` for the live preview
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, unlinkSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename, dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import sharp from 'sharp';
import { parseDocument } from 'yaml';
import { checkContent } from '../../src/validation/check.ts';
import { listFiles } from '../../src/utils/files.ts';
import { decodeAny } from '../../src/validation/encoding.ts';
import { extraChecks } from '../../src/validation/extra.ts';
import { pictureProblem, supportedImage, unsupportedImage } from '../../src/validation/images.ts';
import { formatProblems, type Problem } from '../../src/validation/problem.ts';
import { splitFrontmatter } from '../../src/validation/yaml.ts';
import {
  appendMilestone,
  caseFolders,
  entryTemplate,
  foldersOfSeries,
  freeName,
  milestoneBlock,
  milestoneId,
  newEntryPath,
  proposedSlug,
  readList,
  registerSource,
  slugPattern,
} from '../lib/entry-files.ts';
import { assertUnchanged, contentPath, DeskError, projectPath, versionOf, writeAtomic } from './files.ts';
import { deskKinds, formOf, type DeskKind } from './form.ts';
import { applyToEntry, applyToListItem } from './frontmatter.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
/** Limit of a JSON request (a whole case with its body is a few dozen kB). */
export const jsonLimit = 1024 * 1024;
/** Limit of an uploaded photo. */
export const photoLimit = 20 * 1024 * 1024;

const collections = { case: 'cases', hall: 'halls', route: 'routes' } as const;

/** Options of a desk. */
export interface DeskOptions {
  /** The project folder, with content/ inside. */
  root: string;
  port: number;
  /** Port of the `astro dev` preview, when one runs. */
  previewPort?: number | undefined;
}

/** A running desk. */
export interface Desk {
  server: Server;
  url: string;
  token: string;
  close: () => Promise<void>;
}

/** A content file's text; one saved as GBK or UTF-16 is read as such, and saved back as UTF-8. */
const readText = (full: string) => decodeAny(readFileSync(full));

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((done, fail) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooBig = () => new DeskError(413, `提交的内容太大（上限 ${Math.round(limit / 1024 / 1024)} MB），没有保存`);
    if (declared > limit) {
      fail(tooBig());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        fail(tooBig());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => done(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readBody(req, jsonLimit)).toString('utf8');
  try {
    const value = JSON.parse(text) as unknown;
    if (isRecord(value)) return value;
  } catch {
    // Reported below.
  }
  throw new DeskError(400, '请求格式不对（应为 JSON 对象）');
}

/** Which kind a content file is, from its folder. */
function kindOfFile(file: string): Exclude<DeskKind, 'milestone'> {
  const kind = (Object.keys(collections) as (keyof typeof collections)[]).find((k) =>
    file.startsWith(`content/${collections[k]}/`),
  );
  if (!kind || !/\.mdx?$/.test(file))
    throw new DeskError(
      400,
      `“${file}”不是案例、展馆或航线文件（应在 content/cases、halls 或 routes 中，以 .md 结尾）`,
    );
  return kind;
}

/** The problems of one file, those of one item of a list (`[3].title`) when `index` is given. */
function problemsOf(problems: Problem[], file: string, index?: number): Problem[] {
  return problems.filter(
    (p) => p.file === file && (index === undefined || p.field.startsWith(`[${index}]`) || !p.field.startsWith('[')),
  );
}

/** Starts the desk; resolves once it listens. */
export async function startDesk(options: DeskOptions): Promise<Desk> {
  const { root, port } = options;
  const token = randomBytes(24).toString('hex');
  const origin = `http://127.0.0.1:${port}`;
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([...hosts].map((h) => `http://${h}`));
  const bundle = await build({
    entryPoints: [join(here, 'ui', 'app.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    target: 'es2022',
    charset: 'utf8',
  });
  const appJs = bundle.outputFiles[0]?.text ?? '';
  const appCss = readFileSync(join(here, 'ui', 'app.css'), 'utf8');
  const page = readFileSync(join(here, 'ui', 'index.html'), 'utf8')
    .replace('{{token}}', token)
    .replace('{{preview}}', options.previewPort ? `http://127.0.0.1:${options.previewPort}` : '');

  /** The whole-content check, with unsaved text laid over what is on disk. */
  const check = async (overlay: Map<string, string> = new Map()) =>
    (await checkContent(root, extraChecks, { overlay })).problems;

  const state = () => {
    const entries = (Object.keys(collections) as (keyof typeof collections)[]).flatMap((kind) =>
      listFiles(join(root, 'content', collections[kind]), { skipHidden: true })
        .filter((f) => /\.mdx?$/.test(f))
        .map((full) => {
          const file = projectPath(root, full);
          const parts = splitFrontmatter(readText(full));
          let data: Record<string, unknown> = {};
          try {
            const parsed = parts ? (parseDocument(parts.yaml).toJS() as unknown) : undefined;
            if (isRecord(parsed)) data = parsed;
          } catch {
            // A file the checker reports; it is still listed, by its file name.
          }
          return {
            kind,
            file,
            title: String(data['title'] ?? data['name'] ?? basename(file)),
            unit: typeof data['unit'] === 'string' ? data['unit'] : '',
            year: typeof data['year'] === 'number' ? data['year'] : undefined,
            series: typeof data['series'] === 'string' ? data['series'] : '',
            draft: data['draft'] === true,
          };
        }),
    );
    const milestones = readList(root, 'timeline.yaml').map((m, index) => ({
      kind: 'milestone' as const,
      index,
      title: String(m['title'] ?? ''),
      date: String(m['date'] ?? ''),
      year: Number(String(m['date'] ?? '').slice(0, 4)) || undefined,
    }));
    const tags = [...new Set(entries.flatMap((e) => readTags(join(root, e.file))))].sort();
    return {
      entries,
      milestones,
      units: readList(root, 'units.yaml').map((u) => ({
        name: String(u['name']),
        short: u['short'] ? String(u['short']) : undefined,
        aliases: Array.isArray(u['aliases']) ? u['aliases'].map(String) : [],
      })),
      series: readList(root, 'series.yaml').map((s) => ({ id: String(s['id']), name: String(s['name'] ?? '') })),
      sources: readList(root, 'sources.yaml').map((s) => ({
        id: String(s['id']),
        label: `${String(s['publisher'] ?? '')} ${String(s['date'] ?? '')} ${String(s['title'] ?? '')}`.trim(),
      })),
      themes: [
        ...new Set(readList(root, 'timeline.yaml').flatMap((m) => (Array.isArray(m['themes']) ? m['themes'] : []))),
      ].map(String),
      tags,
      slugs: {
        case: entries.filter((e) => e.kind === 'case').map((e) => slugOf(e.file, 'cases')),
        hall: entries.filter((e) => e.kind === 'hall').map((e) => slugOf(e.file, 'halls')),
        route: entries.filter((e) => e.kind === 'route').map((e) => slugOf(e.file, 'routes')),
      },
      caseFolders: caseFolders(root),
      /** A new milestone is added to this version of content/timeline.yaml. */
      timelineVersion: versionOf(join(root, 'content', 'timeline.yaml')),
    };
  };

  const slugOf = (file: string, collection: string) =>
    file.slice(`content/${collection}/`.length).replace(/\.mdx?$/, '');

  function readTags(full: string): string[] {
    try {
      const parts = splitFrontmatter(readText(full));
      const data = parts ? (parseDocument(parts.yaml).toJS() as unknown) : undefined;
      return isRecord(data) && Array.isArray(data['tags']) ? data['tags'].map(String) : [];
    } catch {
      return [];
    }
  }

  /** The text a save would write, and the file it goes to. */
  function composeEntry(body: Record<string, unknown>): { file: string; full: string; text: string; isNew: boolean } {
    const data = isRecord(body['data']) ? body['data'] : {};
    const text = typeof body['body'] === 'string' ? body['body'] : '';
    if (typeof body['file'] === 'string' && body['file']) {
      const full = contentPath(root, body['file']);
      const file = projectPath(root, full);
      const kind = kindOfFile(file);
      if (!existsSync(full)) throw new DeskError(404, `找不到 ${file}`);
      return {
        file,
        full,
        text: applyToEntry(readText(full), data, text, formOf(kind).order),
        isNew: false,
      };
    }
    const kind = body['kind'];
    if (kind !== 'case' && kind !== 'hall') throw new DeskError(400, '只能新建案例、展馆或大事记');
    const folder = typeof body['folder'] === 'string' && body['folder'] ? body['folder'] : undefined;
    if (folder !== undefined && (kind !== 'case' || !slugPattern.test(folder)))
      throw new DeskError(400, '文件夹名只能用小写英文字母、数字和连字符，例如 fuzhou');
    const title = String(data[kind === 'case' ? 'title' : 'name'] ?? '');
    const given = typeof body['slug'] === 'string' && body['slug'] ? body['slug'] : undefined;
    if (given !== undefined && !slugPattern.test(given))
      throw new DeskError(400, '文件名只能用小写英文字母、数字和连字符，例如 ganbu-yexiao');
    const { slug, full, url } = newEntryPath(root, collections[kind], folder, given ?? proposedSlug(title));
    contentPath(root, projectPath(root, full));
    const series = readList(root, 'series.yaml').map((s) => String(s['id']));
    const sources = Array.isArray(data['sources']) ? data['sources'] : [];
    const template = entryTemplate(kind, {
      title,
      unit: String(data['unit'] ?? ''),
      source: typeof sources[0] === 'string' ? sources[0] : '',
      slug,
      url,
      ...(typeof data['year'] === 'number' ? { year: data['year'] } : {}),
      series: typeof data['series'] === 'string' ? data['series'] : undefined,
      seriesExample: series[0],
      hallKind: typeof data['kind'] === 'string' ? data['kind'] : '展馆',
    });
    return {
      file: projectPath(root, full),
      full,
      text: applyToEntry(template, data, text, formOf(kind).order),
      isNew: true,
    };
  }

  /** content/timeline.yaml after the edit, and the index of the edited milestone. */
  function composeMilestone(body: Record<string, unknown>): { full: string; text: string; index: number } {
    const full = contentPath(root, 'content/timeline.yaml');
    const current = existsSync(full) ? readText(full) : '';
    const data = isRecord(body['data']) ? { ...body['data'] } : {};
    const order = formOf('milestone').order;
    const list = readList(root, 'timeline.yaml');
    if (typeof body['index'] === 'number') {
      const index = body['index'];
      if (!Number.isInteger(index) || index < 0 || index >= list.length) throw new DeskError(404, '找不到这条大事记');
      data['id'] = list[index]?.['id'];
      return { full, text: applyToListItem(current, index, data, order), index };
    }
    const title = String(data['title'] ?? '');
    const date = String(data['date'] ?? '');
    const id = milestoneId(
      date,
      title,
      list.map((m) => String(m['id'])),
    );
    data['id'] = id;
    const themes = Array.isArray(data['themes']) ? data['themes'].map(String) : [];
    const block = milestoneBlock({
      id,
      date,
      title,
      text: typeof data['text'] === 'string' ? data['text'] : undefined,
      themes,
      source: typeof data['source'] === 'string' ? data['source'] : '',
    });
    const appended = appendMilestone(current, list.length === 0, block);
    return { full, text: applyToListItem(appended, list.length, data, order), index: list.length };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    // A page on another site that renamed itself 127.0.0.1 (DNS rebinding) still sends its own Host.
    if (!hosts.has(req.headers.host ?? '')) throw new DeskError(403, '只接受来自本机编辑台页面的请求');
    const send = (status: number, type: string, data: string | Buffer) => {
      res.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
        'content-security-policy': `default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-src ${options.previewPort ? `http://127.0.0.1:${options.previewPort}` : "'none'"}; frame-ancestors 'none'`,
      });
      res.end(data);
    };
    const json = (data: unknown, status = 200) => send(status, 'application/json; charset=utf-8', JSON.stringify(data));

    if (req.method === 'GET' && url.pathname === '/') return send(200, 'text/html; charset=utf-8', page);
    if (req.method === 'GET' && url.pathname === '/app.js') return send(200, 'text/javascript; charset=utf-8', appJs);
    if (req.method === 'GET' && url.pathname === '/app.css') return send(200, 'text/css; charset=utf-8', appCss);
    if (!url.pathname.startsWith('/api/')) return send(404, 'text/plain; charset=utf-8', '没有这个页面');

    if (req.headers['x-desk-token'] !== token)
      throw new DeskError(403, '缺少或不正确的编辑台口令：请从 npm run edit 打开的页面操作（重新启动后请刷新页面）');
    if (req.method !== 'GET' && !origins.has(req.headers.origin ?? ''))
      throw new DeskError(403, '拒绝来自其他网站的写入请求：只能在本机的编辑台页面里保存');

    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /api/state':
        return json(state());
      case 'GET /api/form': {
        const kind = url.searchParams.get('kind') as DeskKind;
        if (!deskKinds.includes(kind)) throw new DeskError(400, '没有这种表单');
        return json(formOf(kind));
      }
      case 'GET /api/entry': {
        const full = contentPath(root, url.searchParams.get('file'));
        const file = projectPath(root, full);
        const kind = kindOfFile(file);
        if (!existsSync(full)) throw new DeskError(404, `找不到 ${file}`);
        const problems: Problem[] = [];
        const text = readText(full);
        const parts = splitFrontmatter(text);
        const data = parts ? (parseDocument(parts.yaml).toJS() as unknown) : {};
        problems.push(...problemsOf(await check(), file));
        return json({
          kind,
          file,
          data: isRecord(data) ? data : {},
          body: (parts?.body ?? text).replace(/^\n+/, ''),
          version: versionOf(full),
          problems,
        });
      }
      case 'GET /api/milestone': {
        const index = Number(url.searchParams.get('index'));
        const full = contentPath(root, 'content/timeline.yaml');
        const item = readList(root, 'timeline.yaml')[index];
        if (!item) throw new DeskError(404, '找不到这条大事记');
        const doc = parseDocument(readText(full)).getIn([index]) as { toJSON?: () => unknown } | undefined;
        return json({
          kind: 'milestone',
          file: 'content/timeline.yaml',
          index,
          data: doc?.toJSON?.() ?? item,
          version: versionOf(full),
          problems: problemsOf(await check(), 'content/timeline.yaml', index),
        });
      }
      case 'GET /api/new': {
        const kind = url.searchParams.get('kind');
        if (kind !== 'case' && kind !== 'hall') throw new DeskError(400, '没有这种模板');
        const template = entryTemplate(kind, { title: '', unit: '', source: '', slug: '', url: '', hallKind: '展馆' });
        return json({ body: (splitFrontmatter(template)?.body ?? '').replace(/^\n+/, '') });
      }
      case 'POST /api/check': {
        const body = await readJson(req);
        if (body['kind'] === 'milestone') {
          const { text, index } = composeMilestone(body);
          const problems = await check(new Map([['content/timeline.yaml', text]]));
          return json({ problems: problemsOf(problems, 'content/timeline.yaml', index) });
        }
        const { file, text } = composeEntry(body);
        return json({ file, problems: problemsOf(await check(new Map([[file, text]])), file) });
      }
      case 'POST /api/save': {
        const body = await readJson(req);
        if (body['kind'] === 'milestone') {
          const { full, text, index } = composeMilestone(body);
          assertUnchanged(full, 'content/timeline.yaml', body['version'] ?? null);
          const problems = problemsOf(
            await check(new Map([['content/timeline.yaml', text]])),
            'content/timeline.yaml',
            index,
          );
          if (problems.length > 0)
            throw new DeskError(
              422,
              `这条大事记还有 ${problems.length} 个问题，改好后才能保存（大事记没有草稿）`,
              problems,
            );
          writeAtomic(full, text);
          return json({ file: 'content/timeline.yaml', index, version: versionOf(full), problems: [] });
        }
        const { file, full, text, isNew } = composeEntry(body);
        if (!isNew) assertUnchanged(full, file, body['version']);
        const problems = problemsOf(await check(new Map([[file, text]])), file);
        const data = isRecord(body['data']) ? body['data'] : {};
        if (problems.length > 0 && data['draft'] !== true)
          throw new DeskError(
            422,
            `还有 ${problems.length} 个问题。改好之前只能存为草稿：勾选“草稿”后再保存（草稿不会发布）`,
            problems,
          );
        mkdirSync(dirname(full), { recursive: true });
        writeAtomic(full, text, isNew);
        return json({ file, version: versionOf(full), problems });
      }
      case 'POST /api/photo': {
        // The photo goes beside the entry's file: into the folder of `file`, or `folder` for a new one.
        const target = url.searchParams.get('dir') ?? '';
        const dir = contentPath(root, target);
        if (!/^content\/(cases|halls|routes)(\/|$)/.test(projectPath(root, dir) + '/'))
          throw new DeskError(400, '照片只能放在案例、展馆或航线文件的旁边');
        const name = (url.searchParams.get('name') ?? '').normalize('NFC');
        if (!name || /[\\/\0]/.test(name) || name.startsWith('.'))
          throw new DeskError(400, `照片文件名不对：“${name}”`);
        const problemWords = (p: { found: string; expected: string; suggestion: string }) =>
          `${p.found}。应为：${p.expected}。${p.suggestion}`;
        if (unsupportedImage.test(name) || !supportedImage.test(name)) {
          const problem = await pictureProblem(join(dir, name));
          throw new DeskError(
            415,
            problem
              ? problemWords(problem)
              : `“${extname(name) || name}”不是照片格式。应为：照片格式为 JPG、PNG、WebP 或 AVIF`,
          );
        }
        const bytes = await readBody(req, photoLimit);
        const ext = extname(name).toLowerCase();
        const stem = basename(name, extname(name))
          .replace(/[^\p{L}\p{N}_-]+/gu, '-')
          .replace(/^-+|-+$/g, '');
        const free = freeName(stem || 'photo', (n) => existsSync(join(dir, `${n}${ext}`)));
        const full = join(dir, `${free}${ext}`);
        mkdirSync(dir, { recursive: true });
        contentPath(root, projectPath(root, full));
        // Checked as the checker checks it, in a hidden temporary file, before it takes its name.
        const temp = join(dir, `.${randomBytes(6).toString('hex')}${ext}`);
        writeAtomic(temp, bytes, true);
        try {
          const problem = await pictureProblem(temp);
          if (problem) throw new DeskError(415, problemWords(problem));
          const meta = await sharp(temp).metadata();
          writeAtomic(full, bytes, true);
          return json({
            src: `./${free}${ext}`,
            file: projectPath(root, full),
            size: bytes.length,
            width: meta.autoOrient?.width ?? meta.width,
            height: meta.autoOrient?.height ?? meta.height,
          });
        } finally {
          if (existsSync(temp)) unlinkSync(temp);
        }
      }
      case 'GET /api/photo': {
        const full = contentPath(root, url.searchParams.get('file'));
        if (!supportedImage.test(full) || !existsSync(full)) throw new DeskError(404, '找不到这张照片');
        const type = { '.png': 'image/png', '.webp': 'image/webp', '.avif': 'image/avif', '.gif': 'image/gif' }[
          extname(full).toLowerCase()
        ];
        return send(200, type ?? 'image/jpeg', readFileSync(full));
      }
      case 'POST /api/source': {
        const body = await readJson(req);
        const publisher = String(body['publisher'] ?? '').trim();
        const date = String(body['date'] ?? '').trim();
        if (!publisher) throw new DeskError(400, '请填写发布单位，例如 福州日报');
        if (!/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(date))
          throw new DeskError(400, '发布日期格式为 YYYY、YYYY-MM 或 YYYY-MM-DD，例如 2024-05-20');
        const headline = String(body['headline'] ?? '').trim() || undefined;
        const link = String(body['url'] ?? '').trim() || undefined;
        return json({ id: registerSource(root, { publisher, date, headline, url: link }) });
      }
      case 'POST /api/publish-check': {
        await readBody(req, jsonLimit);
        const started = performance.now();
        const problems = await check();
        return json({
          problems,
          report: problems.length > 0 ? formatProblems(problems) : '',
          ms: Math.round(performance.now() - started),
        });
      }
      case 'GET /api/folders': {
        return json({ folders: foldersOfSeries(root, url.searchParams.get('series') ?? undefined) });
      }
      default:
        throw new DeskError(404, '没有这个操作');
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const known = error instanceof DeskError;
      if (!known) console.error(error);
      if (res.headersSent) return;
      res.writeHead(known ? error.status : 500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(
        JSON.stringify({
          message: known ? error.message : `编辑台出错了，没有保存：${(error as Error).message}`,
          problems: known ? error.details : undefined,
        }),
      );
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', done);
  });
  return {
    server,
    url: `${origin}/`,
    token,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** Opens the desk in the staff member's browser, where there is one. */
function openBrowser(url: string): void {
  if (process.env['BROWSER'] === 'none' || process.env['CI'] === 'true') return;
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) return;
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  spawn(cmd, args, { stdio: 'ignore', detached: true })
    .on('error', () => {})
    .unref();
}

async function main() {
  const root = process.env['ROOT'] ?? fileURLToPath(new URL('../..', import.meta.url));
  const port = Number(process.env['PORT'] ?? 4322);
  let preview: ChildProcess | undefined;
  let previewPort: number | undefined;
  if (process.env['PREVIEW'] !== 'none' && relative(root, fileURLToPath(new URL('../..', import.meta.url))) === '') {
    previewPort = port + 1;
    preview = spawn('astro', ['dev', '--port', String(previewPort), '--host', '127.0.0.1'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      // On Windows, node_modules/.bin/astro is a .cmd script, which only a shell runs.
      shell: process.platform === 'win32',
    });
  }
  const desk = await startDesk({ root, port, previewPort });
  console.log(`编辑台已启动：${desk.url}`);
  console.log('在浏览器中打开上面的地址。按 Ctrl+C 关闭编辑台。');
  if (previewPort) console.log(`页面预览（astro dev）：http://127.0.0.1:${previewPort}/`);
  openBrowser(desk.url);
  const stop = () => {
    preview?.kill();
    void desk.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.main) await main();
