// What the 执法数据 lists can be searched, filtered and sorted by, per record kind, and the query that
// does it inside the caller's scope: words (ids, names, free text), a date range on the kind's date,
// the coded columns (检查类型, 办理结果 …), an agency, a region; sort by any listed column. The names a
// row's codes stand for (agency, entity, region, item, officer …) come with it, so neither the list nor
// its Excel export shows a bare code. Pure (no Node APIs): the console reads the same spec for its
// filters and for the names served beside the codes.
import { sql, raw, joinSql, type Sql } from '../store/sql.ts';
import { addDays } from '../domain/dates.ts';
import { regionPrefix } from '../domain/region.ts';
import { KIND_SPECS, type Kind } from './registry.ts';
import { personalColumns } from '../privacy/personal-data.ts';

export interface RecordListSpec {
  /** The business date (or instant) a range filters on; null: no range. */
  date: string | null;
  /** Columns the words are looked for in (LIKE); `entity` and `agency` search their names too. */
  text: readonly string[];
  /** Coded columns the list filters on by equality (enum fields of the kind, labelled from its field spec). */
  codes: readonly string[];
  /** Name columns joined to the row: [output column, SQL expression over the joins]. */
  names: readonly (readonly [string, string])[];
  joins: readonly NameJoin[];
  /** The key column (the kind's idColumn). */
  key: string;
}

/** A reference table joined for names: `LEFT JOIN table alias ON alias.key = t.column`. */
export interface NameJoin {
  alias: string;
  table: string;
  key: string;
  column: string;
  /** Read for the codes of a page only (recordNames), not joined whole. */
  byPageCodes?: true;
}

// The joins a kind's names need; each alias is joined once, after the page is cut.
const J = {
  region: { alias: 'rg', table: 'regions', key: 'code', column: 'region_code' },
  agency: { alias: 'ag', table: 'agencies', key: 'id', column: 'agency_id' },
  entity: { alias: 'en', table: 'entities', key: 'uscc', column: 'entity_uscc' },
  item: { alias: 'it', table: 'items', key: 'code', column: 'item_code' },
  inspectionItem: { alias: 'ii', table: 'inspection_items', key: 'code', column: 'inspection_item_code' },
  lead: { byPageCodes: true, alias: 'lo', table: 'officers', key: 'id', column: 'lead_officer_id' },
  assist: { byPageCodes: true, alias: 'ao', table: 'officers', key: 'id', column: 'assist_officer_id' },
  officer: { byPageCodes: true, alias: 'so', table: 'officers', key: 'id', column: 'officer_id' },
  line: { alias: 'ln', table: 'lines', key: 'code', column: 'line_code' },
  service: { alias: 'sw', table: 'service_whitelist', key: 'code', column: 'service_code' },
} satisfies Record<string, NameJoin>;
const REGION = ['region_name', 'rg.name'] as const;
const AGENCY = ['agency_name', 'ag.name'] as const;
const ENTITY = ['entity_name', 'en.name'] as const;

function unlisted(key: string): RecordListSpec {
  return { date: null, text: [key], codes: [], names: [], joins: [], key };
}

