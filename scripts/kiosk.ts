/**
 * `npm run kiosk`: serves the built site (dist/) on http://127.0.0.1:4321 for a kiosk PC that
 * has no other web server. Point the kiosk browser at /kiosk/ (see README). Every response gets
 * the site's security headers, and HTML pages their exact Content-Security-Policy (src/security.ts).
 * Files are read on every request, so a new `npm run build` is served without a restart and the
 * kiosks pick it up at their next idle reset.
 *
 * PORT (default 4321), KIOSK_DIR (default dist) and BASE_PATH (the one the site was built with).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import { pageHeaders, securityHeaders } from '../src/security.ts';

const dir = resolve(process.env['KIOSK_DIR'] ?? 'dist');
const port = Number(process.env['PORT'] ?? 4321);
const host = '127.0.0.1';
const base = (process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/').replace(/^\/?/, '/');

if (!existsSync(join(dir, 'index.html'))) {
  console.error(`✖ 没有找到构建好的网站 ${dir}/index.html。请先运行 npm run build。`);
  process.exit(1);
}

/** The HTML file a request path is answered with, if it is a page. */
function pageFile(pathname: string): string | undefined {
  const candidates = pathname.endsWith('/')
    ? [join(dir, pathname, 'index.html')]
    : pathname.endsWith('.html')
      ? [join(dir, pathname)]
      : [join(dir, `${pathname}.html`), join(dir, pathname, 'index.html')];
  return candidates.find((file) => file.startsWith(dir) && existsSync(file) && statSync(file).isFile());
}

function setHeaders(res: ServerResponse, pathname: string): void {
  const file = pageFile(pathname);
  const headers = file ? pageHeaders(readFileSync(file, 'utf8')) : securityHeaders;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  // Hashed build assets never change; everything else is revalidated (ETag) on every request.
  if (pathname.startsWith('/_astro/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  if (pathname === '/sw.js') res.setHeader('Service-Worker-Allowed', base);
}

const serve = sirv(dir, {
  dev: true,
  etag: true,
  extensions: ['html'],
  setHeaders,
  onNoMatch: (_req, res) => {
    const notFound = join(dir, '404.html');
    const html = existsSync(notFound) ? readFileSync(notFound, 'utf8') : 'Not found';
    res.writeHead(404, { ...pageHeaders(html), 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  },
});

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://${host}`);
  if (url.pathname === '/' && base !== '/') {
    res.writeHead(302, { ...securityHeaders, Location: base });
    res.end();
    return;
  }
  if (!url.pathname.startsWith(base)) {
    res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  // The files sit at the root of dist/ while the site lives under the base path.
  req.url = `/${url.pathname.slice(base.length)}${url.search}`;
  serve(req, res);
});

server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error;
  console.error(`✖ 端口 ${port} 已被占用：另一个服务正在运行。请先关闭它，或用 PORT=其他端口 npm run kiosk。`);
  process.exit(1);
});

server.listen(port, host, () => {
  console.log(`触摸屏服务已启动：http://${host}:${port}${base}kiosk/  （网站文件：${dir}）`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
