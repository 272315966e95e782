/**
 * The timeline page (大事记) as a view model: milestones grouped by decade and year, each with its
 * source line and its link to the exhibit entry it belongs to, and the themes for the filter.
 * `timelineInput()` gathers the plain data, `timelineView(input)` groups it.
 */
import { t } from '../../i18n/index.ts';
import { formatDateNote } from '../../utils/format.ts';
import { href } from '../../utils/url.ts';
import {
  entryPath,
  entryTitle,
  getCases,
  getHalls,
  getRoutes,
  getTimeline,
  resolveSource,
  sourceLabel,
  type ExhibitEntry,
  type ResolvedSource,
} from '../index.ts';

/** A published exhibit entry a milestone may link to. */
export interface LinkTarget {
  kind: 'case' | 'hall' | 'route';
  id: string;
  title: string;
  path: string;
  unit?: string | undefined;
}

/** Everything the timeline depends on, as plain data. */
export interface TimelineInput {
  milestones: {
    id: string;
    date: string;
    dateNote?: string | undefined;
    dateFrom?: string | undefined;
    title: string;
    text?: string | undefined;
    themes: string[];
    source: ResolvedSource;
    link?: { case?: string | undefined; hall?: string | undefined; route?: string | undefined } | undefined;
  }[];
  /** The published entries milestones can link to. */
  targets: LinkTarget[];
}

/** One milestone as the page shows it. */
export interface TimelineItem {
  id: string;
  date: string;
  when: string;
  /** How the date was worked out, when the source dates the event relative to itself (今年, 去年). */
  worked?: string | undefined;
  title: string;
  text?: string | undefined;
  themes: string[];
  /** 福州日报 2024年6月28日. */
  source: string;
  /** The linked entry, when it is published. */
  target?: { href: string; title: string } | undefined;
  /** The unit of the linked entry, for the search facets. */
  unit?: string | undefined;
}

export interface TimelineView {
  total: number;
  /** First and last year. */
  span: { from: string; to: string };
  themes: { theme: string; count: number }[];
  /** Decades, each with its years; `gap` is the number of years since the previous decade's last milestone. */
  decades: { decade: string; gap: number; years: { year: string; items: TimelineItem[] }[] }[];
}

const kinds = ['case', 'hall', 'route'] as const;

const target = (kind: LinkTarget['kind'], entry: ExhibitEntry): LinkTarget => ({
  kind,
  id: entry.id,
  title: entryTitle(entry),
  path: entryPath(entry),
  unit: entry.data.unit,
});

export async function timelineInput(): Promise<TimelineInput> {
  return {
    milestones: await Promise.all(
      (await getTimeline()).map(async (m) => ({
        id: m.id,
        date: m.data.date,
        dateNote: m.data.dateNote,
        dateFrom: m.data.dateFrom,
        title: m.data.title,
        text: m.data.text,
        themes: m.data.themes,
        source: await resolveSource(m.data.source),
        link: m.data.link,
      })),
    ),
    targets: [
      ...(await getCases()).map((e) => target('case', e)),
      ...(await getHalls()).map((e) => target('hall', e)),
      ...(await getRoutes()).map((e) => target('route', e)),
    ],
  };
}

/** The entry a milestone links to, when it is published: cases first, then halls, then routes. */
export function linkTarget(link: TimelineInput['milestones'][number]['link'], targets: LinkTarget[]) {
  if (!link) return undefined;
  for (const kind of kinds) {
    const id = link[kind];
    const found = id === undefined ? undefined : targets.find((e) => e.kind === kind && e.id === id);
    if (found) return found;
  }
  return undefined;
}

export function timelineView({ milestones, targets }: TimelineInput): TimelineView {
  const items = milestones.map((m) => {
    const linked = linkTarget(m.link, targets);
    const item: TimelineItem = {
      id: m.id,
      date: m.date,
      when: formatDateNote(m.date, m.dateNote),
      worked:
        m.dateFrom &&
        t(m.source.dateInferred ? 'timeline.dateFromInferred' : 'timeline.dateFrom', { words: m.dateFrom }),
      title: m.title,
      text: m.text,
      themes: m.themes,
      source: sourceLabel(m.source),
      target: linked && { href: href(linked.path), title: linked.title },
      unit: linked?.unit,
    };
    return { item, year: m.date.slice(0, 4), decade: `${m.date.slice(0, 3)}0` };
  });
  const decadeIds = [...new Set(items.map((i) => i.decade))];
  return {
    total: milestones.length,
    span: { from: milestones[0]?.date.slice(0, 4) ?? '', to: milestones.at(-1)?.date.slice(0, 4) ?? '' },
    themes: [...new Set(milestones.flatMap((m) => m.themes))].map((theme) => ({
      theme,
      count: milestones.filter((m) => m.themes.includes(theme)).length,
    })),
    decades: decadeIds.map((decade, index) => {
      const inDecade = items.filter((i) => i.decade === decade);
      const years = [...new Set(inDecade.map((i) => i.year))].map((year) => ({
        year,
        items: inDecade.filter((i) => i.year === year).map((i) => i.item),
      }));
      const previous = index > 0 ? items.filter((i) => i.decade === decadeIds[index - 1]).at(-1) : undefined;
      const gap = previous ? Number(years[0]?.year) - Number(previous.year) : 0;
      return { decade, gap, years };
    }),
  };
}

/** The eyebrow of the page: 共 N 条 · 1994—2025. */
export const timelineEyebrow = (view: TimelineView) =>
  `${t('timeline.count', { n: view.total })} · ${t('design.timeline.span', { from: view.span.from, to: view.span.to })}`;
