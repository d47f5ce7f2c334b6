// 许可后未监管: a granted licence after which no agency inspected the entity within N days of the
// decision ("谁审批谁监管": 行政许可法 第六十一条, the licensing agency supervises the licensee). Judged
// only once the N days have passed by the run's date.
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';

export const unsupervisedLicence: ModelDefinition = {
  code: 'LIC_NO_SUPERVISION',
  name: '许可后未监管',
  description: '作出准予许可决定后，在规定期限内没有任何部门对被许可企业开展检查，许可后监管缺位。',
  category: 'licensing',
  basis: { regulationId: 'xingzheng-xuke-fa', article: 61 },
  severity: 'low',
  params: [{ name: 'window_days', label: '许可后监管期限（天）', type: 'integer', default: 365, min: 30, max: 1095 }],
  evidenceKind: 'licences',
  explanation: '该企业于{decided_on}取得{agency_name}准予的“{item_name}”，此后{window_days}天内未见任何部门对其开展检查。',
  query: ({ params, where, dialect, asOf }) => {
    const until = raw(dialect.addDays('t.decided_on', num(params.window_days).render().text));
    return sql`
      SELECT 'licence' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
             e.name AS subject_name, t.entity_uscc, t.item_code, COALESCE(it.name, t.item_code) AS item_name,
             COALESCE(g.name, t.agency_id) AS agency_name, CAST(t.decided_on AS VARCHAR) AS decided_on
      FROM licences t
        LEFT JOIN items it ON it.code = t.item_code
        LEFT JOIN entities e ON e.uscc = t.entity_uscc
        LEFT JOIN agencies g ON g.id = t.agency_id
      WHERE ${where('t')} AND t.result = 'granted' AND t.decided_on IS NOT NULL AND ${until} <= CAST(${asOf} AS DATE)
        AND NOT EXISTS (
          SELECT 1 FROM inspections i WHERE i.entity_uscc = t.entity_uscc AND i.inspected_on >= t.decided_on AND i.inspected_on <= ${until})`;
  },
};
