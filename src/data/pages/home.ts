/**
 * The home page (序厅) as a view model: `homeInput()` gathers what the page depends on from the
 * content as plain data; `homeView(input)` turns it into what the sections show. Only the input
 * varies from build to build, so it is also what a cache key of the page must cover.
 */
import { t, type UiKey } from '../../i18n/index.ts';
import type { Figure } from '../../schemas/index.ts';
import { formatDateNote } from '../../utils/format.ts';
import { href } from '../../utils/url.ts';
import {
  entryPath,
  getCases,
  getHalls,
  getPrefaceMilestone,
  getRoutes,
  getTimeline,
  itineraryText,
  resolveSource,
  routePlaces,
  sourceLabel,
  type ResolvedSource,
  type RouteEntry,
} from '../index.ts';
import { caseNumber, featuredInput, type FeaturedInput } from './featured.ts';

/** Everything the home page depends on, as plain data. */
export interface HomeInput {
  counts: { cases: number; halls: number; stops: number; legs: number; milestones: number };
  featured?: FeaturedInput | undefined;
  preface?:
    { text?: string | undefined; date: string; dateNote?: string | undefined; source: ResolvedSource } | undefined;
  /** The route drawn in the river band (the first route). */
  route?: RouteEntry | undefined;
  milestones: { id: string; title: string; date: string; dateNote?: string | undefined }[];
}

/** One of the four halls of the guide. */
export interface HomeSection {
  tone: 'red' | 'gold' | 'river' | 'ink';
  /** 第一厅, 第二厅 … */
  no: string;
  name: string;
  lead: string;
  count: string;
  href: string;
}

export interface HomeView {
  preface?: { text?: string | undefined; when: string; source: string } | undefined;
  counts: { n: number; label: string }[];
  sections: HomeSection[];
  topTen?: { more: string; items: { no: string; title: string; href: string; unit: string }[] } | undefined;
  route?: { entry: RouteEntry; path: string; href: string } | undefined;
  /** Up to four headline figures, one from each featured case that has one. */
  highlights: (Figure & { resolvedSource: ResolvedSource })[];
  /** The four newest milestones, newest first. */
  recent: { date: string; when: string; title: string; href: string }[];
}

export async function homeInput(): Promise<HomeInput> {
  const routes = await getRoutes();
  const timeline = await getTimeline();
  const preface = await getPrefaceMilestone();
  return {
    counts: {
      cases: (await getCases()).length,
      halls: (await getHalls()).length,
      stops: routePlaces(routes.flatMap((r) => r.data.stops)).length,
      legs: routes.flatMap((r) => r.data.stops).filter((s) => s.kind === '水路').length,
      milestones: timeline.length,
    },
    featured: await featuredInput(),
    preface: preface && {
      text: preface.data.text,
      date: preface.data.date,
      dateNote: preface.data.dateNote,
      source: await resolveSource(preface.data.source),
    },
    route: routes[0],
    milestones: timeline.map((m) => ({ id: m.id, title: m.data.title, date: m.data.date, dateNote: m.data.dateNote })),
  };
}

const guide: { tone: HomeSection['tone']; name: UiKey; lead: UiKey; path: string }[] = [
  { tone: 'red', name: 'section.cases.title', lead: 'section.cases.lead', path: '/cases/' },
  { tone: 'gold', name: 'section.halls.title', lead: 'section.halls.lead', path: '/halls/' },
  { tone: 'river', name: 'section.routes.title', lead: 'section.routes.lead', path: '/routes/' },
  { tone: 'ink', name: 'section.timeline.title', lead: 'section.timeline.lead', path: '/timeline/' },
];

export function homeView(input: HomeInput): HomeView {
  const { counts, featured, preface, route, milestones } = input;
  const numerals = [...t('design.numerals')];
  const sectionCounts = [
    t('case.count', { n: counts.cases }),
    t('hall.count', { n: counts.halls }),
    itineraryText(counts.stops, counts.legs),
    t('timeline.count', { n: counts.milestones }),
  ];
  return {
    preface: preface && {
      text: preface.text,
      when: formatDateNote(preface.date, preface.dateNote),
      source: sourceLabel(preface.source),
    },
    counts: [
      { n: counts.cases, label: t('design.home.cases') },
      { n: counts.halls, label: t('design.home.halls') },
      { n: counts.stops, label: t('design.home.stops') },
      { n: counts.milestones, label: t('design.home.milestones') },
    ],
    sections: guide.map((s, i) => ({
      tone: s.tone,
      no: t('design.home.hall', { n: numerals[i] ?? i + 1 }),
      name: t(s.name),
      lead: t(s.lead),
      count: sectionCounts[i] ?? '',
      href: href(s.path),
    })),
    topTen:
      featured && featured.cases.length > 0
        ? {
            more: href(`/cases/#${featured.id}`),
            items: featured.cases.map((c, i) => ({
              no: caseNumber(c, i),
              title: c.title,
              href: href(`/cases/${c.id}/`),
              unit: c.unit,
            })),
          }
        : undefined,
    route: route && { entry: route, path: entryPath(route), href: href(entryPath(route)) },
    highlights: (featured?.cases ?? [])
      .map((c) => c.figure)
      .filter((f) => f !== undefined)
      .slice(0, 4),
    recent: milestones
      .slice(-4)
      .reverse()
      .map((m) => ({
        date: m.date,
        when: formatDateNote(m.date, m.dateNote),
        title: m.title,
        href: href(`/timeline/#${m.id}`),
      })),
  };
}
