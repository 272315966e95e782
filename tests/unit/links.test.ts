import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLinks, formatBroken } from '../gates/links.ts';

/** A throw-away built site: path → HTML body. */
function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'zg-dist-'));
  for (const [path, body] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(
      join(dir, path),
      path.endsWith('.html') ? `<!doctype html><html lang="zh-CN"><body>${body}</body></html>` : body,
    );
  }
  return dir;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const PORT = 4890 + Number(process.env['VITEST_POOL_ID'] ?? 0);

describe('link gate', () => {
  it('passes a site whose links, anchors and images all resolve', async () => {
    const dir = site({
      'index.html': '<a href="/cases/">案例</a><img src="/logo.svg" alt="徽标"><a href="http://example.com/">外站</a>',
      'cases/index.html': '<h2 id="top">案例</h2><a href="/cases/#top">回到顶部</a><a href="/">首页</a>',
      'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    dirs.push(dir);
    const result = await checkLinks(dir, { port: PORT });
    expect(result.broken).toEqual([]);
    expect(result.pages).toBe(2);
  });

  it('names the page and the target of a dead link, a missing anchor and a missing image', async () => {
    const dir = site({
      'index.html': '<a href="/cases/">案例</a>',
      'cases/index.html':
        '<a href="/cases/no-such-case/">不存在的案例</a><a href="/#no-such-id">锚点</a><img src="/images/missing.jpg" alt="照片">',
    });
    dirs.push(dir);
    const { broken } = await checkLinks(dir, { port: PORT });
    expect(formatBroken(broken).split('\n').sort()).toEqual([
      'page /cases/: /#no-such-id is broken (no element with this id)',
      'page /cases/: /cases/no-such-case/ is broken (HTTP 404)',
      'page /cases/: /images/missing.jpg is broken (HTTP 404)',
    ]);
  });

  it('serves a sub-path build at its base, so a link that forgets the base is caught', async () => {
    const dir = site({
      'index.html': '<a href="/zhanguan/cases/">案例</a><a href="/cases/">漏了子路径</a>',
      'cases/index.html': '<a href="/zhanguan/">首页</a>',
    });
    dirs.push(dir);
    const { broken } = await checkLinks(dir, { port: PORT, base: '/zhanguan/' });
    expect(formatBroken(broken)).toBe('page /zhanguan/: /cases/ is broken (HTTP 404)');
  });

  it('treats absolute links to the configured site address as internal', async () => {
    const dir = site({
      'index.html': '<link rel="canonical" href="https://example.gov.cn/gone/"><a href="/">首页</a>',
    });
    dirs.push(dir);
    const { broken } = await checkLinks(dir, { port: PORT, site: 'https://example.gov.cn' });
    expect(formatBroken(broken)).toBe('page /: /gone/ is broken (HTTP 404)');
  });
});
