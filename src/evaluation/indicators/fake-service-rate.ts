// 假服务真检查反映率: follow-up answers about service visits in which the enterprise says the visit was
// an inspection (the seed: "假服务真检查"等隐蔽线索).
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';
import { followupAnswers } from './followup-subject.ts';

export const fakeServiceRate: IndicatorDefinition = {
  code: 'FAKE_SERVICE_RATE',
  name: '“假服务真检查”反映率',
  group: 'satisfaction',
  definition: '统计期内对服务走访的回访答复中，企业反映该次走访实为检查的比例。',
  unit: '%',
  direction: 'lower',
  scale: 100,
  target: 0,
  weight: 3,
  scoring: { kind: 'linear', zeroAt: 5 },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'followup_answers',
  query: (ctx) => sql`
    WITH ${followupAnswers(ctx, sql`ft.subject_kind = 'service_visit' AND a.says_inspection IS NOT NULL`)}
    SELECT ${rowColumns({ region: 'f.region_code', agency: 'f.agency_id', officer: 'f.officer_id', id: 'f.id', num: flag('f.says_inspection') })}
    FROM fa f`,
};
