/**
 * The page view models (src/data/pages/) over a small fixture collection: what each page shows,
 * in which order, with which links. Production builds leave drafts out; each test loads the
 * modules afresh in that mode.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { astroContent, fixtureContent, type FixtureContent } from './content.ts';

const state = vi.hoisted(() => ({ content: undefined as unknown as FixtureContent }));
vi.mock('astro:content', () => astroContent(() => state.content));

beforeEach(() => {
  state.content = fixtureContent();
  vi.stubEnv('PROD', true);
  vi.resetModules();
});
afterEach(() => vi.unstubAllEnvs());

const data = () => import('../../../src/data/index.ts');
const pages = {
  home: () => import('../../../src/data/pages/home.ts'),
  kiosk: () => import('../../../src/data/pages/kiosk.ts'),
  timeline: () => import('../../../src/data/pages/timeline.ts'),
  booklet: () => import('../../../src/data/pages/booklet.ts'),
  case: () => import('../../../src/data/pages/case.ts'),
};
const { href } = await import('../../../src/utils/url.ts');
const { formatDate } = await import('../../../src/utils/format.ts');
/** Dates as the dictionary writes them (2024 年 6 月 28 日). */
const a = formatDate('2024-06-28');
const b = formatDate('2021-03');

describe('the query module', () => {
  test('cases: series in registry order, then order within the series; drafts left out', async () => {
    const { getCases } = await data();
    expect((await getCases()).map((c) => c.id)).toEqual(['top/c-first', 'top/c-second', 'more/c-late', 'solo']);
  });

  test('halls: kinds in the order of the schema (分馆 first)', async () => {
    const { getHalls } = await data();
    expect((await getHalls()).map((h) => h.id)).toEqual(['h-main', 'h-branch']);
  });

  test('tags: most used first, each with a unique pinyin slug', async () => {
    state.content.cases.push({
      ...state.content.cases[3]!,
      id: 'solo-2',
      data: { ...state.content.cases[3]!.data, tags: ['紅色'] },
    });
    const { getTags } = await data();
    const tags = await getTags();
    expect(tags[0]?.tag).toBe('红色');
    expect(tags[0]?.entries.map((e) => e.id)).toEqual(['top/c-second', 'more/c-late', 'solo']);
    const slugs = tags.map((t) => t.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9-]+$/);
  });

  test('citations: every published page citing a source, figures and milestones included', async () => {
    const { citationsOf } = await data();
    expect(await citationsOf('src-b')).toEqual([
      { title: '第二个十佳', path: '/cases/top/c-second/', type: 'case' },
      { title: '二〇一九年的事', path: '/timeline/#m-2019', type: 'milestone' },
      { title: '二〇二五年', path: '/timeline/#m-2025', type: 'milestone' },
    ]);
  });

  test('in astro dev, drafts are shown', async () => {
    vi.stubEnv('PROD', false);
    vi.resetModules();
    const { getCases } = await data();
    expect((await getCases()).map((c) => c.id)).toContain('draft-case');
  });
});

describe('case page', () => {
  test('eyebrow with the series and the two-digit number; meta links to unit, series, hall, route', async () => {
    const { getCases } = await data();
    const { caseContext, caseView } = await pages.case();
    const entry = (await getCases()).find((c) => c.id === 'top/c-first')!;
    const view = caseView(entry, await caseContext(entry));
    expect(view.eyebrow).toBe('测试十佳 · 01');
    const meta = Object.fromEntries(view.meta.map((m) => [m.value, m.href]));
    expect(meta).toMatchObject({
      一单位: href('/units/u-one/'),
      测试十佳: href('/cases/#top-series'),
      测试分馆: href('/halls/h-main/'),
      测试航线: href('/routes/r-river/'),
    });
  });

  test('related: named cases first, then cases sharing a tag, never itself, at most four', async () => {
    const { getCases } = await data();
    const { caseContext, caseView, relatedCases } = await pages.case();
    const cases = await getCases();
    const first = cases.find((c) => c.id === 'top/c-first')!;
    expect(caseView(first, await caseContext(first)).related.map((c) => c.id)).toEqual(['more/c-late', 'top/c-second']);
    const second = cases.find((c) => c.id === 'top/c-second')!;
    expect(relatedCases(second, cases).map((c) => c.id)).toEqual(['top/c-first', 'more/c-late', 'solo']);
    const many = Array.from({ length: 6 }, (_, i) => ({ ...second, id: `x-${i}` }));
    expect(relatedCases(second, [second, ...many])).toHaveLength(4);
  });

  test('a case outside any series says 案例 and has no number', async () => {
    const { getCases } = await data();
    const { caseContext, caseView } = await pages.case();
    const solo = (await getCases()).find((c) => c.id === 'solo')!;
    const view = caseView(solo, await caseContext(solo));
    expect(view.eyebrow).toBe('案例');
    expect(view.meta.find((m) => m.label === '所属系列')?.value).toBeUndefined();
  });
});

