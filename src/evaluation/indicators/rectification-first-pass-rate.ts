// 整改一次通过率: clues closed in the period that were never returned for rework.
import { raw, sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';
import { CLOSED_ON, LOOP_CLUE } from './clue-sql.ts';

export const rectificationFirstPassRate: IndicatorDefinition = {
  code: 'RECTIFY_FIRST_PASS_RATE',
  name: '整改一次通过率',
  group: 'coordination',
  definition: '统计期内销号的交办线索中，整改材料从未被退回、一次审核通过的比例。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 95,
  weight: 3,
  scoring: { kind: 'linear', zeroAt: 60 },
  levels: ['region', 'agency'],
  recordKind: 'clues',
  query: ({ inRegion, during }) => sql`
    SELECT ${rowColumns({
      region: 'c.region_code',
      agency: 'c.agency_id',
      id: 'c.id',
      num: flag("NOT EXISTS (SELECT 1 FROM clue_events r WHERE r.clue_id = c.id AND r.action = 'return')"),
    })}
    FROM clues c WHERE ${inRegion('c')} AND ${raw(LOOP_CLUE)} AND c.status = 'closed' AND ${during(CLOSED_ON)}`,
};
