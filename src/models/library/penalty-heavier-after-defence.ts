// 陈述申辩后罚款高于告知金额: a fine decided above the fine the notice of the intended penalty named.
// 行政处罚法 第四十五条 第二款: 行政机关不得因当事人陈述、申辩而给予更重的处罚. New facts found after the
// notice may justify a heavier fine (then told to the party again, 第四十四条): the explanation asks. Cases
// without the amount of the notice are not judged.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { amountIn } from '../record-tests.ts';
import { CASE_NAMES, CASE_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const penaltyHeavierAfterDefence: ModelDefinition = {
  code: 'PEN_HEAVIER_AFTER_DEFENCE',
  name: '陈述申辩后罚款高于告知金额',
  description: '作出罚款决定的案件，告知的拟罚款金额和决定的罚款金额都有记录，且决定的罚款金额高于告知的拟罚款金额。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 45, note: '第二款：行政机关不得因当事人陈述、申辩而给予更重的处罚' },
  severity: 'high',
  params: [],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案告知的拟罚款金额为{proposed_fine}元，于{decided_on}决定罚款{fine_amount}元，高于告知金额，可能因当事人陈述、申辩而给予更重的处罚，请核实加重是否基于告知后新查明的事实（及是否重新告知）并说明。',
  groundTruth: { violation: 'heavier_after_defence', recordKind: 'case' },
  realtime: {
    kind: 'cases',
    subjectColumn: 'id',
    mayHit: {
      reads: ['decision', 'decided_on', 'proposed_fine', 'fine_amount'],
      test: (r) => {
        const [fine, proposed] = [amountIn(r, 'fine_amount'), amountIn(r, 'proposed_fine')];
        return r.decision === 'fine' && r.decided_on !== null && fine !== null && proposed !== null && fine > proposed;
      },
    },
  },
  query: ({ where, asOf }) => sql`
    SELECT ${CASE_SUBJECT_COLUMNS},
           c.proposed_fine, CAST(c.decided_on AS VARCHAR) AS decided_on, c.fine_amount
    FROM ${CASE_NAMES}
    WHERE ${where('c')} AND c.decision = 'fine' AND c.decided_on IS NOT NULL AND c.decided_on <= CAST(${asOf} AS DATE)
      AND c.proposed_fine IS NOT NULL AND c.fine_amount IS NOT NULL AND c.fine_amount > c.proposed_fine`,
};
