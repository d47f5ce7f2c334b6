// 加处罚款超过罚款数额: 行政处罚法 第七十二条 第一款第（一）项 — 到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，
// 加处罚款的数额不得超出罚款的数额; 行政强制法 第四十五条 第二款 — 加处罚款或者滞纳金的数额不得超出金钱给付义务的数额.
// Per fine case, the 加处罚款 its payment records state, summed over those paid by the run's day; records
// that do not state it add nothing (a record silent on it is never read as over the fine).
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { PAID_CASE_COLUMNS, PAID_CASE_NAMES, paidByCase } from './surcharge-fragments.ts';

export const paymentSurchargeOverFine: ModelDefinition = {
  code: 'PAY_SURCHARGE_OVER_FINE',
  name: '加处罚款超过罚款数额',
  description: '罚款案件截至统计日已缴纳的缴款记录中，载明的加处罚款金额合计大于罚款金额；未载明加处罚款金额的缴款记录不计入。',
  category: 'penalty',
  basis: {
    regulationId: 'xingzheng-chufa-fa',
    article: 72,
    note: '第一款第（一）项：加处罚款的数额不得超出罚款的数额；行政强制法 第四十五条 第二款',
  },
  severity: 'high',
  params: [],
  evidenceKind: 'payments',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案罚款{fine_amount}元，{n}笔缴款记录载明的加处罚款合计{surcharge}元，超过罚款数额，可能超出法定上限加处罚款，请核实并说明。',
  groundTruth: { violation: 'surcharge_over_fine', recordKind: 'case' },
  realtime: { kind: 'payments', subjectColumn: 'case_id' },
  query: ({ where, dialect, asOf }) => sql`
    ${paidByCase(dialect, where, asOf)}
    SELECT ${PAID_CASE_COLUMNS}, pd.surcharge
    FROM ${PAID_CASE_NAMES}
    WHERE c.decision = 'fine' AND c.fine_amount > 0 AND pd.surcharge > c.fine_amount`,
};
