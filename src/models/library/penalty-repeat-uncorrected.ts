// 以罚代管: the same entity fined again and again for the same item — min_fines fined cases or more
// whose filing days lie within window_days (the last at most window_days after the first, src/models/
// window.ts) — and none of them records the violation corrected. Fining without getting the violation
// corrected is what 行政处罚法 第二十八条 (责令改正) rules out. PEN_DOUBLE asks whether two fines
// 30 days apart or less punish one violation twice; this asks whether a year of fines corrected
// nothing: the demo plants its series at least 60 days apart, so the two never meet there.
// The subject is the entity; the window is the earliest qualifying series (its first case), so a
// later fine of the same series raises no second clue.
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { dialectSql } from './sql-fragments.ts';

export const penaltyRepeatUncorrected: ModelDefinition = {
  code: 'PEN_REPEAT_UNCORRECTED',
  name: '以罚代管',
  description: '同一当事人因同一事项在设定天数内（最后一次立案距第一次不超过该天数）被罚款达到设定次数，且这些案件均未记录改正违法行为。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 28, note: '第六条（处罚与教育相结合）' },
  severity: 'medium',
  params: [
    { name: 'min_fines', label: '罚款次数下限', type: 'integer', default: 3, min: 2, max: 100 },
    { name: 'window_days', label: '统计期间（天）', type: 'integer', default: 365, min: 30, max: 1095 },
  ],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}因“{item_name}”自{first_filed_on}至{last_filed_on}（{span_days}天，不超过{window_days}天）被{agency_names}罚款{fine_count}次、共{fine_total}元，' +
    '各案均未记录改正违法行为，可能存在以罚代管、未责令改正，请核实并说明。',
  groundTruth: { violation: 'fined_without_correction', recordKind: 'entity' },
  realtime: { kind: 'cases', subjectColumn: 'entity_uscc' },
  // Windows over one entity's fines of one item: its hits follow from that entity's cases alone.
  incremental: { by: 'entity_uscc', changes: { cases: 'entity_uscc' }, names: ['entities', 'items', 'agencies'] },
  query: ({ params, where, dialect }) => {
    const span = dialectSql(dialect.daysBetween, sql`a.filed_on`, sql`b.filed_on`);
    return sql`
    WITH f AS (
      SELECT c.id, c.region_code, c.agency_id, c.entity_uscc, c.item_code, c.filed_on, c.corrected, c.fine_amount
      FROM cases c WHERE ${where('c')} AND c.decision = 'fine' AND c.fine_amount > 0
    ), w AS (
      SELECT a.id AS first_id, a.entity_uscc, a.item_code, a.filed_on AS first_filed_on, count(*) AS fine_count,
             sum(CASE WHEN b.corrected THEN 1 ELSE 0 END) AS corrected_count, max(b.filed_on) AS last_filed_on, sum(b.fine_amount) AS fine_total,
             ${raw(dialect.stringAgg('b.id', ',', ['b.filed_on', 'b.id']))} AS evidence_ids
      FROM f a JOIN f b ON b.entity_uscc = a.entity_uscc AND b.item_code = a.item_code
        AND (b.filed_on > a.filed_on OR (b.filed_on = a.filed_on AND b.id >= a.id)) AND ${span} <= ${num(params.window_days)}
      WHERE a.corrected = FALSE
      GROUP BY a.id, a.entity_uscc, a.item_code, a.filed_on
    ), q AS (
      SELECT w.*, ROW_NUMBER() OVER (PARTITION BY w.entity_uscc, w.item_code ORDER BY w.first_filed_on, w.first_id) AS rn
      FROM w WHERE w.fine_count >= ${num(params.min_fines)} AND w.corrected_count = 0
    ), ag AS (
      SELECT q.first_id, string_agg(DISTINCT COALESCE(g.name, f.agency_id), '、' ORDER BY COALESCE(g.name, f.agency_id)) AS agency_names
      FROM q JOIN f ON f.entity_uscc = q.entity_uscc AND f.item_code = q.item_code AND f.filed_on >= q.first_filed_on AND f.filed_on <= q.last_filed_on
        LEFT JOIN agencies g ON g.id = f.agency_id
      WHERE q.rn = 1 GROUP BY q.first_id
    )
    SELECT 'entity' AS subject_kind, q.entity_uscc AS subject_id, f.region_code, f.agency_id, q.item_code || '|' || q.first_id AS window_key,
           q.evidence_ids, COALESCE(e.name, q.entity_uscc) AS subject_name, COALESCE(i.name, q.item_code) AS item_name,
           CAST(q.first_filed_on AS VARCHAR) AS first_filed_on, CAST(q.last_filed_on AS VARCHAR) AS last_filed_on,
           CAST(${dialectSql(dialect.daysBetween, sql`q.first_filed_on`, sql`q.last_filed_on`)} AS INTEGER) AS span_days,
           CAST(q.fine_count AS INTEGER) AS fine_count, q.fine_total, ag.agency_names
    FROM q JOIN f ON f.id = q.first_id JOIN ag ON ag.first_id = q.first_id
      LEFT JOIN entities e ON e.uscc = q.entity_uscc LEFT JOIN items i ON i.code = q.item_code
    WHERE q.rn = 1`;
  },
};
