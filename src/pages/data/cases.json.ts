import type { APIRoute } from 'astro';
import { caseExport } from '../../data/export.ts';
import { getCaseRecords } from '../../data/records.ts';
import { t } from '../../i18n/index.ts';
import { absoluteUrl } from '../../utils/url.ts';

/** /data/cases.json: every published case with its unit, figures and sources. */
export const GET: APIRoute = async ({ site }) => {
  const data = caseExport(t('site.title'), absoluteUrl('/', site), await getCaseRecords(site));
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
