// GET /dashboard/summary: the home page figures of the caller's jurisdiction.
import type { Store } from '../store/store.ts';
import { homeSummary } from '../evaluation/home-summary.ts';
import { callerOf, type Api } from './app.ts';
import { systemClock, type Clock } from '../clues/clock.ts';
import { DashboardSummary, SummaryQuery } from './dashboard-schemas.ts';
import { errors } from './schemas.ts';
import { badRequest } from '../domain/errors.ts';
import { businessDate, isIsoDate } from '../domain/dates.ts';
import { sql, raw, joinSql } from '../store/sql.ts';
import type { Caller } from '../auth/caller.ts';
import { aggregateScope, authorize } from '../policy/index.ts';

/**
 * The last 12 months of the jurisdiction's data: from the first day of the month 11 months before the
 * latest inspection, case or licence in scope (or today, if earlier or there is none) to that day.
 */
export async function defaultPeriod(store: Store, caller: Caller, today = new Date()): Promise<{ from: string; to: string }> {
  // One statement for the three kinds: one turn on the store's connections when many ask at once.
  const rows = await store.query<{ latest: string | null }>(
    joinSql(
      (
        [
          ['inspections', 'inspected_on'],
          ['cases', 'filed_on'],
          ['licences', 'applied_on'],
        ] as const
      ).map(([table, col]) => sql`SELECT max(t.${raw(col)}) AS latest FROM ${raw(table)} t WHERE ${aggregateScope(caller, table, 't')}`),
      ' UNION ALL ',
    ),
  );
  const latest = rows.reduce<string | null>((m, r) => (r.latest && (!m || r.latest > m) ? r.latest : m), null);
  const now = businessDate(today);
  const to = latest && latest < now ? latest : now;
  const end = new Date(`${to}T00:00:00Z`);
  const from = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1)).toISOString().slice(0, 10);
  return { from, to };
}

export async function dashboardRoutes(app: Api, store: Store, clock: Clock = systemClock): Promise<void> {
  app.get(
    '/dashboard/summary',
    {
      schema: {
        tags: ['dashboard'],
        summary: '首页统计（本辖区）',
        querystring: SummaryQuery,
        response: { 200: DashboardSummary, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const q = req.query;
      const caller = callerOf(req);
      authorize(caller, 'read', { type: 'dashboard' });
      const period = { ...(q.from && q.to ? { from: q.from, to: q.to } : await defaultPeriod(store, caller, clock())), ...q };
      for (const f of ['from', 'to'] as const) if (!isIsoDate(period[f])) throw badRequest(`日期无效：${period[f]}`, f);
      if (period.from > period.to) throw badRequest('开始日期不能晚于结束日期', 'from');
      return homeSummary(store, caller, period);
    },
  );
}
