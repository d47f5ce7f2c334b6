// 应移送未移送 (行刑衔接, 以罚代刑): a case whose amount involved (涉案金额/违法经营额) reaches the amount the
// county sets for a possible crime, decided with a fine or a warning, with no transfer to the police.
// 行政执法机关移送涉嫌犯罪案件的规定 第三条: an agency that finds that the amount, the circumstances or the
// consequences of a violation may make it a crime 必须依照本规定向公安机关移送; 第十一条: 不得以行政处罚代替
// 移送 (a fine on such a case without a transfer is this same hit, not a second model); 行政处罚法 第二十七条
// says the same. The amount is not an article: the thresholds are those of the 立案追诉标准 of the
// Supreme People's Procuratorate and the Ministry of Public Security, which differ by offence and are not
// in the corpus; the county sets `threshold` (per region group) from the standard that applies to its
// items, and the explanation asks the agency to check it. A penalty decided before a transfer stands (第十一条
// 第二款、第三款), so a case transferred on any day passes. 第五条's 24 hours run from the approval of a
// transfer, a day the records do not carry: no time limit is judged.
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { CASE_NAMES, CASE_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const caseNotTransferred: ModelDefinition = {
  code: 'CASE_NOT_TRANSFERRED',
  name: '达到移送金额的案件未移送公安机关',
  description:
    '涉案金额达到设定的移送金额（默认5万元；各县按所涉罪名适用的立案追诉标准设定，此金额不是法律条文）的案件，已作出罚款或警告决定，移送公安机关日期为空。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-zhifa-jiguan-yisong-shexian-fanzui-anjian-guiding', article: 11 },
  severity: 'high',
  params: [
    { name: 'threshold', label: '移送金额下限（元，按适用的立案追诉标准设定）', type: 'integer', default: 50000, min: 1, max: 100000000 },
  ],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案涉案金额为{amount_involved}元（达到设定的移送金额{threshold}元），于{decided_on}作出{decision_label}决定，记录中没有移送公安机关的日期，可能应当移送公安机关而未移送、以行政处罚代替移送，请核实是否达到适用的立案追诉标准及移送情况并说明。',
  groundTruth: { violation: 'case_not_transferred', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id' },
  incremental: { by: 'id', changes: { cases: 'id' }, names: ['entities', 'items'] },
  query: ({ params, where }) => sql`
    SELECT ${CASE_SUBJECT_COLUMNS},
           c.amount_involved, CAST(c.decided_on AS VARCHAR) AS decided_on,
           CASE c.decision WHEN 'fine' THEN '罚款' ELSE '警告' END AS decision_label
    FROM ${CASE_NAMES}
    WHERE ${where('c')} AND c.decision IN ('fine', 'warning') AND c.decided_on IS NOT NULL
      AND c.amount_involved >= ${num(params.threshold)} AND c.transferred_on IS NULL`,
};
