// 监督模型线索发生率: clues the model library raised in the period per hundred inspections and cases:
// how often the agency's records break a rule a model checks.
import { sql } from '../../store/sql.ts';
import { rowColumns, type IndicatorDefinition } from './indicator.ts';

export const modelClueRate: IndicatorDefinition = {
  code: 'MODEL_CLUE_RATE',
  name: '监督模型线索发生率',
  group: 'effectiveness',
  definition: '统计期内监督模型发现并生成问题线索的数量与同期行政检查、处罚案件数之比（条/百件），反映执法记录触发监督规则的频度。',
  unit: '条/百件',
  direction: 'lower',
  scale: 100,
  target: 1,
  weight: 3,
  scoring: { kind: 'linear', zeroAt: 10 },
  levels: ['region', 'agency'],
  recordKind: 'clues',
  query: ({ inRegion, during }) => sql`
    SELECT ${rowColumns({ region: 'c.region_code', agency: 'c.agency_id', id: 'c.id', num: '1', den: '0' })}
    FROM clues c WHERE ${inRegion('c')} AND c.source = 'model' AND ${during('CAST(c.created_at AS DATE)')}
    UNION ALL
    SELECT ${rowColumns({ region: 't.region_code', agency: 't.agency_id', id: 't.id', num: '0' })}
    FROM inspections t WHERE ${inRegion('t')} AND ${during('t.inspected_on')}
    UNION ALL
    SELECT ${rowColumns({ region: 'c.region_code', agency: 'c.agency_id', id: 'c.id', num: '0' })}
    FROM cases c WHERE ${inRegion('c')} AND ${during('c.filed_on')}`,
};
