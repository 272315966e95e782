import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCaseRecords } from '../data/records.ts';
import { t } from '../i18n/index.ts';
import { absoluteUrl } from '../utils/url.ts';

/** /rss.xml: the published cases as an RSS feed, each with its unit, series and tags. */
export const GET: APIRoute = async ({ site }) => {
  const cases = await getCaseRecords(site);
  return rss({
    title: t('design.rss.title'),
    description: t('site.description'),
    site: absoluteUrl('/', site),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>zh-cn</language><atom:link href="${absoluteUrl('/rss.xml', site)}" rel="self" type="application/rss+xml"/>`,
    items: cases.map((c) => ({
      title: c.title,
      link: c.url,
      description: c.summary,
      categories: [c.unit.short ?? c.unit.name, ...(c.series ? [c.series.name] : []), ...c.tags],
    })),
  });
};
