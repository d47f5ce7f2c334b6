// 重复检查率: inspections of an enterprise that another agency had already inspected within the 7 days
// before (or on the same day), outside one joint inspection — the burden 优化营商环境条例 第五十四条
// asks to merge into joint inspections. The look-back reaches 7 days before the period.
import { sql, raw } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const REPEAT_WINDOW_DAYS = 7;

export const repeatInspectionRate: IndicatorDefinition = {
  code: 'INS_REPEAT_RATE',
  name: '重复检查率',
  group: 'conduct',
  definition: `统计期内的行政检查中，同一企业在此前${REPEAT_WINDOW_DAYS}日内（含当日）已被其他部门检查、且不属于同一次联合检查的检查所占比例。《优化营商环境条例》第五十四条要求能合并的检查合并进行。`,
  unit: '%',
  direction: 'lower',
  scale: 100,
  target: 1,
  weight: 5,
  scoring: { kind: 'linear', zeroAt: 10 },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'inspections',
  query: ({ inRegion, during, before, to, dialect }) => sql`
    WITH ins AS MATERIALIZED (
      SELECT t.id, t.region_code, t.agency_id, t.lead_officer_id, t.entity_uscc, t.inspected_on, t.joint_id FROM inspections t
      WHERE ${inRegion('t')} AND t.inspected_on BETWEEN ${before(REPEAT_WINDOW_DAYS)} AND CAST(${to} AS DATE)
    ), repeated AS (
      SELECT DISTINCT i.id FROM ins i JOIN ins p ON p.entity_uscc = i.entity_uscc AND p.id <> i.id AND p.agency_id <> i.agency_id
        AND p.inspected_on <= i.inspected_on AND p.inspected_on >= ${raw(dialect.addDays('i.inspected_on', String(-REPEAT_WINDOW_DAYS)))}
        AND (i.joint_id IS NULL OR p.joint_id IS NULL OR p.joint_id <> i.joint_id)
    )
    SELECT ${rowColumns({ region: 'i.region_code', agency: 'i.agency_id', officer: 'i.lead_officer_id', id: 'i.id', num: flag('r.id IS NOT NULL') })}
    FROM ins i LEFT JOIN repeated r ON r.id = i.id WHERE ${during('i.inspected_on')}`,
};
