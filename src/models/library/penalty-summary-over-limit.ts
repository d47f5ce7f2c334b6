// 简易程序超出适用范围: a fine decided on the spot (简易程序) above the amount the summary procedure allows.
// 行政处罚法 第五十一条: 对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的行政处罚的，可以
// 当场作出行政处罚决定。法律另有规定的，从其规定. The parties of Kedu's cases are entities with a unified
// social credit code, read as 法人或者其他组织: the limit is 3,000 yuan, a setting (`max_fine`) for a county
// whose items follow another law's limit. Exactly the limit passes. Cases without a procedure are not judged.
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { amountIn } from '../record-tests.ts';
import { CASE_NAMES, CASE_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const penaltySummaryOverLimit: ModelDefinition = {
  code: 'PEN_SUMMARY_OVER_LIMIT',
  name: '简易程序超出适用范围',
  description: '适用程序为简易程序（当场处罚）、作出罚款决定的案件，罚款金额高于设定金额（默认3000元，法人或者其他组织当场罚款的上限）。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 51, note: '当事人按法人或者其他组织计；法律另有规定的从其规定' },
  severity: 'medium',
  params: [{ name: 'max_fine', label: '当场罚款上限（元）', type: 'integer', default: 3000, min: 1, max: 100000 }],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案适用简易程序，于{decided_on}当场决定罚款{fine_amount}元，高于对法人或者其他组织当场罚款的{max_fine}元，可能超出简易程序的适用范围，请核实并说明。',
  groundTruth: { violation: 'summary_over_limit', recordKind: 'case' },
  realtime: {
    kind: 'cases',
    subjectColumn: 'id',
    mayHit: {
      reads: ['procedure', 'decision', 'fine_amount', 'decided_on'],
      test: (r, params) =>
        r.procedure === 'summary' && r.decision === 'fine' && r.decided_on !== null && (amountIn(r, 'fine_amount') ?? 0) > params.max_fine,
    },
  },
  query: ({ params, where, asOf }) => sql`
    SELECT ${CASE_SUBJECT_COLUMNS},
           CAST(c.decided_on AS VARCHAR) AS decided_on, c.fine_amount
    FROM ${CASE_NAMES}
    WHERE ${where('c')} AND c.procedure = 'summary' AND c.decision = 'fine'
      AND c.decided_on IS NOT NULL AND c.decided_on <= CAST(${asOf} AS DATE)
      AND c.fine_amount > ${num(params.max_fine)}`,
};
