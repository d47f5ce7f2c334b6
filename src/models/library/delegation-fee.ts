// 委托费用异常偏高: a delegation whose fee is far above what agencies pay for the same service — at least
// `min_ratio` times the median fee of that service across all delegations (the median, not the mean,
// so that a few large contracts do not hide an inflated one). Services with too few delegations to
// compare are skipped.
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';

export const delegationFee: ModelDefinition = {
  code: 'DEL_FEE',
  name: '委托费用异常偏高',
  description: '委托第三方服务的费用达到同一清单事项全部委托费用中位数的设定倍数以上（同类委托达到设定笔数时判断）。',
  category: 'delegation',
  basis: {
    regulationId: 'zhengfu-caigou-fa',
    note: '以竞争性方式选择服务机构、费用合理；另见《行政执法委托第三方服务正面清单》',
  },
  severity: 'medium',
  triage: { evidence: 'statistical' },
  params: [
    { name: 'min_ratio', label: '费用与同类中位数之比下限', type: 'number', default: 5, min: 1.5, max: 100 },
    { name: 'min_peers', label: '同类委托最少笔数', type: 'integer', default: 5, min: 3, max: 1000 },
  ],
  evidenceKind: 'delegations',
  explanation:
    '数据显示，{agency_name}于{signed_on}委托{provider_name}承担“{service_name}”，费用{fee}元，为同类{peer_count}笔委托费用中位数{median_fee}元的{fee_ratio}倍（阈值{min_ratio}倍），费用可能偏高，请核实定价和选择方式并说明。',
  realtime: { kind: 'delegations', subjectColumn: 'id' },
  query: ({ params, where, dialect }) => sql`
    WITH peers AS (
      SELECT p.service_code, ${raw(dialect.median('p.fee'))} AS median_fee, count(*) AS peer_count
      FROM delegations p WHERE p.service_code IS NOT NULL AND p.fee IS NOT NULL
      GROUP BY p.service_code
      HAVING count(*) >= ${num(params.min_peers)}
    )
    SELECT 'delegation' AS subject_kind, d.id AS subject_id, d.region_code, d.agency_id, '' AS window_key, d.id AS evidence_ids,
           d.service_name AS subject_name, COALESCE(a.name, d.agency_id) AS agency_name, CAST(d.signed_on AS VARCHAR) AS signed_on,
           d.service_code, d.service_name, d.provider_name, d.fee, CAST(p.median_fee AS DECIMAL(14,2)) AS median_fee, p.peer_count,
           CAST(d.fee / p.median_fee AS DECIMAL(10,1)) AS fee_ratio
    FROM delegations d JOIN peers p ON p.service_code = d.service_code
      LEFT JOIN agencies a ON a.id = d.agency_id
    WHERE ${where('d')} AND p.median_fee > 0 AND d.fee >= ${num(params.min_ratio)} * p.median_fee`,
};
