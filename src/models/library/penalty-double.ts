// 一事二罚: the same entity fined twice for the same item in cases filed within a few days of each
// other — by one agency or by two — which suggests one violation fined twice (行政处罚法 第二十九条).
// The later case is the subject; the evidence names both.
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { dialectSql } from './sql-fragments.ts';

export const penaltyDouble: ModelDefinition = {
  code: 'PEN_DOUBLE',
  name: '同一事项短期内重复罚款',
  description: '同一当事人因同一事项先后两次立案、均被罚款，且两次立案相隔不超过设定天数（由同一部门或不同部门）。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 29 },
  severity: 'high',
  params: [{ name: 'window_days', label: '两次立案间隔（天）', type: 'integer', default: 30, min: 1, max: 365 }],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}因“{item_name}”于{first_filed_on}被{first_agency}立案并罚款{first_fine}元，' +
    '{filed_on}又被{agency_name}立案并罚款{fine_amount}元，两次立案相隔{gap_days}天（不超过{window_days}天），可能对同一违法行为给予了两次罚款，请核实并说明。',
  realtime: { kind: 'cases', subjectColumn: 'entity_uscc' },
  // Pairs of one entity's cases of one item: its hits follow from that entity's cases alone.
  incremental: { by: 'entity_uscc', changes: { cases: 'entity_uscc' }, names: ['entities', 'items', 'agencies'] },
  query: ({ params, where, dialect }) => {
    const end = dialectSql(dialect.addDays, sql`a.filed_on`, sql`${num(params.window_days)}`);
    return sql`
    WITH pairs AS (
      SELECT b.id, b.region_code, b.agency_id, b.entity_uscc, b.item_code, b.filed_on, b.fine_amount,
             a.id AS first_id, a.agency_id AS first_agency_id, a.filed_on AS first_filed_on, a.fine_amount AS first_fine,
             ROW_NUMBER() OVER (PARTITION BY b.id ORDER BY a.filed_on DESC, a.id DESC) AS rn
      FROM cases b JOIN cases a ON a.entity_uscc = b.entity_uscc AND a.item_code = b.item_code AND a.id <> b.id
        AND (a.filed_on < b.filed_on OR (a.filed_on = b.filed_on AND a.id < b.id)) AND b.filed_on <= ${end}
      WHERE ${where('b')} AND b.decision = 'fine' AND b.fine_amount > 0 AND a.decision = 'fine' AND a.fine_amount > 0
    )
    SELECT 'case' AS subject_kind, p.id AS subject_id, p.region_code, p.agency_id, '' AS window_key, p.first_id || ',' || p.id AS evidence_ids,
           COALESCE(e.name, p.entity_uscc) AS subject_name, COALESCE(i.name, p.item_code) AS item_name,
           CAST(p.first_filed_on AS VARCHAR) AS first_filed_on, COALESCE(fa.name, p.first_agency_id) AS first_agency, p.first_fine,
           CAST(p.filed_on AS VARCHAR) AS filed_on, COALESCE(ba.name, p.agency_id) AS agency_name, p.fine_amount,
           CAST(${dialectSql(dialect.daysBetween, sql`p.first_filed_on`, sql`p.filed_on`)} AS INTEGER) AS gap_days
    FROM pairs p LEFT JOIN entities e ON e.uscc = p.entity_uscc LEFT JOIN items i ON i.code = p.item_code
      LEFT JOIN agencies fa ON fa.id = p.first_agency_id LEFT JOIN agencies ba ON ba.id = p.agency_id
    WHERE p.rn = 1`;
  },
};
