// 超过追责时效立案: a case filed more than two years after the violation (or after it ended, for a
// continuing one). 行政处罚法 第三十六条: 违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康
// 安全、金融安全且有危害后果的，上述期限延长至五年. The records hold the day the case was filed, not the
// day the violation was discovered, and not whether the five-year rule applies: the explanation asks for
// both. "Two years after D" ends on the same date two years on (an act that day is in time; the day
// after is late), the reading of src/models/window.ts in years.
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { CASE_NAMES, CASE_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const penaltyPastLimitation: ModelDefinition = {
  code: 'PEN_PAST_LIMITATION',
  name: '超过追责时效立案',
  description: '立案日期晚于违法行为发生（或终了）之日起设定的年数（默认二年）。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 36 },
  severity: 'high',
  params: [{ name: 'years', label: '追责时效（年）', type: 'integer', default: 2, min: 2, max: 5 }],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案的违法行为发生于{occurred_on}，{filed_on}才立案，已超过{years}年，可能超过追责时效；请核实违法行为的发现日期，以及是否适用五年的期限，并说明。',
  groundTruth: { violation: 'penalty_past_limitation', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id' },
  incremental: { by: 'id', changes: { cases: 'id' }, names: ['entities', 'items'] },
  query: ({ params, where }) => sql`
    SELECT ${CASE_SUBJECT_COLUMNS},
           CAST(c.occurred_on AS VARCHAR) AS occurred_on, CAST(c.filed_on AS VARCHAR) AS filed_on
    FROM ${CASE_NAMES}
    WHERE ${where('c')} AND c.occurred_on IS NOT NULL
      AND c.filed_on > c.occurred_on + ${num(params.years)} * INTERVAL '1 year'`,
};
