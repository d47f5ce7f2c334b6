// Evaluation over HTTP (docs/evaluation.md): the indicator library with the settings in force, admins'
// weights, targets and groups per region, scorecards of regions, agencies and officers with the records
// behind each figure, and the profiles of an agency, an officer and an enterprise. Every read is scoped:
// the region asked for must lie in the caller's jurisdiction, and agency roles see their own agency only.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { isAgencyRole, type Caller } from '../auth/caller.ts';
import { regionContains, regionProblem } from '../domain/region.ts';
import { businessDate } from '../domain/dates.ts';
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
import { COCKPIT_METRICS, cockpitSnapshot, type CockpitMetric } from '../evaluation/cockpit.ts';
import { callerOf } from './app.ts';
import { badRequest, forbidden, notFound } from './errors.ts';

const PeriodParam = Type.Optional(
  Type.String({ maxLength: 10, description: '2025 | 2025H2 | 2025Q4 | 2025-11；默认为评价日所在季度（未满则上一季度）' }),
);
const RegionParam = Type.Optional(Type.String({ maxLength: 9, description: '评价的区划（本人辖区内），默认本人辖区' }));

/** Roles that read aggregate figures only (DESIGN: invited supervisors; liaisons read transferred clues). */
const AGGREGATE_ONLY: readonly Caller['role'][] = ['invited_supervisor', 'discipline_liaison'];
const aggregateOnly = (caller: Caller) => AGGREGATE_ONLY.includes(caller.role);

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
  if (!regionContains(caller.regionCode, code)) throw forbidden('该区划不在您的辖区内');
  return code;
}

async function agencyInScope(store: Store, caller: Caller, id: string): Promise<AgencyRow> {
  const [a] = await store.query<AgencyRow>(sql`SELECT id, name, line_code, region_code, level FROM agencies WHERE id = ${id}`);
  if (!a) throw notFound('未找到该执法主体');
  if (!regionContains(caller.regionCode, a.region_code) || (isAgencyRole(caller.role) && caller.agencyId !== a.id))
    throw forbidden('无权查看该执法主体的评价');
  return a;
}

