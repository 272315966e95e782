import type { APIRoute } from 'astro';
import { figureColumns, figureRows, toCsv } from '../../data/export.ts';
import { getCaseRecords } from '../../data/records.ts';

/** /data/figures.csv: one row per figure of a published case, with its date, scope and source. */
export const GET: APIRoute = async ({ site }) =>
  new Response(toCsv(figureColumns, figureRows(await getCaseRecords(site))), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
