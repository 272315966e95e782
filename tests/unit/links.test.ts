import { describe, expect, it } from 'vitest';
import { checkLinks, formatBroken } from '../gates/links.ts';
import { tempSite } from './temp-files.ts';

/** A throw-away built site: path → HTML body (other files as they are). */
const site = (pages: Record<string, string>): string =>
  tempSite(
    Object.fromEntries(
      Object.entries(pages).map(([path, body]) => [
        path,
        path.endsWith('.html') ? `<!doctype html><html lang="zh-CN"><body>${body}</body></html>` : body,
      ]),
    ),
  );
const PORT = 4890 + Number(process.env['VITEST_POOL_ID'] ?? 0);

describe('link gate', () => {
  it('passes a site whose links, anchors and images all resolve', async () => {
    const dir = site({
      'index.html': '<a href="/cases/">案例</a><img src="/logo.svg" alt="徽标"><a href="http://example.com/">外站</a>',
      'cases/index.html': '<h2 id="top">案例</h2><a href="/cases/#top">回到顶部</a><a href="/">首页</a>',
      'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
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
    const { broken } = await checkLinks(dir, { port: PORT, base: '/zhanguan/' });
    expect(formatBroken(broken)).toBe('page /zhanguan/: /cases/ is broken (HTTP 404)');
  });

  it('treats absolute links to the configured site address as internal', async () => {
    const dir = site({
      'index.html': '<link rel="canonical" href="https://example.gov.cn/gone/"><a href="/">首页</a>',
    });
    const { broken } = await checkLinks(dir, { port: PORT, site: 'https://example.gov.cn' });
    expect(formatBroken(broken)).toBe('page /: /gone/ is broken (HTTP 404)');
  });
});
