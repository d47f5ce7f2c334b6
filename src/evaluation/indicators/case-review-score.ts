// 案卷评查得分: the mean score (of 100) of the case files reviewed in the period (案卷评查, src/evaluation
// reviews): the reviewers' judgement of 主体、事实与证据、适用法律、程序、文书、裁量.
import { sql } from '../../store/sql.ts';
import { rowColumns, type IndicatorDefinition } from './indicator.ts';

export const caseReviewScore: IndicatorDefinition = {
  code: 'CASE_REVIEW_SCORE',
  name: '案卷评查得分',
  group: 'conduct',
  definition: '统计期内完成评查的行政处罚案卷按评查标准（主体、事实与证据、适用法律、程序、文书、裁量）打分的平均得分（百分制）。',
  unit: '分',
  direction: 'higher',
  scale: 1,
  target: 90,
  weight: 5,
  scoring: { kind: 'linear', zeroAt: 60 },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'review_files',
  query: ({ inRegion, during }) => sql`
    SELECT ${rowColumns({ region: 'f.region_code', agency: 'f.agency_id', officer: 'c.lead_officer_id', id: 'f.id', num: 'f.score' })}
    FROM review_files f LEFT JOIN cases c ON c.id = f.case_id
    WHERE ${inRegion('f')} AND f.status = 'scored' AND ${during('CAST(f.scored_at AS DATE)')}`,
};
