// 委托对象集中: one provider receives more than a set share of an agency's delegations in a calendar
// year (with a minimum number of them), a sign that providers are not chosen competitively.
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';

export const providerConcentration: ModelDefinition = {
  code: 'DEL_PROVIDER_CONCENTRATION',
  name: '委托对象集中',
  description: '同一执法部门一个自然年度内委托同一服务机构的笔数达到设定数量，且占该部门当年委托笔数的比例超过设定上限。',
  category: 'delegation',
  basis: { regulationId: 'zhengfu-caigou-fa', note: '以竞争性方式选择服务机构（政府采购的基本要求）' },
  severity: 'medium',
  params: [
    { name: 'max_share', label: '单一机构占比上限', type: 'number', default: 0.5, min: 0.1, max: 1 },
    { name: 'min_count', label: '单一机构最少委托笔数', type: 'integer', default: 3, min: 2, max: 1000 },
  ],
  evidenceKind: 'delegations',
  explanation:
    '数据显示，{subject_name}{year}年共委托第三方{total_count}笔，其中{provider_count}笔（{share_pct}%）委托给{provider_name}，合计{provider_fee}元，可能未以竞争性方式选择服务机构，请核实并说明。',
  query: ({ params, where, dialect }) => sql`
    WITH d AS (
      SELECT t.id, t.agency_id, t.region_code, t.fee, t.signed_on, COALESCE(t.provider_uscc, t.provider_name) AS provider_key, t.provider_name,
             CAST(EXTRACT(YEAR FROM t.signed_on) AS INTEGER) AS year
      FROM delegations t WHERE ${where('t')}
    ), totals AS (
      SELECT d.agency_id, d.year, count(*) AS total_count FROM d GROUP BY d.agency_id, d.year
    ), byp AS (
      SELECT d.agency_id, d.year, d.provider_key, min(d.provider_name) AS provider_name, count(*) AS provider_count,
             COALESCE(sum(d.fee), 0) AS provider_fee, min(d.region_code) AS record_region,
             ${raw(dialect.stringAgg('d.id', ',', ['d.signed_on', 'd.id']))} AS evidence_ids
      FROM d GROUP BY d.agency_id, d.year, d.provider_key
    )
    SELECT 'agency' AS subject_kind, b.agency_id AS subject_id, COALESCE(a.region_code, b.record_region) AS region_code, b.agency_id,
           CAST(b.year AS VARCHAR) || '|' || b.provider_key AS window_key, b.evidence_ids, COALESCE(a.name, b.agency_id) AS subject_name,
           CAST(b.year AS VARCHAR) AS year, b.provider_key, b.provider_name, b.provider_count, b.provider_fee, s.total_count,
           CAST(100.0 * b.provider_count / s.total_count AS DECIMAL(5,1)) AS share_pct
    FROM byp b JOIN totals s ON s.agency_id = b.agency_id AND s.year = b.year
      LEFT JOIN agencies a ON a.id = b.agency_id
    WHERE b.provider_count >= ${num(params.min_count)} AND b.provider_count > ${num(params.max_share)} * s.total_count`,
};
