// 超期审批: a licence decided after its time limit, or still pending past it on the run's date. The
// limit is in working days (行政许可法 第八十二条), counted on the working-day calendar
// (src/models/window.ts) from the day after acceptance (applied_on):
//   - the item's statutory limit (items.time_limit_days, 第四十二条), plus an extension the agency head
//     approved (extended_days, 第四十二条: up to ten days);
//   - or the agency's own promise (承诺期限, promised_days) when shorter: 浙江省保障"最多跑一次"改革规定
//     第十二条 binds the agency to a promise below the statutory limit;
//   - plus the time 第四十五条 takes out of the count (听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审:
//     excluded_days, in working days).
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { workdayDeadlineSql, workdaysLateSql, workdaysSql } from '../window.ts';

export const overdueLicence: ModelDefinition = {
  code: 'LIC_OVERDUE',
  name: '超期审批',
  description:
    '行政许可在办理时限之后才作出决定，或截至统计日已超过时限仍未决定。时限按工作日计（法定节假日不计），取法定时限加经批准的延长天数与承诺时限二者中较短者，再加依法不计入期限的听证、检验检测、专家评审等天数。',
  category: 'licensing',
  basis: {
    regulationId: 'xingzheng-xuke-fa',
    article: 42,
    note: '期限以工作日计算（第八十二条），听证、检验检测等时间不计入（第四十五条）；承诺期限见《浙江省保障“最多跑一次”改革规定》第十二条',
  },
  severity: 'medium',
  params: [],
  evidenceKind: 'licences',
  explanation:
    '数据显示，“{item_name}”于{applied_on}受理，{status_text}，用时{used_days}个工作日，超过{allowed_days}个工作日的办理时限（{limit_text}，至{deadline}），可能超期审批，请核实并说明。',
  groundTruth: { violation: 'licence_overdue', recordKind: 'licence' },
  realtime: { kind: 'licences', subjectColumn: 'id' },
  query: ({ where, asOf }) => {
    const end = sql`COALESCE(l.decided_on, CAST(${asOf} AS DATE))`;
    return sql`
      WITH l AS (
        SELECT t.id, t.region_code, t.agency_id, t.entity_uscc, t.item_code, t.applied_on, t.decided_on, it.name AS item_name,
               it.time_limit_days, t.promised_days, COALESCE(t.extended_days, 0) AS extended_days, COALESCE(t.excluded_days, 0) AS excluded_days,
               CASE WHEN t.promised_days IS NOT NULL AND t.promised_days < it.time_limit_days + COALESCE(t.extended_days, 0)
                    THEN t.promised_days ELSE it.time_limit_days + COALESCE(t.extended_days, 0) END + COALESCE(t.excluded_days, 0) AS allowed_days
        FROM licences t JOIN items it ON it.code = t.item_code
        WHERE ${where('t')} AND it.time_limit_days IS NOT NULL AND (t.decided_on IS NOT NULL OR t.result = 'pending')
      ), x AS (
        SELECT l.* FROM l WHERE ${workdaysLateSql(sql`l.applied_on`, end, sql`l.allowed_days`)}
      )
      SELECT 'licence' AS subject_kind, x.id AS subject_id, x.region_code, x.agency_id, '' AS window_key, x.id AS evidence_ids,
             e.name AS subject_name, x.entity_uscc, x.item_code, x.item_name, x.time_limit_days, x.allowed_days,
             CAST(${workdaysSql(sql`x.applied_on`, sql`COALESCE(x.decided_on, CAST(${asOf} AS DATE))`)} AS INTEGER) AS used_days,
             CAST(x.applied_on AS VARCHAR) AS applied_on, CAST(x.decided_on AS VARCHAR) AS decided_on,
             ${workdayDeadlineSql(sql`x.applied_on`, sql`x.allowed_days`)} AS deadline,
             CASE WHEN x.promised_days IS NOT NULL AND x.promised_days < x.time_limit_days + x.extended_days
                  THEN '承诺时限' || CAST(x.promised_days AS VARCHAR) || '个工作日'
                  ELSE '法定时限' || CAST(x.time_limit_days AS VARCHAR) || '个工作日'
                    || CASE WHEN x.extended_days > 0 THEN '，经批准延长' || CAST(x.extended_days AS VARCHAR) || '个工作日' ELSE '' END END
               || CASE WHEN x.excluded_days > 0 THEN '，另有' || CAST(x.excluded_days AS VARCHAR) || '个工作日依法不计入' ELSE '' END AS limit_text,
             CASE WHEN x.decided_on IS NULL THEN '截至' || CAST(CAST(${asOf} AS DATE) AS VARCHAR) || '仍未作出决定'
                  ELSE '于' || CAST(x.decided_on AS VARCHAR) || '作出决定' END AS status_text
      FROM x LEFT JOIN entities e ON e.uscc = x.entity_uscc`;
  },
};
