// 联合检查占比: inspections done jointly by several agencies (优化营商环境条例 第五十四条: 能够合并进行的…
// 合并或者纳入跨部门联合抽查范围).
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const jointInspectionRate: IndicatorDefinition = {
  code: 'JOINT_INSPECTION_RATE',
  name: '跨部门联合检查占比',
  group: 'coordination',
  definition: '统计期内跨部门联合检查的检查记录占全部行政检查记录的比例（《优化营商环境条例》第五十四条）。按同级比较排名计分。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 20,
  weight: 3,
  scoring: { kind: 'rank' },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'inspections',
  query: ({ inRegion, during }) => sql`
    SELECT ${rowColumns({ region: 't.region_code', agency: 't.agency_id', officer: 't.lead_officer_id', id: 't.id', num: flag("t.kind = 'joint'") })}
    FROM inspections t WHERE ${inRegion('t')} AND ${during('t.inspected_on')}`,
};
