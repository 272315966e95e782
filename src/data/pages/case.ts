/**
 * A case page as a view model. `caseContext(entry)` gathers, as plain data, everything of the
 * rest of the collection the page depends on; `caseView(entry, context)` is a pure function of
 * the two, so the pair is also what a cache key of the page must cover.
 */
import { t } from '../../i18n/index.ts';
import { pad2 } from '../../utils/format.ts';
import { href } from '../../utils/url.ts';
import { getCases, getHalls, getRoutes, getSeries, resolveUnit, unitLabel, type CaseEntry } from '../index.ts';

/** What a case page needs from the rest of the content. */
export interface CaseContext {
  unit: { id: string; label: string };
  series?: { id: string; name: string } | undefined;
  hall?: { id: string; name: string } | undefined;
  route?: { id: string; name: string } | undefined;
  /** Every published case, in collection order, for the related cases. */
  cases: CaseEntry[];
}

export interface CaseView {
  /** Above the title: the series and the case's number in it, or 案例. */
  eyebrow: string;
  meta: { label: string; value?: string | undefined; href?: string | undefined }[];
  /** Up to four: those the file names first, then others sharing a tag, in collection order. */
  related: CaseEntry[];
}

export async function caseContext(entry: CaseEntry): Promise<CaseContext> {
  const unit = await resolveUnit(entry.data.unit);
  const series = (await getSeries()).find((s) => s.id === entry.data.series);
  const hall = (await getHalls()).find((h) => h.id === entry.data.hall);
  const route = (await getRoutes()).find((r) => r.id === entry.data.route);
  return {
    unit: { id: unit.id, label: unitLabel(unit) },
    series: series && { id: series.id, name: series.data.name },
    hall: hall && { id: hall.id, name: hall.data.name },
    route: route && { id: route.id, name: route.data.name },
    cases: await getCases(),
  };
}

/** The related cases of a case: named ones first, then those sharing a tag, at most four. */
export function relatedCases(entry: CaseEntry, cases: CaseEntry[]): CaseEntry[] {
  const named = entry.data.related.map((id) => cases.find((c) => c.id === id)).filter((c): c is CaseEntry => !!c);
  // The first cases sharing a tag, in order, until there are four: the scan stops there (every
  // case page's key asks, so a scan of the whole collection each time grew with its square).
  const related = named.slice(0, 4);
  for (const c of cases) {
    if (related.length >= 4) break;
    if (c.id !== entry.id && !named.includes(c) && c.data.tags.some((tag) => entry.data.tags.includes(tag)))
      related.push(c);
  }
  return related;
}

export function caseView(entry: CaseEntry, { unit, series, hall, route, cases }: CaseContext): CaseView {
  const { order } = entry.data;
  return {
    eyebrow: series ? `${series.name}${order ? ` · ${pad2(order)}` : ''}` : t('type.case'),
    meta: [
      { label: t('case.unit'), value: unit.label, href: href(`/units/${unit.id}/`) },
      { label: t('case.year'), value: `${entry.data.year}` },
      { label: t('case.series'), value: series?.name, href: series ? href(`/cases/#${series.id}`) : undefined },
      { label: t('case.hall'), value: hall?.name, href: hall ? href(`/halls/${hall.id}/`) : undefined },
      { label: t('case.route'), value: route?.name, href: route ? href(`/routes/${route.id}/`) : undefined },
    ],
    related: relatedCases(entry, cases),
  };
}
