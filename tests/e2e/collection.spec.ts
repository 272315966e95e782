import { expect, test } from '@playwright/test';
import { figureText } from '../../src/utils/format.ts';
import { readEntries, readRegistry } from '../content.ts';

/**
 * Every unit, case, hall, stop and dated milestone in content/ has its page or entry in the built
 * site, with its own title. Reads the HTML the server returns, so one browser project is enough.
 */
test.describe('the whole collection is in the built site', () => {
  test.beforeEach(() => {
    test.skip(test.info().project.name !== 'desktop', 'checked once, on the desktop project');
  });

  const entries = readEntries().filter((e) => e.data['draft'] !== true);
  const text = (html: string) =>
    html
      .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/&#39;/g, "'");

  test('every case, hall and route has a page with its title, summary and every figure', async ({ request }) => {
    expect(entries.filter((e) => e.collection === 'cases').length).toBeGreaterThanOrEqual(10);
    for (const entry of entries) {
      const path = `./${entry.collection}/${entry.slug}/`;
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      const html = await res.text();
      const title = String(entry.data['title'] ?? entry.data['name']);
      const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
      expect(text(h1 ?? ''), `${path} heading`).toBe(title);
      expect(text(html), `${path} summary`).toContain(String(entry.data['summary']));
      for (const figure of (entry.data['figures'] as Parameters<typeof figureText>[0][] | undefined) ?? []) {
        expect(text(html), `${path} shows ${figureText(figure)}`).toContain(figureText(figure));
      }
    }
  });

  test('the ten top cases are listed in order on the case index', async ({ page }) => {
    const topTen = entries
      .filter((e) => e.data['series'] === 'xinhuoshi-2024')
      .sort((a, b) => Number(a.data['order']) - Number(b.data['order']));
    expect(topTen).toHaveLength(10);
    await page.goto('./cases/');
    const section = page.locator('#xinhuoshi-2024');
    await expect(section.getByRole('heading', { level: 3 })).toHaveText(topTen.map((e) => String(e.data['title'])));
  });

  test('every unit has a page listing its cases and halls', async ({ request }) => {
    const units = readRegistry<{ id: string; name: string; short?: string; aliases?: string[] }>('units');
    for (const unit of units) {
      const res = await request.get(`./units/${unit.id}/`);
      expect(res.status(), unit.id).toBe(200);
      const html = text(await res.text());
      expect(html).toContain(unit.name);
      const names = [unit.name, unit.short, ...(unit.aliases ?? [])];
      for (const entry of entries.filter((e) => names.includes(String(e.data['unit'])))) {
        expect(html, `${unit.id} lists ${entry.slug}`).toContain(String(entry.data['title'] ?? entry.data['name']));
      }
    }
  });

  test('every stop of every route is on its page, in order, places and stretches of water counted apart', async ({
    page,
  }) => {
    for (const route of entries.filter((e) => e.collection === 'routes')) {
      const items = route.data['stops'] as { name: string; kind?: string }[];
      const places = items.filter((s) => (s.kind ?? '地点') === '地点').length;
      const legs = items.length - places;
      await page.goto(`./routes/${route.slug}/`);
      const region = page.getByRole('region', { name: /^航程/ });
      await expect(region.getByRole('heading', { level: 3 })).toHaveText(items.map((s) => s.name));
      await expect(region.getByRole('heading', { level: 2 })).toHaveText(
        `航程 ${places} 处地点${legs > 0 ? `、${legs} 段水路` : ''}`,
      );
    }
  });

  test('a hall whose sources name no organiser says so', async ({ request }) => {
    const halls = entries.filter((e) => e.collection === 'halls' && e.data['unit'] === undefined);
    for (const hall of halls) {
      const html = text(await (await request.get(`./halls/${hall.slug}/`)).text());
      expect(html, hall.slug).toMatch(/主办单位\s*报道未说明/);
    }
  });

  test('every zone of every hall is on its page, in order', async ({ page }) => {
    for (const hall of entries.filter((e) => e.collection === 'halls' && Array.isArray(e.data['zones']))) {
      const zones = (hall.data['zones'] as { name: string }[]).map((z) => z.name);
      if (zones.length === 0) continue;
      await page.goto(`./halls/${hall.slug}/`);
      await expect(page.getByRole('region', { name: '展区' }).getByRole('heading', { level: 3 })).toHaveText(zones);
    }
  });

  test('every dated milestone is on the timeline with its title', async ({ request }) => {
    const milestones = readRegistry<{ id: string; title: string; date: string }>('timeline');
    expect(milestones.length).toBeGreaterThanOrEqual(25);
    const html = await (await request.get('./timeline/')).text();
    for (const m of milestones) {
      expect(html, `milestone ${m.id}`).toContain(`id="${m.id}"`);
      expect(text(html)).toContain(m.title);
    }
  });

  test('every source is on the sources page, an inferred date with how it was inferred', async ({ request }) => {
    const html = await (await request.get('./sources/')).text();
    for (const s of readRegistry<{ id: string; publisher: string; dateInferred?: string }>('sources')) {
      expect(html, `source ${s.id}`).toContain(`id="${s.id}"`);
      if (s.dateInferred) expect(text(html)).toContain(`日期说明：${s.dateInferred}`);
    }
  });

  test('a date worked out from the words 今年 or 去年 says so on the timeline', async ({ request }) => {
    const milestones = readRegistry<{ id: string; dateFrom?: string }>('timeline').filter((m) => m.dateFrom);
    const html = text(await (await request.get('./timeline/')).text());
    for (const m of milestones) expect(html, m.id).toContain(`报道原文作“${m.dateFrom}”`);
  });
});
