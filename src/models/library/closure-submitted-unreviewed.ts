// 整改结果超期未审核: a clue whose agency submitted its rectification, and the supervisors have neither
// closed it nor returned it N days later. The submission time is the clue's last 'submitted' event
// (its last update when the timeline has none).
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { CLUE_SUBJECT_COLUMNS, LIVE_CLUE, clueDays } from './sql-fragments.ts';

export const closureSubmittedUnreviewed: ModelDefinition = {
  code: 'CLO_SUBMITTED_UNREVIEWED',
  name: '整改结果超期未审核',
  description: '承办部门提交整改结果后超过设定天数，监督机构仍未审核销号或退回。',
  category: 'closure',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 75 },
  severity: 'low',
  params: [{ name: 'max_days', label: '审核期限（天）', type: 'integer', default: 7, min: 1, max: 90 }],
  evidenceKind: 'clues',
  explanation:
    '数据显示，线索“{subject_name}”的整改结果于{submitted_on}提交，至{as_of}已{days}天（超过{max_days}天）未审核销号或退回，请核实并说明。',
  query: ({ params, where, dialect, asOf }) => {
    const days = clueDays(dialect, sql`c.submitted_at`, asOf);
    return sql`
    WITH s AS (
      SELECT c.*, COALESCE((SELECT max(ev.occurred_at) FROM clue_events ev WHERE ev.clue_id = c.id AND ev.to_status = 'submitted'), c.updated_at) AS submitted_at
      FROM clues c
      WHERE ${where('c')} AND ${LIVE_CLUE} AND c.status = 'submitted'
    )
    SELECT ${CLUE_SUBJECT_COLUMNS}, CAST(CAST(c.submitted_at AS DATE) AS VARCHAR) AS window_key,
           CAST(CAST(c.submitted_at AS DATE) AS VARCHAR) AS submitted_on, CAST(CAST(${asOf} AS DATE) AS VARCHAR) AS as_of, CAST(${days} AS INTEGER) AS days
    FROM s c
    WHERE ${days} > ${num(params.max_days)}`;
  },
};
