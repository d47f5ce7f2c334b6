// Step 4: a data request (measure, filters, grouping, order) → a readable plan and one parameterised
// SQL statement, built only from the registries (measures.ts, dimensions.ts) and values bound as
// parameters. Every statement carries the caller's scope from the policy layer (src/policy): the
// records policy's for records, the clue policy's for clues, and the agency condition for agency roles.
import { sql, raw, joinSql, type Sql } from '../store/sql.ts';
import type { Dialect } from '../store/dialect.ts';
import type { Caller } from '../auth/caller.ts';
import { KINDS, KIND_SPECS } from '../records/registry.ts';
import { aggregateScope, boundAgency, clueScope, regionScope } from '../policy/index.ts';
import { STATUS_LABELS } from '../clues/workflow.ts';
import { regionPrefix } from '../domain/region.ts';
import type { Measure, Qualifier } from './measures.ts';
import { agencyJoin, dimensionByKey, type DimensionKey, type GroupSql } from './dimensions.ts';
import type { Period } from './time.ts';

export interface DataRequest {
  measure: Measure;
  /** Region codes inside the caller's jurisdiction; empty: the whole jurisdiction. */
  regions: string[];
  period: Period | null;
  lines: string[];
  agencies: string[];
  /** items.code values (cases, licences) or inspection item codes (inspections). */
  items: string[];
  entities: string[];
  officers: string[];
  qualifiers: Qualifier[];
  model: string | null;
  group: DimensionKey | null;
  limit: number | null;
  order: 'desc' | 'asc';
}

export interface BuiltQuery {
  sql: Sql;
  group: GroupSql | null;
}

/** Chinese labels of stored codes that a grouping shows (clue statuses, case decisions, inspection kinds). */
export const CODE_LABELS: Record<string, Record<string, string>> = {
  'clues.status': STATUS_LABELS,
  'cases.status': { open: '在办', decided: '已作出决定', closed: '已结案' },
  'hotline_tickets.status': { open: '未办结', answered: '已答复', closed: '已办结' },
  'cases.decision': { fine: '罚款', warning: '警告', no_penalty: '不予处罚' },
  'inspections.kind': { random: '双随机', complaint: '投诉举报', joint: '联合检查', planned: '计划检查' },
};

const inList = (values: string[]): Sql =>
  joinSql(
    values.map((v) => sql`${v}`),
    ', ',
  );

/** Why the caller cannot read this measure at all, or null. */
export function measureProblem(caller: Caller, m: Measure): string | null {
  if (m.agency.kind === 'none' && boundAgency(caller) !== null) {
    return `“${m.label}”不区分执法主体，执法部门和执法人员账号只能查询本单位的数据，无法查询该指标`;
  }
  return null;
}

/** The WHERE conditions of a request (without grouping): scope, regions, period, filters. */
export function conditions(req: DataRequest, caller: Caller, opts: { withFilters?: boolean } = {}): { where: Sql; joins: string[] } {
  const m = req.measure;
  const withFilters = opts.withFilters ?? true;
  const joins: string[] = [];
  const parts: Sql[] = [];
  // The one scope condition of each kind of row, from the policy layer: the rows behind figures for
  // records (a payment through its case; the region's for invited supervisors and liaisons, who read
  // figures, not rows), the clue policy's for clues, the region for tables without an agency.
  const kind = KINDS.find((k) => KIND_SPECS[k].table === m.table);
  if (m.scope === 'clues') parts.push(clueScope(caller, 't'));
  else if (kind) parts.push(aggregateScope(caller, kind, 't'));
  else parts.push(regionScope(caller, 't'));
  if (req.regions.length) {
    parts.push(
      sql`(${joinSql(
        req.regions.map((r) => sql`t.region_code LIKE ${regionPrefix(r) + '%'}`),
        ' OR ',
      )})`,
    );
  }
  if (req.period && m.date) {
    parts.push(sql`CAST(t.${raw(m.date)} AS DATE) BETWEEN CAST(${req.period.from} AS DATE) AND CAST(${req.period.to} AS DATE)`);
  }
  if (m.where) parts.push(raw(m.where));
  if (withFilters) {
    if (req.lines.length || req.agencies.length) {
      const join = agencyJoin(m);
      if (join && !joins.includes(join)) joins.push(join);
      if (req.lines.length) parts.push(sql`ag.line_code IN (${inList(req.lines)})`);
      if (req.agencies.length) parts.push(sql`ag.id IN (${inList(req.agencies)})`);
    }
    if (req.items.length && m.item) parts.push(sql`${raw(m.item.column)} IN (${inList(req.items)})`);
    if (req.entities.length && m.entity) parts.push(sql`${raw(m.entity)} IN (${inList(req.entities)})`);
    if (req.officers.length && m.officer) {
      const assist = m.table === 'inspections' || m.table === 'cases' ? sql` OR t.assist_officer_id IN (${inList(req.officers)})` : sql``;
      parts.push(sql`(${raw(m.officer)} IN (${inList(req.officers)})${assist})`);
    }
    if (req.model && m.table === 'clues') parts.push(sql`t.model_code = ${req.model}`);
    for (const q of req.qualifiers) parts.push(raw(q.sql));
  }
  return { where: joinSql(parts, ' AND '), joins };
}

/** The statement of a request: one value, or one row per group. */
export function buildQuery(
  req: DataRequest,
  caller: Caller,
  dialect: Dialect,
  opts: { withFilters?: boolean; focusRegion: string },
): BuiltQuery {
  const m = req.measure;
  const { where, joins } = conditions(req, caller, opts);
  const group = req.group ? dimensionByKey(req.group).sql(m, { dialect, focusRegion: opts.focusRegion }) : null;
  const allJoins = [...joins];
  for (const j of group?.joins ?? []) if (!allJoins.includes(j)) allJoins.push(j);
  const from = raw(`${m.table} t${allJoins.length ? ' ' + allJoins.join(' ') : ''}`);
  if (!group) return { sql: sql`SELECT ${raw(m.value)} AS v FROM ${from} WHERE ${where}`, group: null };
  const order = group.time ? 'k' : `v ${req.order === 'asc' ? 'ASC' : 'DESC'}, k`;
  const limit = req.limit ? sql` LIMIT ${req.limit}` : sql``;
  const labels = CODE_LABELS[`${m.table}.${group.key.replace(/^t\./, '')}`];
  return {
    sql: sql`SELECT ${raw(group.key)} AS k, ${raw(group.label)} AS label, ${raw(m.value)} AS v FROM ${from} WHERE ${where} GROUP BY ${raw(group.key)}, ${raw(group.label)} ORDER BY ${raw(order)}${limit}`,
    group: labels ? { ...group, labels } : group,
  };
}
