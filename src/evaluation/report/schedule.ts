// Scheduled situation reports: for each region of KEDU_REPORT_REGIONS (default the province, whose
// office issues the province-wide reports the seed names: 完成3次全省性执法态势分析通报) and each of the
// monthly and quarterly periods, the report of the last complete period is generated once.
import type { Store } from '../../store/store.ts';
import { sql } from '../../store/sql.ts';
import { regionProblem } from '../../domain/region.ts';
import { lastCompletePeriod, type PeriodKind } from '../period.ts';
import { generateReport } from './reports.ts';

export const SCHEDULED_KINDS: readonly PeriodKind[] = ['month', 'quarter'];

export function scheduledRegions(env = process.env.KEDU_REPORT_REGIONS): string[] {
  const codes = (env ?? '330000')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  for (const c of codes) {
    const problem = regionProblem(c);
    if (problem) throw new Error(`KEDU_REPORT_REGIONS: ${problem}`);
  }
  return codes;
}

/** Generates the reports due on `today` that do not exist yet; returns their ids. */
export async function runScheduledReports(store: Store, today: string, regions = scheduledRegions()): Promise<string[]> {
  const made: string[] = [];
  for (const regionCode of regions) {
    for (const kind of SCHEDULED_KINDS) {
      const period = lastCompletePeriod(kind, today);
      const [done] = await store.query(
        sql`SELECT 1 AS ok FROM situation_reports WHERE region_code = ${regionCode} AND period = ${period.code} AND trigger = 'schedule'`,
      );
      if (done) continue;
      made.push((await generateReport(store, { regionCode, period, asOf: period.to, actor: 'system', trigger: 'schedule' })).id);
    }
  }
  return made;
}
