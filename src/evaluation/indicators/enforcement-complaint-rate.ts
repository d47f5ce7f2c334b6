// 涉执法投诉率: 12345 tickets about how an agency enforces (the categories and words by which the clue
// intake takes a ticket as a clue: HOTLINE_ENFORCEMENT), per hundred inspections and cases of the agency.
import { sql, joinSql } from '../../store/sql.ts';
import { HOTLINE_ENFORCEMENT } from '../../clues/settings.ts';
import { rowColumns, type IndicatorDefinition } from './indicator.ts';

export const enforcementComplaintRate: IndicatorDefinition = {
  code: 'ENFORCEMENT_COMPLAINT_RATE',
  name: '涉执法投诉率',
  group: 'satisfaction',
  definition:
    '统计期内反映执法行为（如重复检查、乱罚款、执法态度）的12345工单数与同期行政检查、处罚案件数之比（件/百件）；工单按受理分类或内容关键词识别，与问题线索受理规则一致。',
  unit: '件/百件',
  direction: 'lower',
  scale: 100,
  target: 0.5,
  weight: 3,
  scoring: { kind: 'linear', zeroAt: 5 },
  levels: ['region', 'agency'],
  recordKind: 'hotline_tickets',
  query: ({ inRegion, during }) => {
    const categories = joinSql(
      HOTLINE_ENFORCEMENT.categories.map((c) => sql`${c}`),
      ', ',
    );
    const words = joinSql(
      HOTLINE_ENFORCEMENT.keywords.map((k) => sql`h.content LIKE ${'%' + k + '%'}`),
      ' OR ',
    );
    return sql`
      SELECT ${rowColumns({ region: 'h.region_code', agency: 'h.agency_id', id: 'h.id', num: '1', den: '0' })}
      FROM hotline_tickets h
      WHERE ${inRegion('h')} AND h.agency_id IS NOT NULL AND ${during('CAST(h.received_at AS DATE)')}
        AND (h.category IN (${categories}) OR ${words})
      UNION ALL
      SELECT ${rowColumns({ region: 't.region_code', agency: 't.agency_id', id: 't.id', num: '0' })}
      FROM inspections t WHERE ${inRegion('t')} AND ${during('t.inspected_on')}
      UNION ALL
      SELECT ${rowColumns({ region: 'c.region_code', agency: 'c.agency_id', id: 'c.id', num: '0' })}
      FROM cases c WHERE ${inRegion('c')} AND ${during('c.filed_on')}`;
  },
};
