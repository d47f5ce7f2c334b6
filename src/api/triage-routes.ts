// Triage over HTTP (docs/supervision-brain.md, "Triage"): the thresholds that choose a file's procedure
// per region (read: supervisors and admins; set: admins, within their jurisdiction, audited), the
// files left at 预警 and the counts per procedure in the caller's scope. Who may: src/policy/triage.ts.
import type { Store } from '../store/store.ts';
import { regionContains } from '../domain/region.ts';
import type { Caller } from '../auth/caller.ts';
import { authorize } from '../policy/index.ts';
import { DEFAULT_THRESHOLDS, clearThresholds, loadThresholdSettings, saveThresholds, thresholdsFor } from '../models/triage/procedure.ts';
import { SCORE } from '../models/triage/score.ts';
import { listWarnings, triageSummary } from '../models/triage/queries.ts';
import { callerOf, type Api } from './app.ts';
import { errors } from './schemas.ts';
import { RegionParams, ThresholdsBody, TriageSettings, TriageSummary, WarningPage, WarningQuery } from './triage-schemas.ts';

async function settingsView(store: Store, caller: Caller) {
  const all = await loadThresholdSettings(store);
  const inForce = thresholdsFor(all, caller.regionCode);
  return {
    regionCode: caller.regionCode,
    inForce,
    defaults: DEFAULT_THRESHOLDS,
    // The settings on the caller's path (above them: what they inherit) and inside their jurisdiction.
    settings: all.filter((s) => regionContains(caller.regionCode, s.regionCode) || regionContains(s.regionCode, caller.regionCode)),
    score: { ...SCORE, money: [...SCORE.money] },
  };
}

export async function triageRoutes(app: Api, store: Store): Promise<void> {
  app.get(
    '/triage/settings',
    {
      schema: {
        tags: ['models'],
        summary: '研判分流阈值（本辖区生效值、各级设置、评分规则）',
        response: { 200: TriageSettings, ...errors(401, 403) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'read_settings', { type: 'triage' });
      return settingsView(store, caller);
    },
  );

  app.put(
    '/triage/settings/:regionCode',
    {
      schema: {
        tags: ['models'],
        summary: '设置区划的研判分流阈值（管理员）',
        params: RegionParams,
        body: ThresholdsBody,
        response: { 200: TriageSettings, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const { regionCode } = req.params;
      authorize(caller, 'configure', { type: 'triage', regionCode });
      await saveThresholds(store, caller, regionCode, req.body);
      return settingsView(store, caller);
    },
  );

  app.delete(
    '/triage/settings/:regionCode',
    {
      schema: {
        tags: ['models'],
        summary: '删除区划的分流阈值，沿用上级（管理员）',
        params: RegionParams,
        response: { 200: TriageSettings, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const { regionCode } = req.params;
      authorize(caller, 'configure', { type: 'triage', regionCode });
      await clearThresholds(store, caller, regionCode);
      return settingsView(store, caller);
    },
  );

  app.get(
    '/triage/summary',
    {
      schema: {
        tags: ['models'],
        summary: '命中按办理程序统计（预警、简易、一般）',
        response: { 200: TriageSummary, ...errors(401, 403) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'read', { type: 'triage' });
      return { rows: await triageSummary(store, caller) };
    },
  );

  app.get(
    '/triage/warnings',
    {
      schema: {
        tags: ['models'],
        summary: '预警档案（命中未立线索），按风险分排序',
        querystring: WarningQuery,
        response: { 200: WarningPage, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'read', { type: 'triage' });
      return listWarnings(store, caller, req.query);
    },
  );
}
