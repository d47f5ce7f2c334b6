// Triage over HTTP (docs/supervision-brain.md, "Triage"): the thresholds that choose a file's procedure
// per region (read: supervisors and admins; set: admins, within their jurisdiction, audited), the
// files left at 预警 and the counts per procedure in the caller's scope.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { regionContains, regionProblem } from '../domain/region.ts';
import { isAgencyRole, type Caller } from '../auth/caller.ts';
import {
  DEFAULT_THRESHOLDS,
  clearThresholds,
  loadThresholdSettings,
  saveThresholds,
  thresholdProblem,
  thresholdsFor,
  type Thresholds,
} from '../models/triage/procedure.ts';
import { SCORE } from '../models/triage/score.ts';
import { listWarnings, triageSummary } from '../models/triage/queries.ts';
import { callerOf } from './app.ts';
import { badRequest, forbidden } from './errors.ts';

const Region = Type.String({ pattern: '^\\d{6}(\\d{3})?$' });

function readers(caller: Caller): void {
  if (!['admin', 'supervisor', 'agency_staff', 'officer'].includes(caller.role) || (isAgencyRole(caller.role) && !caller.agencyId))
    throw forbidden('无权查看研判分流');
}

async function settingsView(store: Store, caller: Caller) {
  const all = await loadThresholdSettings(store);
  const inForce = thresholdsFor(all, caller.regionCode);
  return {
    regionCode: caller.regionCode,
    inForce,
    defaults: DEFAULT_THRESHOLDS,
    // The settings on the caller's path (above them: what they inherit) and inside their jurisdiction.
    settings: all.filter((s) => regionContains(caller.regionCode, s.regionCode) || regionContains(s.regionCode, caller.regionCode)),
    score: SCORE,
  };
}

export async function triageRoutes(app: FastifyInstance, store: Store): Promise<void> {
  app.get(
    '/triage/settings',
    { schema: { tags: ['models'], summary: '研判分流阈值（本辖区生效值、各级设置、评分规则）' } },
    async (req) => {
      const caller = callerOf(req);
      if (caller.role !== 'admin' && caller.role !== 'supervisor') throw forbidden('仅监督员和管理员可以查看分流阈值');
      return settingsView(store, caller);
    },
  );

  app.put(
    '/triage/settings/:regionCode',
    {
      schema: {
        tags: ['models'],
        summary: '设置区划的研判分流阈值（管理员）',
        params: Type.Object({ regionCode: Region }),
        body: Type.Object({
          simpleMin: Type.Number(),
          generalMin: Type.Number(),
          generalSeverity: Type.String({ maxLength: 10 }),
          simpleDays: Type.Number(),
        }),
      },
    },
    async (req) => {
      const caller = callerOf(req);
      if (caller.role !== 'admin') throw forbidden('仅管理员可以设置分流阈值');
      const { regionCode } = req.params as { regionCode: string };
      const rp = regionProblem(regionCode);
      if (rp) throw badRequest(rp, 'regionCode');
      if (!regionContains(caller.regionCode, regionCode)) throw forbidden('该区划不在您的辖区内');
      const body = req.body as Record<string, unknown>;
      const problem = thresholdProblem(body);
      if (problem) throw badRequest(problem[1], problem[0]);
      await saveThresholds(store, caller, regionCode, body as unknown as Thresholds);
      return settingsView(store, caller);
    },
  );

  app.delete(
    '/triage/settings/:regionCode',
    { schema: { tags: ['models'], summary: '删除区划的分流阈值，沿用上级（管理员）', params: Type.Object({ regionCode: Region }) } },
    async (req) => {
      const caller = callerOf(req);
      if (caller.role !== 'admin') throw forbidden('仅管理员可以设置分流阈值');
      const { regionCode } = req.params as { regionCode: string };
      if (!regionContains(caller.regionCode, regionCode)) throw forbidden('该区划不在您的辖区内');
      await clearThresholds(store, caller, regionCode);
      return settingsView(store, caller);
    },
  );

  app.get('/triage/summary', { schema: { tags: ['models'], summary: '命中按办理程序统计（预警、简易、一般）' } }, async (req) => {
    const caller = callerOf(req);
    readers(caller);
    return { rows: await triageSummary(store, caller) };
  });

  app.get(
    '/triage/warnings',
    {
      schema: {
        tags: ['models'],
        summary: '预警档案（命中未立线索），按风险分排序',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          page: Type.Integer({ minimum: 1, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
        }),
      },
    },
    async (req) => {
      const caller = callerOf(req);
      readers(caller);
      return listWarnings(store, caller, req.query as { page: number; pageSize: number; q?: string });
    },
  );
}
