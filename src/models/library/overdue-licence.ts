// 超期审批: a licence decided later than its statutory time limit, or still pending past it on the
// run's date. The limits (items.time_limit_days) are working days (行政许可法 第八十二条: 以工作日计算，
// 不含法定节假日); the records hold calendar dates and no holiday calendar, so the rule is:
//   overdue ⇔ calendar days from applied_on > ceil(limit × 7 / 5) + holiday_days,
// the working-day limit stretched over weekends, plus the longest run of public holidays that can fall
// inside it (春节 or 国庆, 8 days by default). That gives the agency the benefit of the doubt: a licence
// flagged here is late under any reading. A 10-day extension approved by the agency head (第四十二条) is
// not in the records; the explanation asks the agency to show it.
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';

export const overdueLicence: ModelDefinition = {
  code: 'LIC_OVERDUE',
  name: '超期审批',
  description: '行政许可超过法定办理时限作出决定，或截至当前仍未作出决定且已超过时限。',
  category: 'licensing',
  basis: { regulationId: 'xingzheng-xuke-fa', article: 42, note: '期限以工作日计算，不含法定节假日（第八十二条）' },
  severity: 'medium',
  params: [{ name: 'holiday_days', label: '法定节假日宽限（自然日）', type: 'integer', default: 8, min: 0, max: 30 }],
  evidenceKind: 'licences',
  explanation:
    '“{item_name}”于{applied_on}受理，{status_text}，历时{elapsed_days}个自然日，超过{time_limit_days}个工作日的法定时限（折合{allowed_days}个自然日，已计节假日宽限）；如经批准延长，请补充延长审批材料。',
  groundTruth: { violation: 'licence_overdue', recordKind: 'licence' },
  realtime: { kind: 'licences', subjectColumn: 'id' },
  query: ({ params, where, dialect, asOf }) => {
    const elapsed = raw(dialect.daysBetween('l.applied_on', 'l.end_on'));
    return sql`
      WITH l AS (
        SELECT t.id, t.region_code, t.agency_id, t.entity_uscc, t.item_code, t.applied_on, t.decided_on,
               COALESCE(t.decided_on, CAST(${asOf} AS DATE)) AS end_on,
               it.name AS item_name, it.time_limit_days, CAST(CEIL(it.time_limit_days * 1.4) AS INTEGER) + ${num(params.holiday_days)} AS allowed_days
        FROM licences t JOIN items it ON it.code = t.item_code
        WHERE ${where('t')} AND it.time_limit_days IS NOT NULL AND (t.decided_on IS NOT NULL OR t.result = 'pending')
      ), x AS (
        SELECT l.*, ${elapsed} AS elapsed_days FROM l
      )
      SELECT 'licence' AS subject_kind, x.id AS subject_id, x.region_code, x.agency_id, '' AS window_key, x.id AS evidence_ids,
             e.name AS subject_name, x.entity_uscc, x.item_code, x.item_name, x.time_limit_days, x.allowed_days, x.elapsed_days,
             CAST(x.applied_on AS VARCHAR) AS applied_on, CAST(x.decided_on AS VARCHAR) AS decided_on,
             CASE WHEN x.decided_on IS NULL THEN '截至' || CAST(x.end_on AS VARCHAR) || '仍未作出决定'
                  ELSE '于' || CAST(x.decided_on AS VARCHAR) || '作出决定' END AS status_text
      FROM x LEFT JOIN entities e ON e.uscc = x.entity_uscc
      WHERE x.elapsed_days > x.allowed_days`;
  },
};
