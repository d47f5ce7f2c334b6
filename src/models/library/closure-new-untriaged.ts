// 线索超期未研判: a clue still new (not triaged, assigned or dismissed) N days after it was raised.
// Clues of the closure models themselves are left out (no clue about a clue about a clue), and so are
// clues merged into a case (they follow their case's lead clue).
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { CLUE_SUBJECT_COLUMNS, clueDays, LIVE_CLUE } from './sql-fragments.ts';

export const closureNewUntriaged: ModelDefinition = {
  code: 'CLO_NEW_UNTRIAGED',
  name: '线索超期未研判',
  description: '问题线索生成后超过设定天数，状态仍为待研判（未研判、交办或排除）。',
  category: 'closure',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 75 },
  severity: 'low',
  params: [{ name: 'max_days', label: '研判期限（天）', type: 'integer', default: 5, min: 1, max: 90 }],
  evidenceKind: 'clues',
  explanation:
    '数据显示，线索“{subject_name}”（来源：{source_label}）于{created_on}生成，至{as_of}已{days}天（超过{max_days}天）仍待研判，请核实并说明。',
  query: ({ params, where, dialect, asOf }) => {
    const days = clueDays(dialect, sql`c.created_at`, asOf);
    return sql`
    SELECT ${CLUE_SUBJECT_COLUMNS}, '' AS window_key,
           CAST(CAST(c.created_at AS DATE) AS VARCHAR) AS created_on, CAST(CAST(${asOf} AS DATE) AS VARCHAR) AS as_of, CAST(${days} AS INTEGER) AS days
    FROM clues c
    WHERE ${where('c')} AND ${LIVE_CLUE} AND c.status = 'new' AND ${days} > ${num(params.max_days)}`;
  },
};
