// 回访满意度: follow-up answers of the period rating the enforcement 4 or 5 (of 5): the "后陈式" 回访's
// measure of 群众满意度 (the seed: 执法效能和群众满意度的同步提升).
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';
import { followupAnswers } from './followup-subject.ts';

export const followupSatisfaction: IndicatorDefinition = {
  code: 'FOLLOWUP_SATISFACTION',
  name: '回访满意度',
  group: 'satisfaction',
  definition:
    '统计期内回访（云调研、差异访、双随机）中给出满意度评价的答复里，评价为“满意”或“非常满意”（5分制4分及以上）的比例；按被回访的检查、案件或服务走访归属到执法部门和主办人员。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 95,
  weight: 5,
  scoring: { kind: 'linear', zeroAt: 60 },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'followup_answers',
  query: (ctx) => sql`
    WITH ${followupAnswers(ctx, sql`a.satisfaction IS NOT NULL`)}
    SELECT ${rowColumns({ region: 'f.region_code', agency: 'f.agency_id', officer: 'f.officer_id', id: 'f.id', num: flag('f.satisfaction >= 4') })}
    FROM fa f`,
};
