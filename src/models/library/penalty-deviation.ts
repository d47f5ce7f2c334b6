// 裁量偏离: a fine far from what the same item and tier usually get. The peers are the fines for the
// same item with the same stated tier in the same city (its baselines are the same) decided in the
// look-back window; a fine deviates when its robust z-score |fine − median| / (1.4826 · MAD) exceeds k
// (Iglewicz–Hoaglin: 3.5). Where more than half of the peers pay the same amount (MAD = 0), the spread
// is taken as a share of the median instead, so that a single different fine is not infinitely far.
// In real time a landed decision is judged against the peers known at that moment
// (src/models/realtime/cases.ts), with the discretion navigator's arithmetic (src/catalog/discretion.ts).
// The z shown is rounded to thousandths, then tenths, as the real-time check's roundZ does: DuckDB's
// cast to NUMERIC keeps three places, PostgreSQL's keeps all (7.1496 → 7.2 on both, not 7.1 on one).
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { tierLabel } from './sql-fragments.ts';
import { addDays } from '../../domain/dates.ts';

export const penaltyDeviation: ModelDefinition = {
  code: 'PEN_DEVIATION',
  name: '罚款与同类案件差距悬殊',
  description:
    '罚款数额与同一城市、同一事项、同一裁量档次近期案件的中间水平（中位数）相差的幅度，超过这些案件彼此间一般相差幅度的设定倍数（一般相差幅度过小时按中位数的设定比例计）。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 5, note: '《浙江省行政处罚裁量权基准规定》第四条（过罚相当）' },
  severity: 'medium',
  triage: { evidence: 'statistical' },
  params: [
    { name: 'lookback_days', label: '历史案件回溯天数', type: 'integer', default: 730, min: 30, max: 3650 },
    { name: 'min_cases', label: '同类案件最少数量', type: 'integer', default: 10, min: 5, max: 1000 },
    { name: 'z', label: '相差幅度倍数阈值', type: 'number', default: 3.5, min: 1, max: 20 },
    { name: 'min_spread_share', label: '一般相差幅度下限（占中位数比例）', type: 'number', default: 0.1, min: 0.01, max: 1 },
  ],
  evidenceKind: 'cases',
  realtime: { kind: 'cases', subjectColumn: 'id' },
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案（{tier_label}档次）罚款{fine_amount}元，同市同事项同档次{peer_count}件案件罚款的中位数为{median_fine}元，' +
    '相差幅度是这些案件一般相差幅度的{robust_z}倍（阈值{z}倍），可能存在裁量不当，请核实并说明。',
  query: ({ params, where, dialect, asOf }) => {
    const from = addDays(asOf, -params.lookback_days);
    return sql`
    WITH f AS (
      SELECT c.id, c.region_code, c.agency_id, c.item_code, c.entity_uscc, c.tier, c.fine_amount, substr(c.region_code, 1, 4) AS city
      FROM cases c
      WHERE ${where('c')} AND c.decision = 'fine' AND c.fine_amount > 0 AND c.tier IS NOT NULL AND c.decided_on IS NOT NULL
        AND c.decided_on <= CAST(${asOf} AS DATE)
        AND c.decided_on > CAST(${from} AS DATE)
    ), m AS (
      SELECT city, item_code, tier, count(*) AS peer_count, ${raw(dialect.median('fine_amount'))} AS median_fine
      FROM f GROUP BY city, item_code, tier HAVING count(*) >= ${num(params.min_cases)}
    ), d AS (
      SELECT m.city, m.item_code, m.tier, m.peer_count, m.median_fine, ${raw(dialect.median('abs(f.fine_amount - m.median_fine)'))} AS mad
      FROM f JOIN m ON m.city = f.city AND m.item_code = f.item_code AND m.tier = f.tier
      GROUP BY m.city, m.item_code, m.tier, m.peer_count, m.median_fine
    ), z AS (
      SELECT f.*, d.peer_count, d.median_fine, d.mad,
             abs(f.fine_amount - d.median_fine) / greatest(1.4826 * d.mad, ${num(params.min_spread_share)} * d.median_fine) AS robust_z
      FROM f JOIN d ON d.city = f.city AND d.item_code = f.item_code AND d.tier = f.tier
    )
    SELECT 'case' AS subject_kind, z.id AS subject_id, z.region_code, z.agency_id, '' AS window_key, z.id AS evidence_ids,
           COALESCE(e.name, z.entity_uscc) AS subject_name, COALESCE(i.name, z.item_code) AS item_name, ${tierLabel('z.tier')} AS tier_label,
           z.fine_amount, CAST(z.peer_count AS INTEGER) AS peer_count, CAST(z.median_fine AS FLOAT8) AS median_fine,
           CAST(z.mad AS FLOAT8) AS mad, CAST(round(round(CAST(z.robust_z AS NUMERIC), 3), 1) AS FLOAT8) AS robust_z
    FROM z LEFT JOIN entities e ON e.uscc = z.entity_uscc LEFT JOIN items i ON i.code = z.item_code
    WHERE z.robust_z > ${num(params.z)}`;
  },
};
