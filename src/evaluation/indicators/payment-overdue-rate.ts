// 罚款逾期缴纳率: fines due in the period (and by the evaluation day) paid late or not at all
// (行政处罚法 第六十七条: 当事人应当自收到行政处罚决定书之日起十五日内缴纳罚款).
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const paymentOverdueRate: IndicatorDefinition = {
  code: 'PAYMENT_OVERDUE_RATE',
  name: '罚款逾期缴纳率',
  group: 'effectiveness',
  definition: '缴款期限在统计期内（且已届满）的罚款中，逾期缴纳或尚未缴纳的笔数所占比例（《行政处罚法》第六十七条）。',
  unit: '%',
  direction: 'lower',
  scale: 100,
  target: 0,
  weight: 2,
  scoring: { kind: 'linear', zeroAt: 10 },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'payments',
  query: ({ inRegion, during, asOf }) => sql`
    SELECT ${rowColumns({
      region: 'p.region_code',
      agency: 'c.agency_id',
      officer: 'c.lead_officer_id',
      id: 'p.id',
      num: flag('p.paid_on IS NULL OR p.paid_on > p.due_on'),
    })}
    FROM payments p JOIN cases c ON c.id = p.case_id
    WHERE ${inRegion('p')} AND ${during('p.due_on')} AND p.due_on < CAST(${asOf} AS DATE)`,
};
