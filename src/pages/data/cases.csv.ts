import type { APIRoute } from 'astro';
import { caseColumns, caseRows, toCsv } from '../../data/export.ts';
import { getCaseRecords } from '../../data/records.ts';

/** /data/cases.csv: one row per published case, UTF-8 with a byte-order mark so Excel reads it. */
export const GET: APIRoute = async ({ site }) =>
  new Response(toCsv(caseColumns, caseRows(await getCaseRecords(site))), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
