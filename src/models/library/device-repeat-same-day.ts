// 同一设备同日重复处罚: the same party fined more than once for the same item on the records of one
// electronic monitoring device, the violations within a few days of each other (default one: the same
// day or the next). 行政处罚法 第二十九条: 对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚. A device
// that records one continuing act (a vehicle parked, a noise going on) again and again can turn one
// violation into several cases; whether they are one act is for the agency to check. The later case is
// the subject; the evidence names both.
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { carries } from '../record-tests.ts';
import { dialectSql } from './sql-fragments.ts';
import { deviceText } from './device-fragments.ts';

export const deviceRepeatSameDay: ModelDefinition = {
  code: 'DEV_REPEAT_SAME_DAY',
  name: '同一设备短期内对同一事项重复罚款',
  description:
    '同一当事人因同一事项、依据同一台电子技术监控设备记录的违法事实被罚款两次以上，且两次违法行为发生日期相隔不超过设定天数（默认1天）。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 29 },
  severity: 'high',
  params: [{ name: 'window_days', label: '两次违法行为间隔（天）', type: 'integer', default: 1, min: 0, max: 30 }],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}因“{item_name}”，依据{device_text}的记录，于{first_occurred_on}的违法行为被罚款{first_fine}元，' +
    '于{occurred_on}的违法行为又被罚款{fine_amount}元，两次相隔{gap_days}天（不超过{window_days}天），可能对同一个违法行为给予了两次罚款，请核实并说明。',
  groundTruth: { violation: 'device_repeat_same_day', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'entity_uscc', mayHit: carries('device_id') },
  // Pairs of one entity's cases from one device (monitoring_devices, read in a condition: a change there
  // runs the model fully).
  incremental: { by: 'entity_uscc', changes: { cases: 'entity_uscc' }, names: ['entities', 'items'] },
  query: ({ params, where, dialect }) => {
    const end = dialectSql(dialect.addDays, sql`a.occurred_on`, sql`${num(params.window_days)}`);
    return sql`
    WITH pairs AS (
      SELECT b.id, b.county_code, b.region_code, b.agency_id, b.entity_uscc, b.item_code, b.device_id, b.occurred_on, b.fine_amount,
             a.id AS first_id, a.occurred_on AS first_occurred_on, a.fine_amount AS first_fine,
             ROW_NUMBER() OVER (PARTITION BY b.id ORDER BY a.occurred_on DESC, a.id DESC) AS rn
      FROM cases b JOIN cases a ON a.county_code = b.county_code AND a.entity_uscc = b.entity_uscc AND a.item_code = b.item_code AND a.device_id = b.device_id
        AND a.id <> b.id AND (a.occurred_on < b.occurred_on OR (a.occurred_on = b.occurred_on AND a.id < b.id))
        AND b.occurred_on <= ${end}
      WHERE ${where('b')} AND b.device_id IS NOT NULL AND b.decision = 'fine' AND b.fine_amount > 0
        AND a.decision = 'fine' AND a.fine_amount > 0
    )
    SELECT 'case' AS subject_kind, p.id AS subject_id, p.region_code, p.agency_id, '' AS window_key, p.first_id || ',' || p.id AS evidence_ids,
           COALESCE(e.name, p.entity_uscc) AS subject_name, COALESCE(i.name, p.item_code) AS item_name, ${deviceText('d')} AS device_text,
           CAST(p.first_occurred_on AS VARCHAR) AS first_occurred_on, p.first_fine,
           CAST(p.occurred_on AS VARCHAR) AS occurred_on, p.fine_amount,
           CAST(${dialectSql(dialect.daysBetween, sql`p.first_occurred_on`, sql`p.occurred_on`)} AS INTEGER) AS gap_days
    FROM pairs p JOIN monitoring_devices d ON d.county_code = p.county_code AND d.id = p.device_id
      LEFT JOIN entities e ON e.uscc = p.entity_uscc LEFT JOIN items i ON i.code = p.item_code
    WHERE p.rn = 1`;
  },
};
