/**
 * A small content collection for the view-model tests, parsed with the real schemas (so the
 * defaults are those a build gets), and `astro:content` over it. Names are made up on purpose:
 * the tests must not depend on the real exhibition's content.
 */
import { z } from 'astro/zod';
import {
  caseSchema,
  hallSchema,
  milestoneSchema,
  routeSchema,
  seriesSchema,
  sourceSchema,
  unitSchema,
} from '../../../src/schemas/index.ts';

type Data = Record<string, unknown>;

const entry = (collection: string, schema: z.ZodType, id: string, data: Data) => ({
  id,
  collection,
  data: schema.parse(data) as Data,
  body: `${id} 的正文。`,
  filePath: `content/${collection}/${id}.md`,
});
const row = (collection: string, schema: z.ZodType, data: Data) => entry(collection, schema, String(data['id']), data);

const caseFm = caseSchema(z.string());
const hallFm = hallSchema(z.string());
const routeFm = routeSchema(z.string());
const base = { summary: '摘要。', sources: ['src-a'] };

/** The fixture collections, by name. Tests may push more entries before calling the view model. */
export function fixtureContent() {
  return {
    units: [
      row('units', unitSchema, { id: 'u-one', name: '第一测试单位', short: '一单位', level: '市直', region: '测试市' }),
      row('units', unitSchema, {
        id: 'u-two',
        name: '第二测试单位',
        aliases: ['二单位别名'],
        level: '区县',
        region: '测试市',
      }),
    ],
    sources: [
      row('sources', sourceSchema, {
        id: 'src-a',
        publisher: '测试日报',
        date: '2024-06-28',
        title: '甲报道',
        author: '记者甲',
      }),
      row('sources', sourceSchema, { id: 'src-b', publisher: '测试晚报', date: '2021-03', title: '乙报道' }),
    ],
    series: [
      row('series', seriesSchema, { id: 'top-series', name: '测试十佳', year: 2024, featured: true }),
      row('series', seriesSchema, { id: 'more-series', name: '其他测试案例' }),
      row('series', seriesSchema, { id: 'empty-series', name: '没有案例的系列' }),
    ],
    cases: [
      entry('cases', caseFm, 'more/c-late', {
        ...base,
        title: '后来的案例',
        unit: '二单位别名',
        year: 2025,
        series: 'more-series',
        tags: ['红色'],
      }),
      entry('cases', caseFm, 'top/c-second', {
        ...base,
        title: '第二个十佳',
        unit: '一单位',
        year: 2024,
        series: 'top-series',
        order: 2,
        tags: ['红色', '服务'],
        sources: ['src-a', 'src-b'],
        honours: ['测试荣誉'],
        figures: [{ label: '服务群众', value: 1.8, unit: '万人次', approx: '多', asOf: '2024-05', source: 'src-b' }],
      }),
      entry('cases', caseFm, 'top/c-first', {
        ...base,
        title: '第一个十佳',
        unit: '第一测试单位',
        year: 2024,
        series: 'top-series',
        order: 1,
        tags: ['服务'],
        related: ['more/c-late'],
        hall: 'h-main',
        route: 'r-river',
        figures: [{ label: '开展活动', value: 410, unit: '场次', approx: '余', asOf: '2024' }],
      }),
      entry('cases', caseFm, 'solo', {
        ...base,
        title: '不属于系列的案例',
        unit: '一单位',
        year: 2023,
        tags: ['红色'],
      }),
      entry('cases', caseFm, 'draft-case', {
        ...base,
        title: '草稿案例',
        unit: '一单位',
        year: 2024,
        series: 'top-series',
        draft: true,
      }),
    ],
    halls: [
      entry('halls', hallFm, 'h-branch', { ...base, name: '测试展馆', unit: '二单位别名', kind: '展馆' }),
      entry('halls', hallFm, 'h-main', {
        ...base,
        name: '测试分馆',
        unit: '一单位',
        kind: '分馆',
        zones: [{ name: '序厅' }],
      }),
    ],
    routes: [
      entry('routes', routeFm, 'r-river', {
        ...base,
        name: '测试航线',
        stops: [{ name: '甲码头' }, { name: '乙码头' }, { name: '丙码头' }],
      }),
    ],
    timeline: [
      row('timeline', milestoneSchema, {
        id: 'm-2019',
        date: '2019-06',
        title: '二〇一九年的事',
        themes: ['航线'],
        source: 'src-b',
        link: { route: 'r-river' },
      }),
      row('timeline', milestoneSchema, {
        id: 'm-1994',
        date: '1994-01',
        title: '起点',
        text: '起点的说明。',
        themes: ['党建'],
        source: 'src-a',
        preface: true,
      }),
      row('timeline', milestoneSchema, {
        id: 'm-2024a',
        date: '2024-03',
        title: '二〇二四年三月',
        themes: ['党建', '服务'],
        source: 'src-a',
        link: { case: 'top/c-first' },
      }),
      row('timeline', milestoneSchema, {
        id: 'm-2024b',
        date: '2024',
        dateNote: '年底',
        title: '二〇二四年底',
        themes: ['服务'],
        source: 'src-a',
        link: { hall: 'no-such-hall' },
      }),
      row('timeline', milestoneSchema, {
        id: 'm-2025',
        date: '2025-01-05',
        title: '二〇二五年',
        themes: [],
        source: 'src-b',
        link: { case: 'draft-case' },
      }),
    ],
  };
}

export type FixtureContent = ReturnType<typeof fixtureContent>;

/** Serves `content` as `astro:content` does: a copy of each collection, in file order. */
export const astroContent = (content: () => FixtureContent) => ({
  getCollection: async (name: keyof FixtureContent) => [...(content()[name] ?? [])],
});
