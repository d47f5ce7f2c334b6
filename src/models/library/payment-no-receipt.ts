// 当场收缴罚款无专用票据记录: an on-the-spot collection whose record names no 专用票据 (行政处罚法 第七十条:
// 当场收缴罚款的，必须向当事人出具…财政部门统一制发的专用票据).
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { PAYMENT_NAMES, PAYMENT_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const paymentNoReceipt: ModelDefinition = {
  code: 'PAY_NO_RECEIPT',
  name: '当场收缴罚款无专用票据记录',
  description: '缴款方式为当场收缴、专用票据号为空的罚款。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 70 },
  severity: 'medium',
  params: [],
  evidenceKind: 'payments',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案罚款{amount}元由执法人员{collected_by}于{paid_on}当场收缴，记录中没有专用票据号码，可能未出具财政部门统一制发的专用票据，请核实并说明。',
  groundTruth: { violation: 'payment_no_receipt', recordKind: 'payment' },
  realtime: { kind: 'payments', subjectColumn: 'id' },
  incremental: { by: 'id', changes: { payments: 'id' }, names: ['cases', 'entities', 'items'] },
  query: ({ where }) => sql`
    SELECT ${PAYMENT_SUBJECT_COLUMNS}
    FROM ${PAYMENT_NAMES}
    WHERE ${where('p')} AND p.method = 'on_spot' AND COALESCE(TRIM(p.receipt_no), '') = ''`,
};
