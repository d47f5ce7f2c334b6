// 告知承诺许可未按期核查: a licence granted on the applicant's written commitment (行政许可告知承诺制)
// that the licensing agency did not check within 60 working days of the decision (浙江省保障"最多跑一次"
// 改革规定 第十四条 第二款: 行政机关应当自作出行政许可决定的六十个工作日内…对被许可人是否达到许可条件
// 进行检查和验收), as the licence records it (verified_on). Licences granted the ordinary way are not judged: an
// agency may supervise them by checking materials (行政许可法 第六十一条), so no inspection is no breach.
// Judged once the period has run out on the run's date.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { workdayDeadlineSql, workdaysLateSql } from '../window.ts';

export const unsupervisedLicence: ModelDefinition = {
  code: 'LIC_NO_SUPERVISION',
  name: '告知承诺许可未按期核查',
  description:
    '以告知承诺方式准予的行政许可，作出决定后设定的工作日内（默认六十个工作日）没有核查验收记录（核查验收日期为空或晚于该期限）。',
  category: 'licensing',
  basis: { regulationId: 'zhejiang-baozhang-zuiduo-pao-yici-gaige-guiding', article: 14 },
  severity: 'medium',
  params: [{ name: 'window_days', label: '核查期限（工作日）', type: 'integer', default: 60, min: 1, max: 250 }],
  evidenceKind: 'licences',
  explanation:
    '数据显示，该企业于{decided_on}以告知承诺方式取得{agency_name}准予的“{item_name}”，至{deadline}（{window_days}个工作日）没有核查验收记录{verified_text}，可能未按期核查是否达到许可条件，请核实并说明。',
  groundTruth: { violation: 'commitment_unverified', recordKind: 'licence' },
  realtime: { kind: 'licences', subjectColumn: 'id' },
  query: ({ params, where, asOf }) => {
    const deadline = workdayDeadlineSql(sql`t.decided_on`, params.window_days);
    return sql`
      WITH t AS (
        SELECT t.*, ${deadline} AS until_text FROM licences t
        WHERE ${where('t')} AND t.commitment = TRUE AND t.result = 'granted' AND t.decided_on IS NOT NULL
          AND ${workdaysLateSql(sql`t.decided_on`, sql`CAST(${asOf} AS DATE)`, params.window_days)}
          AND (t.verified_on IS NULL OR ${workdaysLateSql(sql`t.decided_on`, sql`t.verified_on`, params.window_days)})
      )
      SELECT 'licence' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
             e.name AS subject_name, t.entity_uscc, t.item_code, COALESCE(it.name, t.item_code) AS item_name,
             COALESCE(g.name, t.agency_id) AS agency_name, CAST(t.decided_on AS VARCHAR) AS decided_on, t.until_text AS deadline,
             CASE WHEN t.verified_on IS NULL THEN '' ELSE '（核查验收记录日期为' || CAST(t.verified_on AS VARCHAR) || '）' END AS verified_text
      FROM t
        LEFT JOIN items it ON it.code = t.item_code
        LEFT JOIN entities e ON e.uscc = t.entity_uscc
        LEFT JOIN agencies g ON g.id = t.agency_id`;
  },
};
