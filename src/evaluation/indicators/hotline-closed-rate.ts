// 12345工单办结率: tickets routed to an agency in the period that it answered or closed.
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const hotlineClosedRate: IndicatorDefinition = {
  code: 'HOTLINE_CLOSED_RATE',
  name: '12345工单办结率',
  group: 'satisfaction',
  definition: '统计期内受理并分派至执法部门的12345热线工单中，已答复或已办结的比例。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 98,
  weight: 2,
  scoring: { kind: 'linear', zeroAt: 80 },
  levels: ['region', 'agency'],
  recordKind: 'hotline_tickets',
  query: ({ inRegion, during }) => sql`
    SELECT ${rowColumns({ region: 'h.region_code', agency: 'h.agency_id', id: 'h.id', num: flag("h.status IN ('answered', 'closed')") })}
    FROM hotline_tickets h WHERE ${inRegion('h')} AND h.agency_id IS NOT NULL AND ${during('CAST(h.received_at AS DATE)')}`,
};
