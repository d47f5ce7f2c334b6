// A model a county writes itself, as data: a declarative template (record kind, filters, grouping,
// window, threshold, explanation, legal basis) checked against the record-kind registry and compiled to
// the SQL shape the shipped models have (one row per hit: subject, region, agency, window, evidence ids
// and facts). Nothing of the template reaches the SQL as text but registry identifiers: every column is
// a field the registry lists for the kind, every operator one of OPERATORS, every value a parameter.
// docs/local-models.md.
import { sql, raw, joinSql, type Sql } from '../../store/sql.ts';
import { KIND_SPECS } from '../../records/registry.ts';
import type { FieldSpec, RecordKindSpec } from '../../records/types.ts';
import { isIsoDate } from '../../domain/dates.ts';
import type { ModelCategory, ModelDefinition, QueryContext, Severity } from '../model.ts';

export const OPERATORS = {
  eq: '=',
  ne: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  in: 'IN',
  is_null: 'IS NULL',
  not_null: 'IS NOT NULL',
} as const;
export type Operator = keyof typeof OPERATORS;
export const OPERATOR_LABELS: Record<Operator, string> = {
  eq: '等于',
  ne: '不等于',
  gt: '大于',
  gte: '不小于',
  lt: '小于',
  lte: '不大于',
  in: '属于',
  is_null: '为空',
  not_null: '不为空',
};

/**
 * A field with several codes in one cell (`multiple`: codes joined by ';') is compared per code: 等于
 * reads as 包含 (the cell holds that code), 不等于 as 不包含 (an empty cell holds none), 属于 as 包含其一.
 */
export const MULTIPLE_OPERATOR_LABELS: Partial<Record<Operator, string>> = { eq: '包含', ne: '不包含', in: '包含其一' };

export type FilterValue = string | number | boolean | (string | number)[] | null;

export interface Filter {
  field: string;
  op: Operator;
  value?: FilterValue;
}

export interface Template {
  name: string;
  description: string;
  /** A record kind of the registry that names its region and agency and has a date. */
  kind: string;
  filters: Filter[];
  /** The field whose value is the subject (an enterprise, an officer, an agency); absent: each record is a hit. */
  groupBy?: string;
  /** The date field the window counts on, and the days back from the run's day. */
  dateField: string;
  windowDays: number;
  /** Grouped: the least number of records that make a hit. */
  threshold: number;
  severity: Severity;
  /** With {record_count}, {first_on}, {last_on}, {window_days}, {threshold}. */
  explanation: string;
  basis: { regulationId: string; article?: number; note?: string };
}

/** The subject kind of a grouping field: an enterprise's, an officer's or an agency's file. */
function groupSubject(field: FieldSpec): 'entity' | 'officer' | 'agency' | null {
  if (field.type === 'uscc') return 'entity';
  if (field.ref === 'agency') return 'agency';
  if (field.name.endsWith('officer_id')) return 'officer';
  return null;
}

/** The subject kind of one record of a table, as the shipped models name it. */
const RECORD_SUBJECT: Readonly<Record<string, string>> = {
  inspections: 'inspection',
  cases: 'case',
  licences: 'licence',
  deliveries: 'delivery',
  payments: 'payment',
  service_visits: 'service_visit',
  hotline_tickets: 'hotline_ticket',
  delegations: 'delegation',
  coercive_measures: 'coercive_measure',
  review_outcomes: 'review_outcome',
  monitoring_devices: 'monitoring_device',
  enterprise_charges: 'enterprise_charge',
  confiscated_goods: 'confiscated_goods',
};
const CATEGORY: Readonly<Record<string, ModelCategory>> = {
  inspections: 'inspection',
  cases: 'penalty',
  deliveries: 'penalty',
  payments: 'penalty',
  licences: 'licensing',
  delegations: 'delegation',
  coercive_measures: 'coercion',
  review_outcomes: 'penalty',
  monitoring_devices: 'penalty',
  enterprise_charges: 'fees',
  confiscated_goods: 'penalty',
};

/** The kinds a template may read: records of agencies, with a region, an agency column and a date. */
export function templateKinds(): RecordKindSpec[] {
  return Object.values(KIND_SPECS).filter(
    (k) =>
      RECORD_SUBJECT[k.table] &&
      k.fields.some((f) => f.name === 'region_code') &&
      k.agencyScope !== null &&
      'column' in k.agencyScope &&
      k.fields.some((f) => f.type === 'date'),
  );
}

export const PLACEHOLDERS = ['record_count', 'first_on', 'last_on', 'window_days', 'threshold'] as const;
const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high'];

