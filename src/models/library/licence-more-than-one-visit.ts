// 办理许可跑多次: 浙江省保障“最多跑一次”改革规定 第二条 第二款 — “本规定所称‘最多跑一次’，是指自然人、法人和非法人组织
// 向行政机关申请办理一件事，申请材料齐全、符合法定形式的，从提出申请到收到办理结果全程只需一次上门或者零上门。”
// No article of the 规定 states the obligation in the words “应当……只跑一次”: 第二条 defines what the reform
// (第二条 第一款: 在提供行政许可……过程中开展“最多跑一次”改革) promises, and 第四条 the list of items it covers,
// with a 例外事项目录 the province publishes; the item catalogue carries no exception flag, so every licence
// item is judged. A licence whose applicant came more often than the limit (visits > max_visits, default 1).
// Judged only where the record states the visits, and only where the materials were complete: an
// application told to supplement (supplement_count ≥ 1 or a supplement_notified_on) is outside 第二条's
// “申请材料齐全、符合法定形式的”, and the applicant may come again to hand in what was missing.
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';

export const licenceMoreThanOneVisit: ModelDefinition = {
  code: 'LIC_MORE_THAN_ONE_VISIT',
  name: '办理许可跑多次',
  description:
    '行政许可申请记录的申请人到现场次数多于设定的次数（默认1次）。只判断记有到现场次数、且申请材料齐全（补正告知次数为0或未填，且没有一次性告知补正日期）的申请；到现场次数未填的不判断。',
  category: 'licensing',
  basis: {
    regulationId: 'zhejiang-baozhang-zuiduo-pao-yici-gaige-guiding',
    article: 2,
    note: '第二款（“最多跑一次”的含义）；本规定没有逐字写明“应当只跑一次”的义务条款',
  },
  severity: 'low',
  params: [{ name: 'max_visits', label: '最多到现场次数', type: 'integer', default: 1, min: 0, max: 10 }],
  evidenceKind: 'licences',
  explanation:
    '数据显示，申请人申请“{item_name}”（{agency_name}办理，申请日期{applied_on}），申请材料齐全，到现场{visits}次，多于{max_visits}次，可能未落实“最多跑一次”，请核实并说明。',
  groundTruth: { violation: 'licence_more_than_one_visit', recordKind: 'licence' },
  realtime: { kind: 'licences', subjectColumn: 'id' },
  // One licence judged on its own fields (and the working-day calendar): narrowed by the licence.
  incremental: { by: 'id', changes: { licences: 'id' }, names: ['items', 'entities', 'agencies'] },
  query: ({ params, where }) => sql`
    SELECT 'licence' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
           e.name AS subject_name, t.entity_uscc, t.item_code, COALESCE(it.name, t.item_code) AS item_name,
           COALESCE(g.name, t.agency_id) AS agency_name, CAST(t.applied_on AS VARCHAR) AS applied_on, t.visits
    FROM licences t
      LEFT JOIN items it ON it.code = t.item_code
      LEFT JOIN entities e ON e.uscc = t.entity_uscc
      LEFT JOIN agencies g ON g.id = t.agency_id
    WHERE ${where('t')} AND t.visits IS NOT NULL AND t.visits > ${num(params.max_visits)}
      AND COALESCE(t.supplement_count, 0) = 0 AND t.supplement_notified_on IS NULL`,
};
