import { expect, test } from '@playwright/test';
import { caseExportSchema } from '../../src/schemas/index.ts';
import { readEntries } from '../content.ts';

const published = readEntries()
  .filter((e) => e.collection === 'cases' && e.data['draft'] !== true)
  .map((e) => e.slug)
  .sort();

test.describe('data downloads, feed and page metadata', () => {
  test.beforeEach(() => {
    test.skip(test.info().project.name !== 'desktop', 'files are checked once');
  });

  test('/data/cases.json validates against the schema and holds every published case', async ({ request }) => {
    const res = await request.get('./data/cases.json');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/json');
    const parsed = caseExportSchema.safeParse(await res.json());
    expect(parsed.error).toBeUndefined();
    const data = parsed.data!;
    expect(data.count).toBe(published.length);
    expect(data.cases.map((c) => c.slug).sort()).toEqual(published);
    for (const c of data.cases) {
      expect(c.sources.length).toBeGreaterThan(0);
      for (const f of c.figures) expect(f.source.publisher).toBeTruthy();
      expect((await request.get(new URL(c.url).pathname)).status()).toBe(200);
    }
  });

  test('/data/cases.csv is UTF-8 with a byte-order mark, one row per published case', async ({ request }) => {
    const res = await request.get('./data/cases.csv');
    expect(res.status()).toBe(200);
    const bytes = await res.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(
      '编号,标题,单位,单位全称,级别,地区,年份,系列,序号,摘要,标签,荣誉,关键数字,资料来源,网址',
    );
    for (const slug of published) expect(text).toContain(`\r\n${slug},`);
    const figures = await request.get('./data/figures.csv');
    expect(figures.status()).toBe(200);
    const figureCsv = (await figures.text()).replace(/^\uFEFF/, '');
    expect(figureCsv).toContain('410余场次');
    // Each figure row carries its source passage (原文), number included.
    expect(figureCsv.split('\r\n')[0]?.split(',')).toContain('原文');
    expect(figureCsv).toContain('开馆至今，展馆承接各类活动410余场次');
  });

  test('the RSS feed lists every published case and every page points to it', async ({ page, request }) => {
    const res = await request.get('./rss.xml');
    expect(res.status()).toBe(200);
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml/);
    expect(xml.match(/<item>/g)).toHaveLength(published.length);
    for (const slug of published) expect(xml).toContain(`/cases/${slug}/</link>`);

    for (const path of ['./', './cases/xinhuoshi/fangxiang-jiangxisuo/', './timeline/', './figures/']) {
      await page.goto(path);
      const feed = page.locator('link[rel="alternate"][type="application/rss+xml"]');
      await expect(feed).toHaveCount(1);
      expect(new URL((await feed.getAttribute('href'))!).pathname).toMatch(/\/rss\.xml$/);
      // Open Graph, description and a canonical address from the configured site.
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      expect(new URL(canonical!).pathname).toBe(new URL(page.url()).pathname);
      await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\S{10,}/);
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /福州机关党建数字展馆/);
      await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', canonical!);
    }
  });

  test('the sitemap lists the pages and leaves out the editors’ samples', async ({ request }) => {
    const index = await request.get('./sitemap-index.xml');
    expect(index.status()).toBe(200);
    const sitemap = await request.get(new URL(/<loc>([^<]+)<\/loc>/.exec(await index.text())![1]!).pathname);
    const xml = await sitemap.text();
    for (const path of ['/figures/', '/timeline/', '/print/xinhuoshi-2024/', '/cases/xinhuoshi/dangjian-shuangyong/']) {
      expect(xml).toContain(`${path}</loc>`);
    }
    expect(xml).not.toContain('/design/</loc>');
  });
});