export async function evaluationRoutes(app: FastifyInstance, store: Store, asOfOption?: string): Promise<void> {
  const asOf = () => asOfOption ?? businessDate(new Date());

  app.get(
    '/evaluation/indicators',
    { schema: { tags: ['evaluation'], summary: '评价指标库（含本辖区生效的权重与目标值）' } },
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
            levels: d.levels,
            recordKind: d.recordKind,
            defaults: { weight: d.weight, target: d.target, group: d.group },
            inForce: f,
            settings: settings.filter(
              (s) =>
                s.indicatorCode === d.code &&
                (regionContains(caller.regionCode, s.regionCode) || regionContains(s.regionCode, caller.regionCode)),
            ),
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
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        body: Type.Object({
          regionCode: Type.String({ maxLength: 9 }),
          enabled: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
          weight: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
          target: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
          groupCode: Type.Optional(Type.Union([Type.String({ maxLength: 32 }), Type.Null()])),
        }),
      },
    },
    async (req) => {
      const caller = callerOf(req);
      if (caller.role !== 'admin') throw forbidden('仅管理员可以调整评价指标');
      const def = findIndicator((req.params as { code: string }).code);
      if (!def) throw notFound('未找到该评价指标');
      const body = req.body as {
        regionCode: string;
        enabled?: boolean | null;
        weight?: number | null;
        target?: number | null;
        groupCode?: string | null;
      };
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
        body: Type.Object({ code: Type.String({ maxLength: 32 }), name: Type.String({ maxLength: 40 }) }),
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      if (caller.role !== 'admin') throw forbidden('仅管理员可以新增指标分组');
      const { code, name } = req.body as { code: string; name: string };
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
    if (isAgencyRole(caller.role)) {
      if (level === 'region') throw forbidden('执法部门只能查看本部门及本部门人员的评价');
      const agency = await agencyInScope(store, caller, caller.agencyId ?? '');
      // Ranked among the agencies of its own region; only its own row is returned.
      return { regionCode: agency.region_code, period: p, asOf: evalAsOf, agencyId: level === 'officer' ? agency.id : null };
    }
    if (aggregateOnly(caller) && level !== 'region') throw forbidden('您只能查看区划汇总评价');
    return { regionCode: regionParam(caller, regionCode), period: p, asOf: evalAsOf };
  }

  const LevelParam = Type.Union(LEVELS.map((l) => Type.Literal(l)));

  app.get(
    '/evaluation/scorecard',
    {
      schema: {
        tags: ['evaluation'],
        summary: '评价排名：区划、执法主体或执法人员的得分、排名与各指标值',
        querystring: Type.Object({ level: LevelParam, regionCode: RegionParam, period: PeriodParam }),
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const q = req.query as { level: Level; regionCode?: string; period?: string };
      const scope = await scopeFor(caller, q.level, q.regionCode, q.period);
      const card = await scorecard(store, q.level, scope);
      if (isAgencyRole(caller.role) && q.level === 'agency') {
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
        querystring: Type.Object({
          indicator: Type.String({ maxLength: 40 }),
          level: LevelParam,
          subject: Type.String({ minLength: 1, maxLength: 64 }),
          regionCode: RegionParam,
          period: PeriodParam,
          numeratorOnly: Type.Optional(Type.Boolean()),
          page: Type.Integer({ minimum: 1, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
        }),
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const q = req.query as {
        indicator: string;
        level: Level;
        subject: string;
        regionCode?: string;
        period?: string;
        numeratorOnly?: boolean;
        page: number;
        pageSize: number;
      };
      const def = findIndicator(q.indicator);
      if (!def) throw badRequest(`没有编码为 ${q.indicator} 的评价指标`, 'indicator');
      if (!def.levels.includes(q.level)) throw badRequest(`指标“${def.name}”不按${LEVEL_LABELS[q.level]}计算`, 'level');
      const scope = await scopeFor(caller, q.level, q.regionCode, q.period);
      if (isAgencyRole(caller.role) && q.level === 'agency' && q.subject !== caller.agencyId) throw forbidden('无权查看其他部门的记录');
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
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({ period: PeriodParam }),
      },
    },
    async (req) => {
      const caller = callerOf(req);
      if (aggregateOnly(caller)) throw forbidden('您只能查看区划汇总评价');
      const agency = await agencyInScope(store, caller, (req.params as { id: string }).id);
      const p = periodParam((req.query as { period?: string }).period, asOf());
      return agencyProfile(store, caller, agency, p, asOf());
    },
  );

  app.get(
    '/evaluation/profiles/officers/:id',
    {
      schema: {
        tags: ['evaluation'],
        summary: '执法人员画像',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({ period: PeriodParam }),
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const [o] = await store.query<OfficerRow>(
        sql`SELECT id, name, agency_id, region_code, id_number, phone FROM officers WHERE id = ${(req.params as { id: string }).id}`,
      );
      if (!o) throw notFound('未找到该执法人员');
      if (!regionContains(caller.regionCode, o.region_code) || (isAgencyRole(caller.role) && caller.agencyId !== o.agency_id))
        throw forbidden('无权查看该执法人员的画像');
      if (aggregateOnly(caller)) throw forbidden('您只能查看区划汇总评价');
      const p = periodParam((req.query as { period?: string }).period, asOf());
      return officerProfile(store, caller, o, p, asOf());
    },
  );

  app.get(
    '/evaluation/profiles/entities/:uscc',
    {
      schema: {
        tags: ['evaluation'],
        summary: '经营主体画像（检查负担、案件、投诉、回访）',
        params: Type.Object({ uscc: Type.String({ maxLength: 18 }) }),
        querystring: Type.Object({ period: PeriodParam }),
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const [e] = await store.query<EntityRow>(
        sql`SELECT uscc, name, region_code, industry, legal_rep, phone, registered_on FROM entities WHERE uscc = ${(req.params as { uscc: string }).uscc}`,
      );
      if (!e) throw notFound('未找到该经营主体');
      if (!regionContains(caller.regionCode, e.region_code)) throw forbidden('该经营主体不在您的辖区内');
      if (aggregateOnly(caller)) throw forbidden('您只能查看区划汇总评价');
      const p = periodParam((req.query as { period?: string }).period, asOf());
      return entityProfile(store, caller, e, p);
    },
  );

  app.get(
    '/cockpit',
    {
      schema: {
        tags: ['evaluation'],
        summary: '驾驶舱快照（大屏每15秒轮询；未变化时答复304）',
        querystring: Type.Object({
          regionCode: RegionParam,
          metric: Type.Optional(Type.Union(Object.keys(COCKPIT_METRICS).map((m) => Type.Literal(m)))),
        }),
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      const q = req.query as { regionCode?: string; metric?: CockpitMetric };
      const snapshot = await cockpitSnapshot(store, caller, regionParam(caller, q.regionCode), q.metric ?? 'inspections', asOf());
      const etag = `"${createHash('sha256').update(JSON.stringify(snapshot)).digest('hex').slice(0, 32)}"`;
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (req.headers['if-none-match'] === etag) return reply.status(304).send();
      return snapshot;
    },
  );
}
