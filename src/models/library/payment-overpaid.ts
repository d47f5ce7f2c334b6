// 实缴金额超过应缴金额: what a fine case can lawfully cost the party is the fine plus 加处罚款 of at most the
// fine (行政处罚法 第七十二条 第一款第（一）项). A payment's `amount` is the whole sum paid, its `surcharge` the
// 加处罚款 in it; amount − surcharge is the fine paid. A hit when the fine paid — over the records paid by
// the run's day — is more than the fine, read so that a record silent on 加处罚款 never makes a hit it
// would not make were its 加处罚款 the most the law allows: the records that do not state it are taken
// to hold 加处罚款 up to the fine less the 加处罚款 the others state. With every record stating it, the rule
// is amount − 加处罚款 summed > the fine; with none, amount summed > twice the fine.
import { raw, sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { dialectSql } from './sql-fragments.ts';
import { PAID_CASE_COLUMNS, PAID_CASE_NAMES, paidByCase } from './surcharge-fragments.ts';

export const paymentOverpaid: ModelDefinition = {
  code: 'PAY_OVERPAID',
  name: '实缴金额超过应缴金额',
  description:
    '罚款案件截至统计日已缴纳的缴款金额合计，扣除加处罚款后仍大于罚款金额；载明加处罚款金额的按载明的扣除，未载明的按法定上限扣除（罚款金额减去其他记录载明的加处罚款），即全部未载明时缴款合计大于罚款金额的两倍。',
  category: 'penalty',
  basis: {
    regulationId: 'xingzheng-chufa-fa',
    article: 72,
    note: '应缴金额为罚款金额加第一款第（一）项的加处罚款，加处罚款不得超出罚款的数额',
  },
  severity: 'medium',
  params: [],
  evidenceKind: 'payments',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案罚款{fine_amount}元，{n}笔缴款记录合计{paid}元，{surcharge_text}，扣除加处罚款后缴纳的罚款至少{principal}元，多于罚款数额，可能重复收缴或多收，请核实并说明。',
  groundTruth: { violation: 'payment_overpaid', recordKind: 'case' },
  realtime: { kind: 'payments', subjectColumn: 'case_id' },
  query: ({ where, dialect, asOf }) => {
    // The fine paid at the least: the stated part, plus what the silent records hold beyond the 加处罚款 still lawful.
    const principal = sql`(pd.principal + GREATEST(pd.unstated - GREATEST(c.fine_amount - COALESCE(pd.surcharge, 0), 0), 0))`;
    const yuan = (e: string) => dialectSql(dialect.formatNumber, raw(e));
    return sql`
    ${paidByCase(dialect, where, asOf)}
    SELECT ${PAID_CASE_COLUMNS},
           CASE WHEN pd.unstated = 0 THEN '其中载明加处罚款' || ${yuan('COALESCE(pd.surcharge, 0)')} || '元'
                WHEN pd.surcharge IS NULL THEN '均未载明加处罚款（按至多罚款数额计）'
                ELSE '其中载明加处罚款' || ${yuan('pd.surcharge')} || '元，另有' || ${yuan('pd.unstated')} || '元未载明加处罚款（按法定上限计）' END AS surcharge_text,
           CAST(${principal} AS DECIMAL(14, 2)) AS principal
    FROM ${PAID_CASE_NAMES}
    WHERE c.decision = 'fine' AND c.fine_amount > 0 AND ${principal} > c.fine_amount`;
  },
};
