// 监督文书按期答复率: advisory and supervision notices whose answer date fell in the period (and has
// passed, or that were answered) answered on time by the addressed agency.
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const noticeAnsweredRate: IndicatorDefinition = {
  code: 'NOTICE_ANSWERED_RATE',
  name: '监督文书按期答复率',
  group: 'coordination',
  definition: '答复期限在统计期内（且已届满或已答复）的监督提示单、执法监督通知书中，执法部门按期书面答复的比例。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 100,
  weight: 3,
  scoring: { kind: 'linear', zeroAt: 60 },
  levels: ['region', 'agency'],
  recordKind: 'notices',
  query: ({ inRegion, during, asOf }) => sql`
    SELECT ${rowColumns({
      region: 'n.region_code',
      agency: 'n.agency_id',
      id: 'n.id',
      num: flag('n.responded_on IS NOT NULL AND n.responded_on <= n.deadline'),
    })}
    FROM notices n
    WHERE ${inRegion('n')} AND n.kind IN ('advisory', 'supervision') AND n.agency_id IS NOT NULL AND n.deadline IS NOT NULL
      AND ${during('n.deadline')} AND (n.deadline < CAST(${asOf} AS DATE) OR n.responded_on IS NOT NULL)`,
};
