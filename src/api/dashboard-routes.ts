// GET /dashboard/summary: the home page figures of the caller's jurisdiction.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { homeSummary } from '../evaluation/home-summary.ts';
import { callerOf } from './app.ts';
import { systemClock, type Clock } from '../clues/clock.ts';
import { badRequest } from './errors.ts';
import { businessDate, isIsoDate } from '../domain/dates.ts';
import { sql, raw } from '../store/sql.ts';
import { scopeFilter, type Caller } from '../auth/caller.ts';

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

/**
 * The last 12 months of the jurisdiction's data: from the first day of the month 11 months before the
 * latest inspection, case or licence in scope (or today, if earlier or there is none) to that day.
 */
export async function defaultPeriod(store: Store, caller: Caller, today = new Date()): Promise<{ from: string; to: string }> {
  let latest: string | null = null;
  for (const [table, col] of [
    ['inspections', 'inspected_on'],
    ['cases', 'filed_on'],
    ['licences', 'applied_on'],
  ]) {
    const [r] = await store.query<{ latest: string | null }>(
      sql`SELECT max(t.${raw(col)}) AS latest FROM ${raw(table)} t WHERE ${scopeFilter(caller, 't')}`,
    );
    if (r?.latest && (!latest || r.latest > latest)) latest = r.latest;
  }
  const now = businessDate(today);
  const to = latest && latest < now ? latest : now;
  const end = new Date(`${to}T00:00:00Z`);
  const from = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1)).toISOString().slice(0, 10);
  return { from, to };
}

export async function dashboardRoutes(app: FastifyInstance, store: Store, clock: Clock = systemClock): Promise<void> {
  app.get(
    '/dashboard/summary',
    {
      schema: {
        tags: ['dashboard'],
        summary: '首页统计（本辖区）',
        querystring: Type.Object({
          from: Type.Optional(Type.String({ pattern: DATE })),
          to: Type.Optional(Type.String({ pattern: DATE })),
        }),
      },
    },
    async (req) => {
      const q = req.query as { from?: string; to?: string };
      const caller = callerOf(req);
      const period = { ...(q.from && q.to ? { from: q.from, to: q.to } : await defaultPeriod(store, caller, clock())), ...q };
      for (const f of ['from', 'to'] as const) if (!isIsoDate(period[f])) throw badRequest(`日期无效：${period[f]}`, f);
      if (period.from > period.to) throw badRequest('开始日期不能晚于结束日期', 'from');
      return homeSummary(store, caller, period);
    },
  );
}