/** Every listed kind's list: a kind added to the registry fails the typecheck until it is here. */
export const RECORD_LISTS: Record<Kind, RecordListSpec> = {
  licences: {
    date: 'applied_on',
    text: ['id', 'entity_uscc', 'entity'],
    codes: ['result'],
    names: [AGENCY, ENTITY, REGION, ['item_name', 'it.name']],
    joins: [J.agency, J.entity, J.region, J.item],
    key: 'id',
  },
  inspections: {
    date: 'inspected_on',
    text: ['id', 'entity_uscc', 'entity', 'joint_id'],
    codes: ['kind', 'result', 'via_code'],
    names: [
      AGENCY,
      ENTITY,
      REGION,
      ['inspection_item_name', 'ii.name'],
      ['lead_officer_name', 'lo.name'],
      ['assist_officer_name', 'ao.name'],
    ],
    joins: [J.agency, J.entity, J.region, J.inspectionItem, J.lead, J.assist],
    key: 'id',
  },
  cases: {
    date: 'filed_on',
    text: ['id', 'entity_uscc', 'entity', 'facts'],
    codes: ['decision', 'tier', 'status', 'harm'],
    names: [AGENCY, ENTITY, REGION, ['item_name', 'it.name'], ['lead_officer_name', 'lo.name'], ['assist_officer_name', 'ao.name']],
    joins: [J.agency, J.entity, J.region, J.item, J.lead, J.assist],
    key: 'id',
  },
  deliveries: { date: 'sent_on', text: ['id', 'case_id'], codes: ['method'], names: [REGION], joins: [J.region], key: 'id' },
  payments: { date: 'due_on', text: ['id', 'case_id'], codes: [], names: [REGION], joins: [J.region], key: 'id' },
  coercive_measures: {
    date: 'started_on',
    text: ['id', 'entity_uscc', 'entity', 'decision_no', 'case_id'],
    codes: ['measure', 'status', 'urgent', 'extended'],
    names: [AGENCY, ENTITY, REGION, ['lead_officer_name', 'lo.name'], ['assist_officer_name', 'ao.name']],
    joins: [J.agency, J.entity, J.region, J.lead, J.assist],
    key: 'id',
  },
  confiscated_goods: {
    date: 'confiscated_on',
    text: ['id', 'entity_uscc', 'entity', 'description', 'case_id'],
    codes: ['disposal'],
    names: [AGENCY, ENTITY, REGION],
    joins: [J.agency, J.entity, J.region],
    key: 'id',
  },
  monitoring_devices: {
    date: 'in_use_from',
    text: ['id', 'location'],
    codes: ['device_kind'],
    names: [AGENCY, REGION],
    joins: [J.agency, J.region],
    key: 'id',
  },
  enterprise_charges: {
    date: 'charged_on',
    text: ['id', 'entity_uscc', 'entity', 'charged_by', 'catalogue_no', 'licence_id', 'inspection_id'],
    codes: ['charger_kind', 'fee_kind', 'commissioned_by_agency', 'designated_by_agency'],
    names: [AGENCY, ENTITY, REGION],
    joins: [J.agency, J.entity, J.region],
    key: 'id',
  },
  review_outcomes: {
    date: 'applied_on',
    text: ['id', 'case_id'],
    codes: ['route', 'outcome'],
    names: [AGENCY, REGION],
    joins: [J.agency, J.region],
    key: 'id',
  },
  service_visits: {
    date: 'visited_on',
    text: ['id', 'entity_uscc', 'entity', 'topic'],
    codes: [],
    names: [AGENCY, ENTITY, REGION, ['officer_name', 'so.name']],
    joins: [J.agency, J.entity, J.region, J.officer],
    key: 'id',
  },
  hotline_tickets: {
    date: 'received_at',
    text: ['id', 'content', 'category', 'entity'],
    codes: ['status', 'category'],
    names: [AGENCY, ENTITY, REGION],
    joins: [J.agency, J.entity, J.region],
    key: 'id',
  },
  delegations: {
    date: 'signed_on',
    text: ['id', 'service_name', 'provider_name', 'provider_uscc'],
    codes: ['approved'],
    names: [AGENCY, REGION, ['service_whitelist_name', 'sw.name']],
    joins: [J.agency, J.region, J.service],
    key: 'id',
  },
  agencies: {
    date: null,
    text: ['id', 'name'],
    codes: ['line_code', 'level'],
    names: [REGION, ['line_name', 'ln.name']],
    joins: [J.region, J.line],
    key: 'id',
  },
  officers: { date: null, text: ['id', 'name'], codes: [], names: [AGENCY, REGION], joins: [J.agency, J.region], key: 'id' },
  entities: {
    date: 'registered_on',
    // Not legal_rep: personal data is sealed at rest (src/privacy), so a part of it cannot be searched.
    text: ['uscc', 'name', 'address'],
    codes: ['industry'],
    names: [REGION],
    joins: [J.region],
    key: 'uscc',
  },
  followup_answers: {
    date: 'answered_at',
    text: ['id', 'task_id', 'transcript'],
    codes: ['says_inspection'],
    names: [REGION],
    joins: [J.region],
    key: 'id',
  },
  certificates: {
    date: 'expires_on',
    text: ['id', 'number', 'officer_id'],
    codes: ['status'],
    names: [REGION, ['officer_name', 'so.name']],
    joins: [J.region, J.officer],
    key: 'id',
  },
  followup_tasks: {
    date: null,
    text: ['id', 'campaign_id', 'subject_id', 'entity_uscc', 'entity'],
    codes: ['subject_kind', 'channel', 'status'],
    names: [ENTITY, REGION],
    joins: [J.entity, J.region],
    key: 'id',
  },
  inspection_objects: {
    date: null,
    text: ['id', 'entity_uscc', 'entity', 'object_type'],
    codes: ['risk_class', 'credit_class'],
    names: [AGENCY, ENTITY, REGION],
    joins: [J.agency, J.entity, J.region],
    key: 'id',
  },
  // Kinds the 执法数据 lists do not show (LIST_KINDS leaves them out: reference data, plans on their own page).
  regions: unlisted('code'),
  items: unlisted('code'),
  inspection_items: unlisted('code'),
  baselines: unlisted('baseline_id'),
  exemptions: unlisted('id'),
  service_whitelist: unlisted('code'),
  users: unlisted('username'),
  inspection_plans: unlisted('id'),
};

export interface RecordQuery {
  q?: string;
  regionCode?: string;
  agencyId?: string;
  from?: string;
  to?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  /** Coded columns: column → value. */
  codes?: Record<string, string>;
}

