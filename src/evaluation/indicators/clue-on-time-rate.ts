// 线索按期办结率: clues whose deadline fell in the period (and has passed, or that are closed) closed on
// or before the deadline — the 发现 → 交办 → 整改 → 销号 loop's own measure.
import { raw, sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';
import { CLOSED_ON, LOOP_CLUE } from './clue-sql.ts';

export const clueOnTimeRate: IndicatorDefinition = {
  code: 'CLUE_ON_TIME_RATE',
  name: '线索按期办结率',
  group: 'coordination',
  definition: '整改期限在统计期内（且已届满或已销号）的交办线索中，在期限内销号的比例。已排除、已移送纪检监察的线索和并案的成员线索不计。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 100,
  weight: 4,
  scoring: { kind: 'linear', zeroAt: 70 },
  levels: ['region', 'agency'],
  recordKind: 'clues',
  query: ({ inRegion, during, asOf }) => sql`
    SELECT ${rowColumns({
      region: 'c.region_code',
      agency: 'c.agency_id',
      id: 'c.id',
      num: flag(`c.status = 'closed' AND ${CLOSED_ON} <= c.deadline`),
    })}
    FROM clues c
    WHERE ${inRegion('c')} AND ${raw(LOOP_CLUE)} AND c.deadline IS NOT NULL AND ${during('c.deadline')}
      AND (c.deadline < CAST(${asOf} AS DATE) OR c.status = 'closed')`,
};
