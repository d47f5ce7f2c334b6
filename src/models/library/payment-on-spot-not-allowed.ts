// 超出当场收缴情形收缴罚款: a fine collected on the spot above the amount 行政处罚法 第六十八条 allows
// (依法给予一百元以下罚款; 以下 includes the amount itself, so 100 yuan may be collected, 100.01 not). What
// the article measures is the fine decided, not what was handed over: a part of a 500-yuan fine
// collected on the spot is outside it, and 加处罚款 on top of a fine of 100 does not put it outside. The
// case's fine_amount is read where the payment names a case Kedu holds, the payment's amount otherwise
// (a case not yet arrived). The
// article's other case (不当场收缴事后难以执行) and 第六十九条 (边远、水上、交通不便地区, at the party's request)
// are not in the records: the clue asks the agency to say whether one applied. 第六十七条: otherwise the
// agency and its officers collect no fine themselves.
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { PAYMENT_NAMES, PAYMENT_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const paymentOnSpotNotAllowed: ModelDefinition = {
  code: 'PAY_ON_SPOT_NOT_ALLOWED',
  name: '超出当场收缴情形收缴罚款',
  description:
    '缴款方式为当场收缴、所缴案件的罚款决定金额高于设定金额（默认100元；第六十八条“一百元以下”含一百元）的罚款：按案件记录的罚款金额判断（部分当场收缴的也命中，加处罚款不计入），找不到案件记录的按本次缴款金额判断。记录不能显示“不当场收缴事后难以执行”（第六十八条第二项）或边远、水上、交通不便地区经当事人提出（第六十九条），命中的需由执法部门说明是否为这些情形。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 68, note: '另见第六十七条（罚缴分离）、第六十九条（边远、水上、交通不便地区）' },
  severity: 'medium',
  params: [{ name: 'max_amount', label: '可当场收缴的罚款金额上限（元）', type: 'integer', default: 100, min: 1, max: 100000 }],
  evidenceKind: 'payments',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案罚款{fine_text}，由执法人员{collected_by}于{paid_on}当场收缴{amount}元，罚款高于{max_amount}元，记录未载明不当场收缴事后难以执行或地处边远、水上、交通不便地区，可能超出可以当场收缴的情形，请核实并说明。',
  groundTruth: { violation: 'payment_on_spot_not_allowed', recordKind: 'payment' },
  realtime: { kind: 'payments', subjectColumn: 'id' },
  // The case's fine is in the condition: a case changed makes the run full (src/models/incremental.ts).
  incremental: { by: 'id', changes: { payments: 'id' }, names: ['entities', 'items'] },
  query: ({ params, where }) => sql`
    SELECT ${PAYMENT_SUBJECT_COLUMNS},
           CASE WHEN c.fine_amount IS NULL THEN '（未找到案件记录，按缴款金额计）'
                ELSE CAST(c.fine_amount AS VARCHAR) || '元' END AS fine_text
    FROM ${PAYMENT_NAMES}
    WHERE ${where('p')} AND p.method = 'on_spot' AND COALESCE(c.fine_amount, p.amount) > ${num(params.max_amount)}`,
};
