// 现场检查未事先报告: 浙江省保障“最多跑一次”改革规定 第三十六条 — 实施现场检查应当事先向本机关负责人报告检查
// 对象、检查理由, except in its seven cases. How the record's kind maps to them:
//   complaint (投诉举报)、referral (转办交办)  → (一) 调查处理投诉、举报、转办、交办案件: not judged;
//   monitoring (数据监测)                        → (三) 处理巡查、检验检测发现的问题: not judged;
//   planned (计划检查)                           → (四) 实施年度监督检查计划或者其他专项整治行动计划: not judged;
//   random (双随机抽查)、joint (联合检查)         → none of the seven: judged. A 双随机 or joint inspection is
//     drawn or agreed under 第三十二条, which is not among them; an agency whose draw implements its annual
//     plan can say so in its answer (the explanation asks it to 核实).
// A judged inspection hits when its reported_on is empty or after inspected_on (a report on the day itself
// counts as before: the records hold dates only). Only sources that send reported_on are judged: a
// (source_system, agency_id) with no inspection carrying it has no column to read, and would otherwise
// raise every 双随机 inspection it ever sent (docs/supervision-brain.md).
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';

export const inspectionNotReported: ModelDefinition = {
  code: 'INS_NOT_REPORTED',
  name: '现场检查未事先报告',
  description:
    '双随机抽查和联合检查（第三十六条所列可不事先报告的七种情形均未包括）没有事先报告日期，或事先报告日期晚于检查日期；投诉举报、转办交办（第一项）、数据监测（第三项）、计划检查（第四项）不判断；报告日期与检查日期同一天视为事先报告；只判断报送过事先报告日期的来源系统和执法部门，从未报送该项的不判断。',
  category: 'inspection',
  basis: { regulationId: 'zhejiang-baozhang-zuiduo-pao-yici-gaige-guiding', article: 36 },
  severity: 'medium',
  params: [],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，{agency_name}于{inspected_on}对{subject_name}实施{kind_label}，{report_text}，该类检查不在可不事先报告的情形之列，可能未事先向本机关负责人报告检查对象、检查理由，请核实并说明。',
  groundTruth: { violation: 'not_reported', recordKind: 'inspection' },
  realtime: { kind: 'inspections', subjectColumn: 'id' },
  query: ({ where, asOf }) => sql`
    WITH s AS (
      SELECT DISTINCT source_system, agency_id FROM inspections WHERE reported_on IS NOT NULL
    )
    SELECT 'inspection' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
           COALESCE(e.name, t.entity_uscc) AS subject_name, t.entity_uscc, COALESCE(a.name, t.agency_id) AS agency_name,
           CAST(t.inspected_on AS VARCHAR) AS inspected_on, CAST(t.reported_on AS VARCHAR) AS reported_on,
           CASE t.kind WHEN 'random' THEN '双随机抽查' ELSE '联合检查' END AS kind_label,
           CASE WHEN t.reported_on IS NULL THEN '记录中没有事先报告负责人的日期'
                ELSE '事先报告日期为' || CAST(t.reported_on AS VARCHAR) || '，晚于检查日期' END AS report_text
    FROM inspections t
      JOIN s ON s.source_system = t.source_system AND s.agency_id = t.agency_id
      LEFT JOIN entities e ON e.uscc = t.entity_uscc
      LEFT JOIN agencies a ON a.id = t.agency_id
    WHERE ${where('t')} AND t.kind IN ('random', 'joint') AND t.inspected_on <= CAST(${asOf} AS DATE)
      AND (t.reported_on IS NULL OR t.reported_on > t.inspected_on)`,
};
