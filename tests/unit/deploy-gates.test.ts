import { describe, expect, it } from 'vitest';
import { validateHtml } from '../gates/html.ts';
import { deployedServerBlock, startNginx } from '../gates/nginx.ts';
import { tempSite as site } from './temp-files.ts';

const page = (body: string, head = '') =>
  `<!DOCTYPE html>\n<html lang="zh-CN">\n<head><meta charset="utf-8"><title>页</title>${head}</head>\n<body>\n${body}\n</body>\n</html>\n`;

describe('HTML gate (Nu Html Checker)', () => {
  // One run of the checker (a Java start takes seconds) over pages with known faults.
  it(
    'reports each error with its page and line; sets aside only unknown-CSS-property messages',
    { timeout: 120_000 },
    async () => {
      const dir = site({
        'index.html': page('<main><h1>首页</h1><p style="line-clamp: 2; paint-order: stroke">文字</p></main>'),
        'design/index.html': page('<pre aria-label="写法">x</pre>\n<img alt="">'),
        'timeline/index.html': `${page('<main><h1>大事记</h1></main>')}<script type="module">1</script>\n`,
        'colour/index.html': page('<main><h1>页</h1><p style="color: nonsense-colour">文字</p></main>'),
      });
      const { errors, files } = await validateHtml(dir);
      expect(files).toBe(4);
      const messages = (file: string) => errors.filter((e) => e.file === file).map((e) => `${e.line}: ${e.message}`);
      expect(messages('index.html')).toEqual([]);
      expect(messages('design/index.html')).toEqual([
        expect.stringMatching(/^5: The “aria-label” attribute must not be specified on any “pre” element/),
        expect.stringMatching(/^6: Element “img” is missing one or more of the following attributes: “src”/),
      ]);
      expect(messages('timeline/index.html')[0]).toMatch(/Stray start tag “script”/);
      expect(messages('colour/index.html')).toEqual([expect.stringMatching(/^5: CSS: “color”/)]);
    },
  );
});

describe('deploy/nginx.conf as the tests run it', () => {
  it('at the root: only the port and the folder change', () => {
    const conf = deployedServerBlock('/tmp/site', 5999);
    expect(conf).toContain('listen 127.0.0.1:5999;');
    expect(conf).toContain('root /tmp/site;');
    expect(conf).not.toContain('/srv/zhanguan');
    // The headers snippet is included at the server and again in the location with its own headers.
    expect(conf.match(/include \/tmp\/site\/nginx-headers\.conf;/g)).toHaveLength(2);
    expect(conf).toContain('add_header Cache-Control "public, max-age=31536000, immutable" always;');
    expect(conf).toMatch(/gzip on;/);
  });

  it('under /zhanguan/: every location and the error page move under the prefix', () => {
    const conf = deployedServerBlock('/tmp/site', 5999, '/zhanguan/');
    const locations = [...conf.matchAll(/^\s*location (?:= )?(\S+)/gm)].map((m) => m[1]);
    expect(locations).toEqual(['/zhanguan/', '/zhanguan/_astro/', '/zhanguan/nginx-headers.conf']);
    expect(conf).toContain('error_page 404 /zhanguan/404.html;');
    expect(conf).toMatch(/root \/tmp\/zg-nginx-root-\w+;/);
  });

  it(
    'serves a folder with the headers, the 404 page and long caching on _astro/ only',
    { timeout: 60_000 },
    async () => {
      const dir = site({
        'index.html': page('<main><h1>首页</h1></main>'),
        '404.html': page('<main><h1>没有找到这个页面</h1></main>'),
        '_astro/app.AbCdEf12.js': 'console.log(1);',
        'nginx-headers.conf': 'add_header X-Content-Type-Options "nosniff" always;\n',
      });
      const server = await startNginx(dir, 5990 + Number(process.env['VITEST_POOL_ID'] ?? 0));
      try {
        const home = await fetch(server.url);
        expect(home.headers.get('x-content-type-options')).toBe('nosniff');
        expect(home.headers.get('cache-control')).toBeNull();
        const asset = await fetch(`${server.url}_astro/app.AbCdEf12.js`);
        expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
        const missing = await fetch(`${server.url}nope/`);
        expect(missing.status).toBe(404);
        expect(await missing.text()).toContain('没有找到这个页面');
        expect((await fetch(`${server.url}nginx-headers.conf`)).status).toBe(404);
      } finally {
        await server.stop();
      }
    },
  );
});
