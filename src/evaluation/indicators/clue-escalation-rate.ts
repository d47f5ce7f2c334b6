// 线索逾期升级率: clues whose deadline fell in the period that rose to a higher level for being
// overdue (the escalation of the clue loop: county → city → province).
import { raw, sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';
import { LOOP_CLUE } from './clue-sql.ts';

export const clueEscalationRate: IndicatorDefinition = {
  code: 'CLUE_ESCALATION_RATE',
  name: '线索逾期升级率',
  group: 'coordination',
  definition: '整改期限在统计期内的交办线索中，因逾期未办结被提级督办（县→市→省）的比例。',
  unit: '%',
  direction: 'lower',
  scale: 100,
  target: 0,
  weight: 3,
  scoring: { kind: 'linear', zeroAt: 20 },
  levels: ['region', 'agency'],
  recordKind: 'clues',
  query: ({ inRegion, during }) => sql`
    SELECT ${rowColumns({
      region: 'c.region_code',
      agency: 'c.agency_id',
      id: 'c.id',
      num: flag("EXISTS (SELECT 1 FROM clue_events x WHERE x.clue_id = c.id AND x.action = 'escalate')"),
    })}
    FROM clues c WHERE ${inRegion('c')} AND ${raw(LOOP_CLUE)} AND c.deadline IS NOT NULL AND ${during('c.deadline')}`,
};
