// GET /dashboard/summary: the home page figures of the caller's jurisdiction.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { homeSummary } from '../evaluation/home-summary.ts';
import { callerOf } from './app.ts';
import { badRequest } from './errors.ts';
import { isIsoDate } from '../domain/dates.ts';

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

export function defaultPeriod(today = new Date()): { from: string; to: string } {
  const to = today.toISOString().slice(0, 10);
  const from = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate() + 1)).toISOString().slice(0, 10);
  return { from, to };
}

export async function dashboardRoutes(app: FastifyInstance, store: Store): Promise<void> {
  app.get('/dashboard/summary', {
    schema: {
      tags: ['dashboard'], summary: '首页统计（本辖区）',
      querystring: Type.Object({ from: Type.Optional(Type.String({ pattern: DATE })), to: Type.Optional(Type.String({ pattern: DATE })) }),
    },
  }, async (req) => {
    const q = req.query as { from?: string; to?: string };
    const period = { ...defaultPeriod(), ...q };
    for (const f of ['from', 'to'] as const) if (!isIsoDate(period[f])) throw badRequest(`日期无效：${period[f]}`, f);
    if (period.from > period.to) throw badRequest('开始日期不能晚于结束日期', 'from');
    return homeSummary(store, callerOf(req), period);
  });
}
