// 纠错后未撤回公开决定: a penalty decision that a reconsideration or a court revoked, changed or
// confirmed illegal (or void), which the agency has not withdrawn from publication within three working
// days. 行政处罚法 第四十八条 第二款: 公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，行政机关
// 应当在三日内撤回行政处罚决定信息并公开说明理由; the 三日 are working days (第八十五条), counted on the
// working-day calendar from the day the outcome took effect (src/models/window.ts). The records do not
// say whether the decision was published (第一款: 具有一定社会影响的): the clue asks. A withdrawal before
// the outcome (the agency corrected itself during the review) is in time.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { workdayDeadlineSql, workdaysLateSql } from '../window.ts';
import { outcomeLabel, REVIEW_NAMES, REVIEW_SUBJECT_COLUMNS, routeLabel } from './sql-fragments.ts';

export const reviewNotWithdrawn: ModelDefinition = {
  code: 'REV_NOT_WITHDRAWN',
  name: '纠错后未撤回公开决定',
  description:
    '行政复议或行政诉讼撤销、变更原处罚决定或者确认其违法（无效），生效后超过规定的工作日（默认三个工作日，法定节假日不计）仍未撤回处罚决定信息，或者超过期限才撤回；尚未撤回的以统计日计。记录不载明原决定是否公开，由被监督部门说明。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 48, note: '第二款；“三日”为工作日，不含法定节假日（第八十五条）' },
  severity: 'medium',
  params: [{ name: 'limit_days', label: '撤回期限（工作日）', type: 'integer', default: 3, min: 1, max: 30 }],
  evidenceKind: 'review_outcomes',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案的处罚决定经{route_label}于{decided_on}被{outcome_label}，{state}，晚于{limit_days}个工作日的撤回期限（{deadline}），如该决定已公开，可能未及时撤回处罚决定信息并说明理由，请核实并说明。',
  groundTruth: { violation: 'review_not_withdrawn', recordKind: 'review_outcome' },
  realtime: { kind: 'review_outcomes', subjectColumn: 'id' },
  query: ({ params, where, asOf }) => {
    const act = sql`COALESCE(r.case_withdrawn_on, CAST(${asOf} AS DATE))`;
    return sql`
    SELECT ${REVIEW_SUBJECT_COLUMNS}, CAST(r.decided_on AS VARCHAR) AS decided_on, ${outcomeLabel('r.outcome')} AS outcome_label,
           ${routeLabel('r.route')} AS route_label,
           CASE WHEN r.case_withdrawn_on IS NULL THEN '截至' || CAST(CAST(${asOf} AS DATE) AS VARCHAR) || '仍未撤回'
                ELSE '于' || CAST(r.case_withdrawn_on AS VARCHAR) || '撤回' END AS state,
           ${workdayDeadlineSql(sql`r.decided_on`, params.limit_days)} AS deadline
    FROM ${REVIEW_NAMES}
    WHERE ${where('r')} AND r.outcome IN ('revoked', 'changed', 'confirmed_illegal')
      AND r.decided_on IS NOT NULL AND r.decided_on <= CAST(${asOf} AS DATE)
      AND ${workdaysLateSql(sql`r.decided_on`, act, params.limit_days)}`;
  },
};
