// 线索反复退回: a clue whose rectification the supervisors have sent back N times or more — the agency is
// not fixing the matter. Counts the 'return' events of the clue's timeline.
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { CLUE_SUBJECT_COLUMNS, LIVE_CLUE } from './sql-fragments.ts';

export const closureReturnedRepeatedly: ModelDefinition = {
  code: 'CLO_RETURNED_REPEATEDLY',
  name: '整改反复退回',
  description: '问题线索的整改结果被退回的次数达到设定阈值。',
  category: 'closure',
  basis: { regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli', article: 34 },
  severity: 'medium',
  params: [{ name: 'min_returns', label: '退回次数阈值', type: 'integer', default: 2, min: 1, max: 20 }],
  evidenceKind: 'clues',
  explanation:
    '数据显示，线索“{subject_name}”（承办部门：{agency_name}）的整改结果已被退回{return_count}次（阈值{min_returns}次），最近一次退回于{last_returned_on}（当前状态：{status_label}），整改可能不到位，请核实并说明。',
  query: ({ params, where }) => sql`
    WITH r AS (
      SELECT ev.clue_id, count(*) AS return_count, max(ev.occurred_at) AS last_returned_at
      FROM clue_events ev WHERE ev.action = 'return' GROUP BY ev.clue_id HAVING count(*) >= ${num(params.min_returns)}
    )
    SELECT ${CLUE_SUBJECT_COLUMNS}, '' AS window_key, COALESCE(a.name, c.agency_id, '未指定') AS agency_name,
           CAST(r.return_count AS INTEGER) AS return_count, CAST(CAST(r.last_returned_at AS DATE) AS VARCHAR) AS last_returned_on
    FROM clues c JOIN r ON r.clue_id = c.id LEFT JOIN agencies a ON a.id = c.agency_id
    WHERE ${where('c')} AND ${LIVE_CLUE}`,
};
