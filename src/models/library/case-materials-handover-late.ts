// 公安立案后涉案物品材料移交超期: the police filed a transferred case as a criminal case and the agency did
// not hand the goods and materials of the case over within three days of receiving the notice.
// 行政执法机关移送涉嫌犯罪案件的规定 第十二条: 行政执法机关对公安机关决定立案的案件，应当自接到立案通知书之日起
// ３日内将涉案物品以及与案件有关的其他材料移交公安机关，并办结交接手续；法律、行政法规另有规定的，依照其规定.
// The 3 days are calendar days ("N天内" of src/models/window.ts: a handover on day D + 3 is in time); a
// handover still missing counts as made on the run's day. A case with no police decision or no day of the
// notice is not judged (the columns are empty); the clue asks whether another law or regulation applies.
// A missing handover is read as none only where the source system sends materials_handed_over_on: a
// system with no case carrying it has no column to read, and would otherwise raise every case the police
// filed three days after the notice. A system that has sent the date once is judged on every such case,
// those without it too (per system, not per agency, as PEN_NOT_PUBLISHED).
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { carries } from '../record-tests.ts';
import { daysLateSql, daysSql } from '../window.ts';
import { CASE_NAMES, CASE_SUBJECT_COLUMNS, casesOfSystemsSending } from './sql-fragments.ts';

export const caseMaterialsHandoverLate: ModelDefinition = {
  code: 'CASE_MATERIALS_HANDOVER_LATE',
  name: '公安立案后涉案物品材料移交超期',
  description:
    '移送公安机关的案件，公安机关决定立案，自接到立案通知书之日起超过设定天数（默认3日）才移交涉案物品和与案件有关的其他材料，或者截至统计日仍未移交；未填公安机关立案决定或通知日期的不判断；只判断报送过移交涉案物品材料日期的来源系统，从未报送该项的系统不判断。',
  category: 'penalty',
  basis: {
    regulationId: 'xingzheng-zhifa-jiguan-yisong-shexian-fanzui-anjian-guiding',
    article: 12,
    note: '法律、行政法规另有规定的，依照其规定',
  },
  severity: 'medium',
  params: [{ name: 'limit_days', label: '移交期限（日）', type: 'integer', default: 3, min: 1, max: 60 }],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案于{transferred_on}移送公安机关，{police_decided_on}接到立案通知，{state}，距接到通知{days}天，超过{limit_days}日，可能未按期移交涉案物品和有关材料，请核实是否有其他规定及移交情况并说明。',
  groundTruth: { violation: 'case_materials_handover_late', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id', mayHit: carries('police_decided_on') },
  query: ({ params, where, dialect, asOf }) => {
    const act = sql`COALESCE(c.materials_handed_over_on, CAST(${asOf} AS DATE))`;
    return sql`
    WITH ${casesOfSystemsSending('materials_handed_over_on')}
    SELECT ${CASE_SUBJECT_COLUMNS}, CAST(c.transferred_on AS VARCHAR) AS transferred_on, CAST(c.police_decided_on AS VARCHAR) AS police_decided_on,
           CASE WHEN c.materials_handed_over_on IS NULL THEN '截至' || CAST(CAST(${asOf} AS DATE) AS VARCHAR) || '仍未移交'
                ELSE '于' || CAST(c.materials_handed_over_on AS VARCHAR) || '移交' END AS state,
           CAST(${daysSql(dialect, sql`c.police_decided_on`, act)} AS INTEGER) AS days
    FROM ${CASE_NAMES}
      JOIN s ON s.source_system = c.source_system
    WHERE ${where('c')} AND c.police_decision = 'filed' AND c.police_decided_on IS NOT NULL
      AND c.police_decided_on <= CAST(${asOf} AS DATE)
      AND (c.materials_handed_over_on IS NULL OR c.materials_handed_over_on <= CAST(${asOf} AS DATE))
      AND ${daysLateSql(dialect, sql`c.police_decided_on`, act, params.limit_days)}`;
  },
};
