// 罚款未缴清即结案: 行政处罚法 第六十六条 第一款 — 行政处罚决定依法作出后，当事人应当在行政处罚决定书载明的期限内，
// 予以履行. A fine case marked closed whose payment records paid by the run's day, less the 加处罚款 they
// state, add up to less than the fine. A record silent on 加处罚款 counts whole as fine paid: that can only
// hide a shortfall, never make one. Left out: a case the agency applied to the court to enforce
// (court_applied_on), and one whose 复议 or 诉讼 changed it, revoked it, confirmed it unlawful or ended in
// a settlement (review_outcomes). A possibility only: 第六十六条 第二款 allows 延期 or 分期 on approval, and a
// reduction or an approval may not be in the data.
import { raw, sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { CASE_SUBJECT_COLUMNS, dialectSql } from './sql-fragments.ts';
import { amountIn } from '../record-tests.ts';

/** Review outcomes after which the fine as decided may no longer be owed. */
const ALTERED = ['changed', 'revoked', 'confirmed_illegal', 'settled'];

export const penaltyClosedUnpaid: ModelDefinition = {
  code: 'PEN_CLOSED_UNPAID',
  name: '罚款未缴清即结案',
  description:
    '决定罚款、状态为已结案的案件，截至统计日已缴纳的缴款金额合计（扣除载明的加处罚款；未载明的全部计为罚款）小于罚款金额（含没有缴款记录的）；已申请人民法院强制执行的，或复议、诉讼结果为变更、撤销、确认违法或调解的不计。',
  category: 'penalty',
  basis: {
    regulationId: 'xingzheng-chufa-fa',
    article: 66,
    note: '第一款：当事人应当在行政处罚决定书载明的期限内予以履行；第二款的延期、分期缴纳经批准的，数据中可能没有记录',
  },
  severity: 'low',
  params: [],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案罚款{fine_amount}元，案件已结案，截至{as_of}{paid_text}，少于罚款数额，且没有申请人民法院强制执行或复议、诉讼变更撤销的记录，可能罚款未缴清即结案，也可能经批准延期、分期缴纳或减免而数据未记录，请核实并说明。',
  groundTruth: { violation: 'closed_unpaid', recordKind: 'case' },
  realtime: {
    kind: 'cases',
    subjectColumn: 'id',
    mayHit: {
      reads: ['status', 'decision', 'fine_amount', 'court_applied_on'],
      test: (r) => r.status === 'closed' && r.decision === 'fine' && (amountIn(r, 'fine_amount') ?? 0) > 0 && r.court_applied_on === null,
    },
  },
  query: ({ where, dialect, asOf }) => sql`
    WITH pd AS (
      SELECT c.id, sum(p.amount - COALESCE(p.surcharge, 0)) AS paid, count(*) AS n
      FROM cases c JOIN payments p ON p.county_code = c.county_code AND p.case_id = c.id
      WHERE ${where('c')} AND c.status = 'closed' AND c.decision = 'fine' AND p.paid_on IS NOT NULL
        AND p.paid_on <= CAST(${asOf} AS DATE)
      GROUP BY c.id
    ), rv AS (
      SELECT DISTINCT c.id
      FROM cases c JOIN review_outcomes r ON r.county_code = c.county_code AND r.case_id = c.id
      WHERE ${where('c')} AND c.status = 'closed' AND c.decision = 'fine' AND r.outcome IN (${raw(ALTERED.map((o) => `'${o}'`).join(', '))})
    )
    SELECT ${CASE_SUBJECT_COLUMNS}, c.fine_amount, CAST(CAST(${asOf} AS DATE) AS VARCHAR) AS as_of,
           CASE WHEN pd.paid IS NULL THEN '没有缴款记录'
                ELSE '，' || CAST(pd.n AS VARCHAR) || '笔缴款记录扣除加处罚款后合计' || ${dialectSql(dialect.formatNumber, raw('pd.paid'))} || '元' END AS paid_text
    FROM cases c LEFT JOIN entities e ON e.uscc = c.entity_uscc LEFT JOIN items i ON i.code = c.item_code
      LEFT JOIN pd ON pd.id = c.id LEFT JOIN rv ON rv.id = c.id
    WHERE ${where('c')} AND c.status = 'closed' AND c.decision = 'fine' AND c.fine_amount > 0
      AND c.court_applied_on IS NULL AND COALESCE(pd.paid, 0) < c.fine_amount AND rv.id IS NULL`,
};
