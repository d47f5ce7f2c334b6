// A model's hits staged as clue rows inside the database: one INSERT … SELECT over the model's query
// builds the dedupe key, the clue id, the title, the filled explanation and the evidence JSON, so a
// batch run's 200,000 hits never travel through JavaScript (at hangzhou scale that trip cost more than
// the queries). toStageRow in runner.ts builds the same row in code for hits judged in real time; a
// test keeps the two identical on both engines. The id is the hit's (model_hits.id).
import type { ColumnInfo } from '../store/store.ts';
import type { Dialect } from '../store/dialect.ts';
import { sql, raw, joinSql, type Sql } from '../store/sql.ts';
import { formatNumber, type ModelDefinition, type ParamValues } from './model.ts';
import { fileSql, moneyFact } from './triage/filing.ts';

/** The columns every hit has; the others are the facts of its explanation and evidence. */
export const HIT_COLUMNS = new Set(['subject_kind', 'subject_id', 'region_code', 'agency_id', 'window_key', 'evidence_ids']);

const text = (v: string): Sql => sql`CAST(${v} AS VARCHAR)`;
const col = (name: string): string => `h."${name.replace(/"/g, '""')}"`;

/** The explanation template as SQL: facts from the row (numbers formatted as Intl does), parameters as text. */
function explanationSql(template: string, facts: Map<string, ColumnInfo>, params: ParamValues, dialect: Dialect): Sql {
  const parts: Sql[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index! > last) parts.push(text(template.slice(last, m.index)));
    const name = m[1];
    const fact = facts.get(name);
    if (fact)
      parts.push(sql`COALESCE(${raw(fact.numeric ? dialect.formatNumber(col(name)) : `CAST(${col(name)} AS VARCHAR)`)}, ${text(m[0])})`);
    else if (params[name] !== undefined) parts.push(text(formatNumber(params[name])));
    else parts.push(text(m[0]));
    last = m.index! + m[0].length;
  }
  if (last < template.length) parts.push(text(template.slice(last)));
  return parts.length ? joinSql(parts, ' || ') : text('');
}

/**
 * INSERT INTO model_hits_stage … SELECT over `query`, whose result columns are `columns`; one row per
 * dedupe key, with what triage reads: the subject, the file it goes to (its id NULL when a record
 * names it: triage looks it up) and the money at stake.
 */
export function stageHitsSql(
  model: ModelDefinition,
  query: Sql,
  columns: readonly ColumnInfo[],
  params: ParamValues,
  dialect: Dialect,
): Sql {
  const facts = columns.filter((c) => !HIT_COLUMNS.has(c.name));
  // window_key is a fact of the explanation but not of the evidence (as in toStageRow).
  const explained = new Map([...facts, { name: 'window_key', numeric: false, text: true }].map((c) => [c.name, c]));
  const subjectName = facts.find((c) => c.name === 'subject_name' && !c.numeric);
  const names = new Set(facts.map((c) => c.name));
  const file = fileSql(model, names, col);
  const money = moneyFact(model, new Set(facts.filter((c) => c.numeric).map((c) => c.name)));
  const evidence = dialect.jsonObject([
    ['kind', `'${model.evidenceKind}'`],
    ['ids', dialect.jsonSplit('h.evidence_ids')],
    [
      'subject',
      dialect.jsonObject([
        ['kind', 'h.subject_kind'],
        ['id', 'h.subject_id'],
      ]),
    ],
    ['facts', dialect.jsonObject(facts.map((c) => [c.name, col(c.name)]))],
  ]);
  return sql`
    INSERT INTO model_hits_stage (dedupe_key, id, region_code, agency_id, model_code, severity, title, explanation, evidence, params,
      subject_kind, subject_id, window_key, bundle_kind, bundle_id, amount)
    SELECT DISTINCT ON (h.kedu_dedupe_key) h.kedu_dedupe_key, 'HT-' || substr(md5(h.kedu_dedupe_key), 1, 20), h.region_code, h.agency_id, ${text(model.code)}, ${text(model.severity)},
           ${text(`${model.name}：`)} || ${raw(subjectName ? `COALESCE(CAST(${col('subject_name')} AS VARCHAR), h.subject_id)` : 'h.subject_id')},
           ${explanationSql(model.explanation, explained, params, dialect)},
           CAST(${raw(evidence)} AS VARCHAR), ${text(JSON.stringify(params))},
           h.subject_kind, h.subject_id, COALESCE(CAST(h.window_key AS VARCHAR), ''), ${file.kind}, ${file.id},
           ${raw(money ? `CAST(${col(money)} AS DECIMAL(18, 2))` : 'CAST(NULL AS DECIMAL(18, 2))')}
    FROM (
      SELECT q.*, ${text(`${model.code}|`)} || q.subject_kind || '|' || q.subject_id || '|' || COALESCE(CAST(q.window_key AS VARCHAR), '') AS kedu_dedupe_key
      FROM (${query}) q
    ) h`;
}
