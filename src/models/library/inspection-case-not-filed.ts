// 检查发现违法未立案: an inspection whose result says a case was filed, but no penalty case refers to it
// some days later — a finding that went nowhere, or a case kept off the books.
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { dialectSql } from './sql-fragments.ts';

export const inspectionCaseNotFiled: ModelDefinition = {
  code: 'INS_CASE_NOT_FILED',
  name: '检查发现违法未立案',
  description: '检查结果登记为“已立案”，检查后超过设定天数仍没有任何处罚案件记录指向该检查。',
  category: 'inspection',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 54 },
  severity: 'medium',
  params: [{ name: 'after_days', label: '检查后天数', type: 'integer', default: 15, min: 1, max: 180 }],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，{agency_name}于{inspected_on}检查{subject_name}，检查结果登记为已立案，至{as_of}已{days}天（超过{after_days}天）仍没有对应的处罚案件记录，可能未立案或案件未录入，请核实并说明。',
  realtime: { kind: 'inspections', subjectColumn: 'id' },
  query: ({ params, where, dialect, asOf }) => {
    const days = dialectSql(dialect.daysBetween, sql`t.inspected_on`, sql`CAST(${asOf} AS DATE)`);
    return sql`
      SELECT 'inspection' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
             COALESCE(e.name, t.entity_uscc) AS subject_name, COALESCE(a.name, t.agency_id) AS agency_name,
             CAST(t.inspected_on AS VARCHAR) AS inspected_on, CAST(CAST(${asOf} AS DATE) AS VARCHAR) AS as_of, CAST(${days} AS INTEGER) AS days
      FROM inspections t LEFT JOIN cases c ON c.county_code = t.county_code AND c.inspection_id = t.id
        LEFT JOIN entities e ON e.uscc = t.entity_uscc LEFT JOIN agencies a ON a.id = t.agency_id
      WHERE ${where('t')} AND t.result = 'case_filed' AND ${days} > ${num(params.after_days)} AND c.id IS NULL`;
  },
};
