// 罚没款收缴率: of the fines due in the period (and by the evaluation day), the share of the amount paid.
import { sql } from '../../store/sql.ts';
import { rowColumns, type IndicatorDefinition } from './indicator.ts';

export const fineCollectionRate: IndicatorDefinition = {
  code: 'FINE_COLLECTION_RATE',
  name: '罚没款收缴率',
  group: 'effectiveness',
  definition: '缴款期限在统计期内（且已届满）的罚款中，已缴纳金额占应缴金额的比例。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 100,
  weight: 2,
  scoring: { kind: 'linear', zeroAt: 80 },
  levels: ['region', 'agency'],
  recordKind: 'payments',
  query: ({ inRegion, during, asOf }) => sql`
    SELECT ${rowColumns({
      region: 'p.region_code',
      agency: 'c.agency_id',
      id: 'p.id',
      num: 'CASE WHEN p.paid_on IS NOT NULL THEN p.amount ELSE 0 END',
      den: 'p.amount',
    })}
    FROM payments p JOIN cases c ON c.id = p.case_id
    WHERE ${inRegion('p')} AND ${during('p.due_on')} AND p.due_on < CAST(${asOf} AS DATE)`,
};
