// 强制措施无决定书: a sealing or seizure whose record names no decision document (行政强制法 第二十四条:
// 制作并当场交付查封、扣押决定书和清单), or a freezing without one more than three days after it began
// (第三十一条: 作出决定的行政机关应当在三日内向当事人交付冻结决定书; "三日内" read as every "N天内",
// src/models/window.ts). A measure taken on the spot in an emergency is no exception: 第十九条 lets the
// officers report within 24 hours and 补办批准手续 — the approval may follow, the decision document is
// still the one 第二十四条 requires to be handed over on the spot.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { daysLateSql } from '../window.ts';
import { IS_COERCIVE_MEASURE, MEASURE_NAMES, MEASURE_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const coercionNoDecision: ModelDefinition = {
  code: 'COE_NO_DECISION',
  name: '强制措施无决定书',
  description:
    '查封、扣押记录的决定书文号为空；冻结存款、汇款的记录自冻结之日起超过规定天数（默认三日）决定书文号仍为空。情况紧急当场实施的同样检查：第十九条只允许事后补办批准手续，不免除决定书。',
  category: 'coercion',
  basis: {
    regulationId: 'xingzheng-qiangzhi-fa',
    article: 24,
    note: '冻结决定书见第三十一条（三日内交付）；情况紧急当场实施的，第十九条允许补办的是批准手续',
  },
  severity: 'high',
  params: [{ name: 'freeze_days', label: '冻结决定书交付期限（日）', type: 'integer', default: 3, min: 0, max: 30 }],
  evidenceKind: 'coercive_measures',
  explanation:
    '数据显示，{agency_name}于{started_on}对{subject_name}实施{measure_label}{urgent_text}，记录中没有{document}文号，可能未制作或未交付决定书，请核实并说明。',
  groundTruth: { violation: 'coercion_no_decision', recordKind: 'coercive_measure' },
  realtime: { kind: 'coercive_measures', subjectColumn: 'id' },
  query: ({ dialect, params, where, asOf }) => sql`
    SELECT ${MEASURE_SUBJECT_COLUMNS},
           CASE WHEN m.urgent THEN '（情况紧急当场实施，批准手续可以补办，决定书仍须当场交付）' ELSE '' END AS urgent_text,
           CASE WHEN m.measure = 'freeze' THEN '冻结决定书' ELSE '查封、扣押决定书' END AS document
    FROM ${MEASURE_NAMES}
    WHERE ${where('m')} AND ${IS_COERCIVE_MEASURE} AND m.started_on <= CAST(${asOf} AS DATE) AND COALESCE(TRIM(m.decision_no), '') = ''
      AND (m.measure <> 'freeze' OR ${daysLateSql(dialect, sql`m.started_on`, sql`CAST(${asOf} AS DATE)`, params.freeze_days)})`,
};
