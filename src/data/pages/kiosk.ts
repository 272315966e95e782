/**
 * The kiosk start screen as a view model: the featured series as a list of large buttons and a
 * tile for each other part of the exhibition. `kioskInput()` gathers the plain data,
 * `kioskView(input)` shapes it.
 */
import { t, type UiKey } from '../../i18n/index.ts';
import { href } from '../../utils/url.ts';
import { getHalls, getRoutes, getTimeline, itineraryText, routePlaces } from '../index.ts';
import { caseNumber, featuredInput, type FeaturedInput } from './featured.ts';

/** Everything the kiosk start screen depends on, as plain data. */
export interface KioskInput {
  counts: { halls: number; stops: number; legs: number; milestones: number };
  featured?: FeaturedInput | undefined;
}

/** A large tile of the start screen. */
export interface KioskTile {
  name: string;
  lead: string;
  /** One character shown as the tile's seal. */
  mark: string;
  href: string;
  count: string;
}

export interface KioskView {
  featured?: { href: string; count: string; cases: { no: string; title: string; href: string }[] } | undefined;
  tiles: KioskTile[];
}

export async function kioskInput(): Promise<KioskInput> {
  return {
    counts: {
      halls: (await getHalls()).length,
      stops: routePlaces((await getRoutes()).flatMap((r) => r.data.stops)).length,
      legs: (await getRoutes()).flatMap((r) => r.data.stops).filter((s) => s.kind === '水路').length,
      milestones: (await getTimeline()).length,
    },
    featured: await featuredInput(),
  };
}

const tiles: { name: UiKey; lead: UiKey; mark: UiKey; path: string }[] = [
  { name: 'kiosk.tile.halls', lead: 'section.halls.lead', mark: 'kiosk.mark.zone', path: '/halls/' },
  { name: 'kiosk.tile.routes', lead: 'section.routes.lead', mark: 'kiosk.mark.stop', path: '/routes/' },
  { name: 'kiosk.tile.timeline', lead: 'section.timeline.lead', mark: 'kiosk.mark.timeline', path: '/timeline/' },
  { name: 'kiosk.tile.search', lead: 'kiosk.tile.search.lead', mark: 'kiosk.mark.search', path: '/search/' },
];

export function kioskView({ counts, featured }: KioskInput): KioskView {
  const tileCounts = [
    t('hall.count', { n: counts.halls }),
    itineraryText(counts.stops, counts.legs),
    t('timeline.count', { n: counts.milestones }),
    t('kiosk.tile.search.count'),
  ];
  return {
    featured: featured && {
      href: href(`/cases/#${featured.id}`),
      count: t('kiosk.tile.topten.count', { n: featured.cases.length }),
      cases: featured.cases.map((c, i) => ({ no: caseNumber(c, i), title: c.title, href: href(`/cases/${c.id}/`) })),
    },
    tiles: tiles.map((tile, i) => ({
      name: t(tile.name),
      lead: t(tile.lead),
      mark: t(tile.mark),
      href: href(tile.path),
      count: tileCounts[i] ?? '',
    })),
  };
}