/** Why a template cannot be saved: [field, Chinese message], or null. The basis is checked against the store by the caller. */
export function templateProblem(t: Partial<Template>): [string, string] | null {
  if (typeof t.name !== 'string' || !t.name.trim() || t.name.length > 40) return ['name', '模型名称须为 1 至 40 个字'];
  if (typeof t.description !== 'string' || t.description.length > 500) return ['description', '模型说明须为不超过 500 字的文字'];
  const spec = templateKinds().find((k) => k.kind === t.kind);
  if (!spec)
    return [
      'kind',
      `记录类型无效：${String(t.kind)}（可选：${templateKinds()
        .map((k) => k.kind)
        .join(', ')}）`,
    ];
  const field = (name: unknown) => spec.fields.find((f) => f.name === name);
  if (!Array.isArray(t.filters) || t.filters.length > 10) return ['filters', '筛选条件须为列表，至多 10 条'];
  for (const [i, f] of t.filters.entries()) {
    const at = `filters[${i}]`;
    const spec = field(f?.field);
    if (!spec) return [`${at}.field`, `${at}：${String(f?.field)} 不是「${kindLabel(t.kind!)}」的字段`];
    if (!(f.op in OPERATORS)) return [`${at}.op`, `${at}：不支持的比较方式 ${String(f.op)}（可选：${Object.keys(OPERATORS).join(', ')}）`];
    const p = valueProblem(spec, f.op, f.value);
    if (p) return [`${at}.value`, `${at}（${spec.label}）：${p}`];
  }
  if (t.groupBy !== undefined && t.groupBy !== null) {
    const g = field(t.groupBy);
    if (!g || !groupSubject(g)) return ['groupBy', `归集字段须为企业、执法主体或执法人员字段：${String(t.groupBy)}`];
  }
  const d = field(t.dateField);
  if (!d || d.type !== 'date') return ['dateField', `统计日期须为「${spec.label}」的日期字段：${String(t.dateField)}`];
  if (!Number.isInteger(t.windowDays) || t.windowDays! < 1 || t.windowDays! > 3650)
    return ['windowDays', '统计周期（天）须为 1 至 3650 的整数'];
  if (!Number.isInteger(t.threshold) || t.threshold! < 1 || t.threshold! > 10000) return ['threshold', '触发阈值须为 1 至 10000 的整数'];
  if (!t.groupBy && t.threshold !== 1) return ['threshold', '不归集时每条记录即为一条命中，触发阈值须为 1'];
  if (!SEVERITIES.includes(t.severity as Severity)) return ['severity', '严重程度须为 low、medium 或 high'];
  if (typeof t.explanation !== 'string' || !t.explanation.trim() || t.explanation.length > 500)
    return ['explanation', '线索说明须为 1 至 500 字'];
  const unknown = [...t.explanation.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).find((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown) return ['explanation', `线索说明中的占位符 {${unknown}} 无效（可用：${PLACEHOLDERS.map((p) => `{${p}}`).join('、')}）`];
  if (!t.basis || typeof t.basis.regulationId !== 'string' || !t.basis.regulationId) return ['basis.regulationId', '须写明依据的法规'];
  if (t.basis.article !== undefined && (!Number.isInteger(t.basis.article) || t.basis.article < 1))
    return ['basis.article', '条款序号须为正整数'];
  return null;
}

const kindLabel = (kind: string) => templateKinds().find((k) => k.kind === kind)?.label ?? kind;

function valueProblem(field: FieldSpec, op: Operator, value: unknown): string | null {
  if (op === 'is_null' || op === 'not_null') return value === undefined || value === null ? null : '为空/不为空的条件不带取值';
  const values = op === 'in' ? value : [value];
  if (!Array.isArray(values) || values.length === 0 || values.length > 50) return op === 'in' ? '“属于”须给出 1 至 50 个取值' : '缺少取值';
  if (op === 'in' && !Array.isArray(value)) return '“属于”须给出取值列表';
  if (op !== 'in' && Array.isArray(value)) return '只有“属于”可以给出多个取值';
  const ordered = op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte';
  for (const v of values) {
    switch (field.type) {
      case 'decimal':
      case 'integer':
        if (typeof v !== 'number' || !Number.isFinite(v)) return `须为数字：${String(v)}`;
        break;
      case 'date':
        if (typeof v !== 'string' || !isIsoDate(v)) return `须为日期（YYYY-MM-DD）：${String(v)}`;
        break;
      case 'boolean':
        if (typeof v !== 'boolean' || ordered) return '是/否字段只能比较是否等于 true 或 false';
        break;
      case 'enum':
        if (!field.values?.some((e) => e.code === v))
          return `取值须为 ${field.values?.map((e) => `${e.code}（${e.label}）`).join('、')} 之一：${String(v)}`;
        if (ordered) return field.multiple ? '多选字段只能比较包含、不包含或包含其一' : '选项字段只能比较等于、不等于或属于';
        break;
      default:
        if (typeof v !== 'string' || v.length > 200) return `须为不超过 200 字的文字：${String(v)}`;
        if (ordered && field.type !== 'timestamp') return '文字字段只能比较等于、不等于或属于';
    }
  }
  return null;
}

/** A column of the kind's table, for alias r: only registry field names reach here (checked by templateProblem). */
const col = (name: string) => raw(`r.${name}`);
const param = (field: FieldSpec, v: string | number | boolean): Sql => (field.type === 'date' ? sql`CAST(${v} AS DATE)` : sql`${v}`);

/** The WHERE conditions of the filters, values as parameters. */
export function filtersSql(spec: RecordKindSpec, filters: readonly Filter[]): Sql[] {
  return filters.map((f) => {
    const field = spec.fields.find((x) => x.name === f.field)!;
    const c = col(field.name);
    if (f.op === 'is_null' || f.op === 'not_null') return sql`${c} ${raw(OPERATORS[f.op])}`;
    if (field.multiple) {
      // ';code;' inside ';cell;': one code, never a part of a longer one; no LIKE, so '_' in a code is a letter.
      const holds = (v: string | number) => sql`position(${`;${v};`} IN ';' || ${c} || ';') > 0`;
      if (f.op === 'in') return sql`(${joinSql((f.value as (string | number)[]).map(holds), ' OR ')})`;
      if (f.op === 'ne') return sql`(${c} IS NULL OR NOT ${holds(f.value as string)})`;
      return holds(f.value as string);
    }
    if (f.op === 'in')
      return sql`${c} IN (${joinSql(
        (f.value as (string | number)[]).map((v) => param(field, v)),
        ', ',
      )})`;
    return sql`${c} ${raw(OPERATORS[f.op])} ${param(field, f.value as string | number | boolean)}`;
  });
}

/**
 * The template as the query of a model: the rows of the kind in the run's scope, inside the window
 * ending on the run's day and passing the filters; grouped by the subject with at least `threshold`
 * records, or one hit per record. Facts: record_count, first_on, last_on (and subject_name).
 */
export function compileTemplate(t: Template): (ctx: QueryContext) => Sql {
  const spec = templateKinds().find((k) => k.kind === t.kind)!;
  const agencyColumn = (spec.agencyScope as { column: string }).column;
  const date = col(t.dateField);
  return ({ where, asOf, dialect }) => {
    // The day is written as a literal (DuckDB and PostgreSQL add days to a DATE alike): only a real date gets there.
    if (!isIsoDate(asOf)) throw new Error(`not a date: ${asOf}`);
    const from = raw(dialect.addDays(`DATE '${asOf}'`, String(-t.windowDays + 1)));
    const conditions = [where('r'), sql`${date} >= ${from}`, sql`${date} <= CAST(${asOf} AS DATE)`, ...filtersSql(spec, t.filters)];
    const whereSql = joinSql(conditions, ' AND ');
    const table = raw(spec.table);
    if (!t.groupBy) {
      const entity = spec.fields.some((f) => f.name === 'entity_uscc');
      return sql`SELECT ${raw(`'${RECORD_SUBJECT[spec.table]}'`)} AS subject_kind, r.id AS subject_id, r.region_code, r.${raw(agencyColumn)} AS agency_id,
          '' AS window_key, r.id AS evidence_ids, ${raw(entity ? 'r.entity_uscc' : 'CAST(NULL AS VARCHAR)')} AS entity_uscc,
          CAST(1 AS INTEGER) AS record_count, CAST(${date} AS VARCHAR) AS first_on, CAST(${date} AS VARCHAR) AS last_on
        FROM ${table} r WHERE ${whereSql}`;
    }
    const g = spec.fields.find((f) => f.name === t.groupBy)!;
    const subject = groupSubject(g)!;
    const key = col(g.name);
    const name =
      subject === 'entity'
        ? raw('(SELECT e.name FROM entities e WHERE e.uscc = h.subject_id)')
        : subject === 'officer'
          ? raw('(SELECT o.name FROM officers o WHERE o.id = h.subject_id)')
          : raw('(SELECT a.name FROM agencies a WHERE a.id = h.subject_id)');
    return sql`SELECT h.*, ${name} AS subject_name FROM (
        SELECT ${raw(`'${subject}'`)} AS subject_kind, CAST(${key} AS VARCHAR) AS subject_id, min(r.region_code) AS region_code,
          ${subject === 'agency' ? key : raw(`min(r.${agencyColumn})`)} AS agency_id, ${raw(`'${asOf.slice(0, 4)}'`)} AS window_key,
          ${raw(dialect.stringAgg('r.id', ',', [`r.${t.dateField}`, 'r.id']))} AS evidence_ids,
          CAST(count(*) AS INTEGER) AS record_count, CAST(min(${date}) AS VARCHAR) AS first_on, CAST(max(${date}) AS VARCHAR) AS last_on
        FROM ${table} r WHERE ${whereSql} AND ${key} IS NOT NULL
        GROUP BY ${key} HAVING count(*) >= ${t.threshold}
      ) h`;
  };
}

/** A saved version of a local model as a model of the library: run, staged, triaged and scored like one. */
export function localModel(code: string, t: Template): ModelDefinition {
  const spec = templateKinds().find((k) => k.kind === t.kind)!;
  const explanation = t.explanation.replace(/\{window_days\}/g, String(t.windowDays)).replace(/\{threshold\}/g, String(t.threshold));
  return {
    code,
    name: t.name,
    description: t.description,
    category: CATEGORY[spec.table] ?? 'inspection',
    basis: t.basis,
    severity: t.severity,
    params: [],
    evidenceKind: spec.table,
    explanation,
    query: compileTemplate(t),
  };
}
