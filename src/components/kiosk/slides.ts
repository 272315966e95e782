/**
 * The attract loop's slides, made at build time from the content: the featured series' cases, their
 * headline figures with source and date, hall zones and route stops, interleaved so that the loop
 * keeps changing subject.
 */
import { t } from '../../i18n/index.ts';
import { getHalls, getRoutes, sourceLabel } from '../../data/index.ts';
import { caseNumber, featuredInput } from '../../data/pages/featured.ts';
import { figureText, formatDate } from '../../utils/format.ts';

/** What a slide shows. */
export type SlideKind = 'case' | 'figure' | 'zone' | 'stop';

/** One slide of the attract loop. */
export interface Slide {
  kind: SlideKind;
  /** Small line above the title: where the slide comes from. */
  eyebrow: string;
  /** The big line. */
  title: string;
  /** A number shown larger than the title (figure slides). */
  figure?: string | undefined;
  /** A short paragraph or the unit. */
  text?: string | undefined;
  /** Source and date line (figure slides). */
  source?: string | undefined;
}

const MAX_SLIDES = 40;

/** Every slide of the loop, in showing order. */
export async function kioskSlides(): Promise<Slide[]> {
  const cases: Slide[] = [];
  const figures: Slide[] = [];
  for (const [i, c] of ((await featuredInput())?.cases ?? []).entries()) {
    cases.push({
      kind: 'case',
      eyebrow: t('kiosk.slide.case', { n: caseNumber(c, i) }),
      title: c.title,
      text: c.unit,
    });
    const figure = c.figure;
    if (figure) {
      figures.push({
        kind: 'figure',
        eyebrow: t('kiosk.slide.figure', { title: c.title }),
        figure: figureText(figure),
        title: figure.label,
        text: figure.note,
        source: [
          t('figure.asOf', { date: formatDate(figure.asOf) }),
          t('figure.source', { source: sourceLabel(figure.resolvedSource) }),
        ].join(' · '),
      });
    }
  }
  const zones: Slide[] = (await getHalls()).flatMap((hall) =>
    hall.data.zones.map((zone, i) => ({
      kind: 'zone' as const,
      eyebrow: t('kiosk.slide.zone', { hall: hall.data.name, n: i + 1, total: hall.data.zones.length }),
      title: zone.name,
      text: zone.description,
    })),
  );
  const stops: Slide[] = (await getRoutes()).flatMap((route) =>
    route.data.stops.map((stop, i) => ({
      kind: 'stop' as const,
      eyebrow: t('kiosk.slide.stop', { route: route.data.name, n: i + 1, total: route.data.stops.length }),
      title: stop.name,
      text: stop.description,
    })),
  );
  const queues = [cases, figures, zones, stops];
  const slides: Slide[] = [];
  while (slides.length < MAX_SLIDES && queues.some((q) => q.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next && slides.length < MAX_SLIDES) slides.push(next);
    }
  }
  return slides;
}