describe('home page', () => {
  test('the featured series comes from the flag in series.yaml, numbered, with units and links', async () => {
    const { homeInput, homeView } = await pages.home();
    const view = homeView(await homeInput());
    expect(view.topTen?.more).toBe(href('/cases/#top-series'));
    expect(view.topTen?.items).toEqual([
      { no: '01', title: '第一个十佳', href: href('/cases/top/c-first/'), unit: '一单位' },
      { no: '02', title: '第二个十佳', href: href('/cases/top/c-second/'), unit: '一单位' },
    ]);
  });

  test('without a featured series the wall and its figures are left out', async () => {
    state.content.series = state.content.series.map((s) => ({ ...s, data: { ...s.data, featured: false } }));
    const { homeInput, homeView } = await pages.home();
    const view = homeView(await homeInput());
    expect(view.topTen).toBeUndefined();
    expect(view.highlights).toEqual([]);
  });

  test('preface: the milestone flagged preface, with date and source', async () => {
    const { homeInput, homeView } = await pages.home();
    const view = homeView(await homeInput());
    expect(view.preface).toEqual({ text: '起点的说明。', when: formatDate('1994-01'), source: `测试日报 ${a}` });
  });

  test('counts, the four sections with their counts, headline figures and the newest milestones', async () => {
    const { homeInput, homeView } = await pages.home();
    const view = homeView(await homeInput());
    expect(view.counts.map((c) => c.n)).toEqual([4, 2, 3, 5]);
    expect(view.sections.map((s) => [s.tone, s.href])).toEqual([
      ['red', href('/cases/')],
      ['gold', href('/halls/')],
      ['river', href('/routes/')],
      ['ink', href('/timeline/')],
    ]);
    expect(view.sections[0]?.count).toContain('4');
    expect(view.highlights.map((f) => [f.label, f.resolvedSource.publisher])).toEqual([
      ['开展活动', '测试日报'],
      ['服务群众', '测试晚报'],
    ]);
    expect(view.recent.map((m) => m.href)).toEqual(
      ['m-2025', 'm-2024a', 'm-2024b', 'm-2019'].map((id) => href(`/timeline/#${id}`)),
    );
    expect(view.route?.href).toBe(href('/routes/r-river/'));
  });
});

describe('kiosk start screen', () => {
  test('the featured cases as buttons, and four tiles with counts', async () => {
    const { kioskInput, kioskView } = await pages.kiosk();
    const view = kioskView(await kioskInput());
    expect(view.featured?.cases.map((c) => [c.no, c.title, c.href])).toEqual([
      ['01', '第一个十佳', href('/cases/top/c-first/')],
      ['02', '第二个十佳', href('/cases/top/c-second/')],
    ]);
    expect(view.featured?.count).toContain('2');
    expect(view.tiles.map((t) => t.href)).toEqual(['/halls/', '/routes/', '/timeline/', '/search/'].map(href));
    expect(view.tiles[0]?.count).toContain('2');
    expect(view.tiles[1]?.count).toContain('3');
    expect(view.tiles[2]?.count).toContain('5');
  });
});

describe('timeline page', () => {
  test('milestones oldest first, grouped by decade and year, with the gap between decades', async () => {
    const { timelineInput, timelineView } = await pages.timeline();
    const view = timelineView(await timelineInput());
    expect(view.span).toEqual({ from: '1994', to: '2025' });
    expect(view.decades.map((d) => [d.decade, d.gap, d.years.map((y) => y.year)])).toEqual([
      ['1990', 0, ['1994']],
      ['2010', 25, ['2019']],
      ['2020', 5, ['2024', '2025']],
    ]);
    expect(view.decades[2]?.years[0]?.items.map((i) => i.id)).toEqual(['m-2024b', 'm-2024a']);
  });

  test('links go to published entries only; the unit of the linked entry is kept for search', async () => {
    const { timelineInput, timelineView } = await pages.timeline();
    const items = timelineView(await timelineInput()).decades.flatMap((d) => d.years.flatMap((y) => y.items));
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(byId['m-2019']?.target).toEqual({ href: href('/routes/r-river/'), title: '测试航线' });
    expect(byId['m-2024a']?.target).toEqual({ href: href('/cases/top/c-first/'), title: '第一个十佳' });
    expect(byId['m-2024a']?.unit).toBe('第一测试单位');
    expect(byId['m-2024b']?.target).toBeUndefined();
    expect(byId['m-2025']?.target).toBeUndefined();
    expect(byId['m-2024b']?.when).toBe('2024 年底');
    expect(byId['m-2019']?.source).toBe(`测试晚报 ${b}`);
  });

  test('themes in order of first use, with how many milestones carry each', async () => {
    const { timelineInput, timelineView } = await pages.timeline();
    expect(timelineView(await timelineInput()).themes).toEqual([
      { theme: '党建', count: 2 },
      { theme: '航线', count: 1 },
      { theme: '服务', count: 2 },
    ]);
  });
});

describe('print booklet', () => {
  test('one booklet per series with published cases', async () => {
    const { bookletSeries } = await pages.booklet();
    expect((await bookletSeries()).map((s) => s.id)).toEqual(['top-series', 'more-series']);
  });

  test('cases in series order with numbers, anchors, figures and full citations; sources once, oldest first', async () => {
    const { bookletInput, bookletSeries, bookletView } = await pages.booklet();
    const series = (await bookletSeries())[0]!;
    const view = bookletView(await bookletInput(series), new URL('https://example.org'));
    expect(view.url).toBe(`https://example.org${href('/print/top-series/')}`);
    expect(view.cases.map((c) => [c.no, c.anchor, c.title, c.unit])).toEqual([
      ['01', 'case-1', '第一个十佳', '一单位'],
      ['02', 'case-2', '第二个十佳', '一单位'],
    ]);
    const [first, second] = view.cases;
    expect(first?.figures).toEqual([
      { value: '410余场次', label: '开展活动', note: undefined, asOf: formatDate('2024'), source: `测试日报 ${a}` },
    ]);
    expect(second?.figures[0]?.source).toBe(`测试晚报 ${b}`);
    expect(second?.honours).toEqual(['测试荣誉']);
    expect(second?.sources).toEqual([`测试日报 ${a} 《甲报道》 记者甲`, `测试晚报 ${b} 《乙报道》`]);
    expect(view.sources).toEqual([`测试晚报 ${b} 《乙报道》`, `测试日报 ${a} 《甲报道》 记者甲`]);
    expect(first?.url).toBe(`https://example.org${href('/cases/top/c-first/')}`);
  });
});
