// Evaluation over HTTP (docs/evaluation.md): the indicator library with the settings in force, admins'
// weights, targets and groups per region, scorecards of regions, agencies and officers with the records
// behind each figure, and the profiles of an agency, an officer and an enterprise. Every read is scoped:
// the region asked for must lie in the caller's jurisdiction, and agency roles see their own agency only.
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import type { Caller } from '../auth/caller.ts';
import { regionProblem } from '../domain/region.ts';
import { authorize, can, covers, onCallerPath } from '../policy/index.ts';
import { getRecord } from '../records/list.ts';
import { businessDate } from '../domain/dates.ts';
import { Type } from '@sinclair/typebox';
import { INDICATORS, findIndicator } from '../evaluation/indicators/index.ts';
import { INDICATOR_GROUPS, LEVELS, LEVEL_LABELS, type Level } from '../evaluation/indicators/indicator.ts';
import {
  SettingError,
  addGroup,
  listGroups,
  loadIndicatorSettings,
  saveIndicatorSetting,
  settingsInForce,
} from '../evaluation/settings.ts';
import { indicatorRecords, scorecard, type EvaluationScope } from '../evaluation/scorecard.ts';
import { parsePeriod, periodContaining, shiftPeriod, type Period } from '../evaluation/period.ts';
import { agencyProfile, entityProfile, officerProfile, type AgencyRow, type EntityRow, type OfficerRow } from '../evaluation/profiles.ts';
import { createHash } from 'node:crypto';
import { cockpitSnapshot } from '../evaluation/cockpit.ts';
import { callerOf, type Api } from './app.ts';
import { errors } from './schemas.ts';
import * as S from './evaluation-schemas.ts';
import { badRequest, forbidden, notFound } from '../domain/errors.ts';

/** The latest quarter that has ended by the evaluation day. */
export function defaultPeriod(asOf: string): Period {
  const q = periodContaining('quarter', asOf);
  return q.to <= asOf ? q : shiftPeriod(q, -1);
}

export function periodParam(code: string | undefined, asOf: string): Period {
  if (!code) return defaultPeriod(asOf);
  const p = parsePeriod(code);
  if (typeof p === 'string') throw badRequest(p, 'period');
  if (p.from > asOf) throw badRequest(`统计期间 ${p.label} 尚未开始`, 'period');
  return p;
}

/** The jurisdiction asked for: the caller's own by default; another must lie inside it. */
export function regionParam(caller: Caller, code: string | undefined): string {
  if (!code) return caller.regionCode;
  const problem = regionProblem(code);
  if (problem) throw badRequest(problem, 'regionCode');
  if (!covers(caller, code)) throw forbidden('该区划不在您的辖区内');
  return code;
}

async function agencyInScope(store: Store, caller: Caller, id: string, action: 'score' | 'profile'): Promise<AgencyRow> {
  const [a] = await store.query<AgencyRow>(sql`SELECT id, name, line_code, region_code, level FROM agencies WHERE id = ${id}`);
  if (!a) throw notFound('未找到该执法主体');
  authorize(caller, action, { type: 'evaluation', level: 'agency', regionCode: a.region_code, agencyId: a.id });
  return a;
}

