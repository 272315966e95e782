/** The published cases as data records (see ./export.ts), for the download endpoints and the feed. */
import type { CaseRecord, InlineSource } from '../schemas/index.ts';
import { absoluteUrl } from '../utils/url.ts';
import { caseRecord } from './export.ts';
import { entryPath, getCases, getSeries, getSources, resolveUnit } from './index.ts';

/** Every published case, in site order, with unit, figures and sources written out. */
export async function getCaseRecords(site: URL | undefined): Promise<CaseRecord[]> {
  const series = await getSeries();
  const sources = new Map<string, InlineSource>((await getSources()).map((s) => [s.id, s.data]));
  return Promise.all(
    (await getCases()).map(async (entry) =>
      caseRecord(entry.data, {
        slug: entry.id,
        url: absoluteUrl(entryPath(entry), site),
        unit: (await resolveUnit(entry.data.unit)).data,
        series: series.find((s) => s.id === entry.data.series)?.data,
        sources,
      }),
    ),
  );
}