const like = (s: string) => `%${s.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
const IDENT = /^[a-z_][a-z0-9_]*$/;

/** The conditions of a list query beyond the caller's scope, over alias t. Unknown columns are refused by the caller (listProblem). */
export function recordConditions(kind: Kind, q: RecordQuery): Sql[] {
  const spec = RECORD_LISTS[kind];
  const parts: Sql[] = [];
  if (q.regionCode) parts.push(sql`t.region_code LIKE ${regionPrefix(q.regionCode) + '%'}`);
  if (q.agencyId) parts.push(kind === 'agencies' ? sql`t.id = ${q.agencyId}` : sql`t.agency_id = ${q.agencyId}`);
  if (q.q?.trim() && spec.text.length) {
    const w = like(q.q.trim());
    const or = spec.text.map((c) =>
      c === 'entity'
        ? sql`t.entity_uscc IN (SELECT uscc FROM entities WHERE name LIKE ${w} ESCAPE '\\')`
        : sql`CAST(t.${raw(c)} AS VARCHAR) LIKE ${w} ESCAPE '\\'`,
    );
    parts.push(sql`(${joinSql(or, ' OR ')})`);
  }
  if (spec.date) {
    const isInstant = spec.date.endsWith('_at');
    // An instant column compares with the business day's bounds (Asia/Shanghai).
    const bound = (d: string) =>
      isInstant ? sql`CAST(${new Date(Date.parse(`${d}T00:00:00+08:00`)).toISOString()} AS TIMESTAMPTZ)` : sql`CAST(${d} AS DATE)`;
    if (q.from) parts.push(sql`t.${raw(spec.date)} >= ${bound(q.from)}`);
    if (q.to) parts.push(isInstant ? sql`t.${raw(spec.date)} < ${bound(addDays(q.to, 1))}` : sql`t.${raw(spec.date)} <= ${bound(q.to)}`);
  }
  for (const [col, value] of Object.entries(q.codes ?? {})) {
    if (!spec.codes.includes(col) || !IDENT.test(col)) continue;
    parts.push(value === 'true' || value === 'false' ? sql`t.${raw(col)} = ${value === 'true'}` : sql`t.${raw(col)} = ${value}`);
  }
  return parts;
}

/** Why a list query cannot be run (a sort or filter on a column the list does not have), or null. */
export function listProblem(kind: Kind, columns: readonly string[], q: RecordQuery): [string, string] | null {
  if (q.sort && (!IDENT.test(q.sort) || !columns.includes(q.sort))) return ['sort', `不能按该列排序：${q.sort}`];
  // Personal data is sealed at rest: its stored order is the ciphertext's, meaningless to a reader.
  if (q.sort && personalColumns(KIND_SPECS[kind].table).includes(q.sort)) return ['sort', `不能按个人信息列排序：${q.sort}`];
  for (const col of Object.keys(q.codes ?? {})) if (!RECORD_LISTS[kind].codes.includes(col)) return [col, `不能按该列筛选：${col}`];
  if (q.from && q.to && q.from > q.to) return ['from', '开始日期不能晚于结束日期'];
  return null;
}

/** ORDER BY of a list: the chosen column, else the kind's date, newest first; the key breaks ties. */
export function recordOrder(kind: Kind, fallback: string, q: RecordQuery): Sql {
  const spec = RECORD_LISTS[kind];
  const col = q.sort ?? spec.date ?? fallback;
  const dir = q.sort ? (q.order === 'desc' ? 'DESC' : 'ASC') : q.order === 'asc' ? 'ASC' : 'DESC';
  return raw(`t.${col} ${dir} NULLS LAST, t.${spec.key}`);
}

/**
 * The name columns of a kind's rows, and the joins they need (over alias t). Given `page`, a relation
 * holding the page's rows (a CTE), the officers are read for the officer codes of the page only: DuckDB
 * joined the whole table, a hash table of all 105,014 officers of a city built twice for a page of 20
 * (a county supervisor's list: inspections 37 → 24 ms, cases 39 → 29 ms), where it already builds on
 * the page and looks entities and agencies up by their key. Reading the other tables by the page's codes
 * too made no list faster (licences: the same to 4 ms slower). Same rows either way: a row that matches
 * a code of the page is one of those read.
 */
export function recordNames(kind: Kind, page?: string): { columns: Sql; joins: Sql } {
  const spec = RECORD_LISTS[kind];
  const joins = spec.joins.map(({ alias, table, key, column, byPageCodes }) =>
    page && byPageCodes
      ? ` LEFT JOIN (SELECT * FROM ${table} WHERE ${key} IN (SELECT ${column} FROM ${page})) ${alias} ON ${alias}.${key} = t.${column}`
      : ` LEFT JOIN ${table} ${alias} ON ${alias}.${key} = t.${column}`,
  );
  return { columns: raw(spec.names.map(([as, expr]) => `, ${expr} AS ${as}`).join('')), joins: raw(joins.join('')) };
}

/** The name shown for a code column (the export writes the name; the code's own column stays for ids). */
export const NAME_OF: Record<string, string> = {
  region_code: 'region_name',
  agency_id: 'agency_name',
  entity_uscc: 'entity_name',
  item_code: 'item_name',
  inspection_item_code: 'inspection_item_name',
  lead_officer_id: 'lead_officer_name',
  assist_officer_id: 'assist_officer_name',
  officer_id: 'officer_name',
  line_code: 'line_name',
  service_code: 'service_whitelist_name',
};
