/**
 * The attract loop's slides, made at build time from the content: the ten selected cases, their
 * headline figures with source and date, hall zones and route stops, interleaved so that the loop
 * keeps changing subject.
 */
import { t } from '../../i18n/index.ts';
import { getCases, getHalls, getRoutes, keyFigure, resolveUnit, unitLabel } from '../../data/index.ts';
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
  /** The source's own words around the number (figure slides), shown in full: the loop is read, not touched. */
  quote?: string | undefined;
}

/** The selection shown first on the start screen and in the loop. */
export const TOP_SERIES = 'xinhuoshi-2024';
const MAX_SLIDES = 40;

/** Every slide of the loop, in showing order. */
export async function kioskSlides(): Promise<Slide[]> {
  const topTen = (await getCases()).filter((c) => c.data.series === TOP_SERIES);
  const cases: Slide[] = [];
  const figures: Slide[] = [];
  for (const [i, c] of topTen.entries()) {
    const unit = unitLabel(await resolveUnit(c.data.unit));
    cases.push({
      kind: 'case',
      eyebrow: t('kiosk.slide.case', { n: String(c.data.order ?? i + 1).padStart(2, '0') }),
      title: c.data.title,
      text: unit,
    });
    const figure = await keyFigure(c);
    if (figure) {
      figures.push({
        kind: 'figure',
        eyebrow: t('kiosk.slide.figure', { title: c.data.title }),
        figure: figureText(figure),
        title: figure.label,
        text: figure.note,
        source: [
          t('figure.asOf', { date: formatDate(figure.asOf) }),
          t('figure.source', {
            source: `${figure.resolvedSource.publisher} ${formatDate(figure.resolvedSource.date)}`,
          }),
        ].join(' · '),
        quote: figure.quote,
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
