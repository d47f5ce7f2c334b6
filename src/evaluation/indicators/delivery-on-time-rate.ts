// 送达及时率: decisions delivered within 7 days (行政处罚法 第六十一条: 行政处罚决定书应当在宣告后当场交付
// 当事人；当事人不在场的，行政机关应当在七日内依照民事诉讼法的有关规定送达当事人).
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const DELIVERY_DAYS = 7;

export const deliveryOnTimeRate: IndicatorDefinition = {
  code: 'DELIVERY_ON_TIME_RATE',
  name: '文书送达及时率',
  group: 'conduct',
  definition: `统计期内作出决定的案件的送达记录中，在决定之日起${DELIVERY_DAYS}日内送达当事人的比例（《行政处罚法》第六十一条）。`,
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 100,
  weight: 3,
  scoring: { kind: 'linear', zeroAt: 90 },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'deliveries',
  query: ({ inRegion, during, dialect }) => sql`
    SELECT ${rowColumns({
      region: 'd.region_code',
      agency: 'c.agency_id',
      officer: 'c.lead_officer_id',
      id: 'd.id',
      num: flag(`d.delivered_on IS NOT NULL AND ${dialect.daysBetween('c.decided_on', 'd.delivered_on')} <= ${DELIVERY_DAYS}`),
    })}
    FROM deliveries d JOIN cases c ON c.id = d.case_id
    WHERE ${inRegion('d')} AND c.decided_on IS NOT NULL AND ${during('c.decided_on')}`,
};
