// 简易程序作出罚款警告以外的处罚: a decision on the spot (简易程序) that imposed a kind of penalty other than
// a fine or a warning. 行政处罚法 第五十一条: 违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织
// 处以三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定 — only a fine within the limits or a
// warning; 没收违法所得、吊销许可证件 and the other kinds of 第九条 take the ordinary procedure. The amount of
// the fine is PEN_SUMMARY_OVER_LIMIT's. Cases without a procedure or without sanctions are not judged.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { filled } from '../record-tests.ts';
import { CASE_NAMES, CASE_SUBJECT_COLUMNS, sanctionsText } from './sql-fragments.ts';

export const penaltySummarySanction: ModelDefinition = {
  code: 'PEN_SUMMARY_SANCTION',
  name: '简易程序作出罚款警告以外的处罚',
  description:
    '适用程序为简易程序（当场处罚）、已作出决定的案件，其他处罚种类不为空（没收违法所得、没收非法财物、暂扣或吊销许可证件、责令停产停业等警告和罚款以外的处罚）；未记录适用程序或其他处罚种类的不判断。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 51, note: '当场作出的行政处罚限于一定数额以下的罚款或者警告；处罚种类见第九条' },
  severity: 'medium',
  params: [],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案适用简易程序，于{decided_on}当场作出的决定包含{sanctions_text}，简易程序只适用于一定数额以下的罚款或者警告，可能超出简易程序的适用范围，请核实并说明。',
  groundTruth: { violation: 'summary_sanction', recordKind: 'case' },
  realtime: {
    kind: 'cases',
    subjectColumn: 'id',
    mayHit: {
      reads: ['procedure', 'sanctions', 'decision', 'decided_on'],
      test: (r) => r.procedure === 'summary' && filled(r, 'sanctions') && r.decision !== 'no_penalty' && r.decided_on !== null,
    },
  },
  query: ({ where, asOf }) => sql`
    SELECT ${CASE_SUBJECT_COLUMNS},
           CAST(c.decided_on AS VARCHAR) AS decided_on, ${sanctionsText('c')} AS sanctions_text
    FROM ${CASE_NAMES}
    WHERE ${where('c')} AND c.procedure = 'summary' AND c.sanctions IS NOT NULL AND c.decision <> 'no_penalty'
      AND c.decided_on IS NOT NULL AND c.decided_on <= CAST(${asOf} AS DATE)`,
};