export async function evaluationRoutes(app: Api, store: Store, asOfOption?: string): Promise<void> {
  const asOf = () => asOfOption ?? businessDate(new Date());

  app.get(
    '/evaluation/indicators',
    {
      schema: {
        tags: ['evaluation'],
        summary: '评价指标库（含本辖区生效的权重与目标值）',
        response: { 200: S.IndicatorList, ...errors(401) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const settings = await loadIndicatorSettings(store);
      const groups = await listGroups(store);
      return {
        groups,
        levels: LEVELS.map((l) => ({ code: l, label: LEVEL_LABELS[l] })),
        rows: INDICATORS.map((d) => {
          const f = settingsInForce(d, settings, caller.regionCode);
          return {
            code: d.code,
            name: d.name,
            group: f.group,
            groupName: groups.find((g) => g.code === f.group)?.name ?? INDICATOR_GROUPS[d.group],
            definition: d.definition,
            unit: d.unit,
            direction: d.direction,
            scoring: d.scoring,
            levels: [...d.levels],
            recordKind: d.recordKind,
            defaults: { weight: d.weight, target: d.target, group: d.group },
            inForce: f,
            settings: settings.filter((s) => s.indicatorCode === d.code && onCallerPath(caller, s.regionCode)),
          };
        }),
      };
    },
  );

  app.put(
    '/evaluation/indicators/:code/settings',
    {
      schema: {
        tags: ['evaluation'],
        summary: '按区划调整指标的启用、权重、目标值和分组（管理员，留痕）',
        params: S.SettingParams,
        body: S.SettingBody,
        response: { 200: S.SettingAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'configure', { type: 'evaluation' });
      const def = findIndicator(req.params.code);
      if (!def) throw notFound('未找到该评价指标');
      const body = req.body;
      const region = regionParam(caller, body.regionCode);
      try {
        return { setting: await saveIndicatorSetting(store, caller, def, region, body) };
      } catch (e) {
        if (e instanceof SettingError) throw badRequest(e.message, e.field);
        throw e;
      }
    },
  );

  app.post(
    '/evaluation/groups',
    {
      schema: {
        tags: ['evaluation'],
        summary: '新增指标分组（管理员）',
        body: S.GroupBody,
        response: { 201: S.GroupAnswer, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      authorize(caller, 'configure', { type: 'evaluation' });
      const { code, name } = req.body;
      try {
        return reply.status(201).send({ group: await addGroup(store, caller, code, name) });
      } catch (e) {
        if (e instanceof SettingError) throw badRequest(e.message, e.field);
        throw e;
      }
    },
  );

  /** The scope of a scorecard request, narrowed for agency roles to their agency. */
  async function scopeFor(
    caller: Caller,
    level: Level,
    regionCode: string | undefined,
    period: string | undefined,
  ): Promise<EvaluationScope> {
    const p = periodParam(period, asOf());
    const evalAsOf = p.to < asOf() ? p.to : asOf();
    authorize(caller, 'score', { type: 'evaluation', level });
    if (caller.agencyId && !can(caller, 'score', { type: 'evaluation', level: 'region' })) {
      const agency = await agencyInScope(store, caller, caller.agencyId, 'score');
      // Ranked among the agencies of its own region; only its own row is returned.
      return { regionCode: agency.region_code, period: p, asOf: evalAsOf, agencyId: level === 'officer' ? agency.id : null };
    }
    return { regionCode: regionParam(caller, regionCode), period: p, asOf: evalAsOf };
  }

  app.get(
    '/evaluation/scorecard',
    {
      schema: {
        tags: ['evaluation'],
        summary: '评价排名：区划、执法主体或执法人员的得分、排名与各指标值',
        querystring: S.ScorecardQuery,
        response: { 200: S.Scorecard, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const q = req.query;
      const scope = await scopeFor(caller, q.level, q.regionCode, q.period);
      const card = await scorecard(store, q.level, scope);
      if (caller.agencyId && !can(caller, 'score', { type: 'evaluation', level: 'region' }) && q.level === 'agency') {
        const of = card.rows.filter((r) => r.rank !== null).length;
        return { ...card, of, rows: card.rows.filter((r) => r.subject.id === caller.agencyId) };
      }
      return { ...card, of: card.rows.filter((r) => r.rank !== null).length };
    },
  );

  app.get(
    '/evaluation/records',
    {
      schema: {
        tags: ['evaluation'],
        summary: '指标值背后的记录（下钻）',
        querystring: S.RecordsQuery,
        response: { 200: S.RecordsPage, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const q = req.query;
      const def = findIndicator(q.indicator);
      if (!def) throw badRequest(`没有编码为 ${q.indicator} 的评价指标`, 'indicator');
      if (!def.levels.includes(q.level)) throw badRequest(`指标“${def.name}”不按${LEVEL_LABELS[q.level]}计算`, 'level');
      const scope = await scopeFor(caller, q.level, q.regionCode, q.period);
      authorize(caller, 'drill', { type: 'evaluation', level: q.level, agencyId: q.level === 'agency' ? q.subject : undefined });
      const page = await indicatorRecords(store, def, q.level, q.subject, scope, {
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
        numeratorOnly: q.numeratorOnly,
      });
      return {
        indicator: { code: def.code, name: def.name, unit: def.unit, recordKind: def.recordKind },
        page: q.page,
        pageSize: q.pageSize,
        ...page,
      };
    },
  );

  app.get(
    '/evaluation/profiles/agencies/:id',
    {
      schema: {
        tags: ['evaluation'],
        summary: '执法主体画像',
        params: S.ProfileParams,
        querystring: S.ProfileQuery,
        response: { 200: S.AgencyProfile, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'profile', { type: 'evaluation' });
      const agency = await agencyInScope(store, caller, req.params.id, 'profile');
      const p = periodParam(req.query.period, asOf());
      return agencyProfile(store, caller, agency, p, asOf());
    },
  );

  app.get(
    '/evaluation/profiles/officers/:id',
    {
      schema: {
        tags: ['evaluation'],
        summary: '执法人员画像',
        params: S.ProfileParams,
        querystring: S.ProfileQuery,
        response: { 200: S.OfficerProfile, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'profile', { type: 'evaluation' });
      const [o] = await store.query<OfficerRow>(
        sql`SELECT id, name, agency_id, region_code, id_number, phone FROM officers WHERE id = ${req.params.id}`,
      );
      if (!o) throw notFound('未找到该执法人员');
      authorize(caller, 'profile', { type: 'evaluation', level: 'officer', regionCode: o.region_code, agencyId: o.agency_id });
      const p = periodParam(req.query.period, asOf());
      return officerProfile(store, caller, o, p, asOf());
    },
  );

  app.get(
    '/evaluation/profiles/entities/:uscc',
    {
      schema: {
        tags: ['evaluation'],
        summary: '经营主体画像（检查负担、案件、投诉、回访）',
        params: S.EntityParams,
        querystring: S.ProfileQuery,
        response: { 200: S.EntityProfile, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'profile', { type: 'evaluation' });
      // Whether the caller reaches the entity at all is the records policy's (an agency: an entity it has a record of).
      const visible = await getRecord(store, caller, 'entities', req.params.uscc);
      if (!visible.found) throw notFound('未找到该经营主体');
      if (!visible.visible) throw forbidden('该经营主体不在您可查看的范围内');
      const [e] = await store.query<EntityRow>(
        sql`SELECT uscc, name, region_code, industry, legal_rep, phone, registered_on FROM entities WHERE uscc = ${req.params.uscc}`,
      );
      if (!e) throw notFound('未找到该经营主体');
      const p = periodParam(req.query.period, asOf());
      return entityProfile(store, caller, e, p);
    },
  );

  app.get(
    '/cockpit',
    {
      schema: {
        tags: ['evaluation'],
        summary: '驾驶舱快照（大屏每15秒轮询；未变化时答复304）',
        querystring: S.CockpitQuery,
        response: { 200: S.CockpitSnapshot, 304: Type.Null(), ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      const q = req.query;
      const snapshot = await cockpitSnapshot(store, caller, regionParam(caller, q.regionCode), q.metric ?? 'inspections', asOf());
      const etag = `"${createHash('sha256').update(JSON.stringify(snapshot)).digest('hex').slice(0, 32)}"`;
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (req.headers['if-none-match'] === etag) return reply.status(304).send(null);
      return snapshot;
    },
  );
}
