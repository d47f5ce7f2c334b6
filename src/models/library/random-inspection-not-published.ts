// 随机抽查结果未及时公开: 浙江省综合行政执法条例 第二十一条 第一款 — 随机抽取检查对象、随机选派检查人员, 抽查
// 情况及查处结果及时向社会公开. "及时" has no term in the law: the term is a county's setting (`workdays`,
// default 20 working days, the demo's and no article's). A 双随机 inspection (kind random) hits when its
// published_on is after the Nth working day from the inspection, or it is still unpublished on the run's
// day with that day past the term (src/models/window.ts: published on the Nth working day is in time;
// outside the calendar no hit). Other kinds are not judged: the article's 公开 is of the 抽查. Only sources
// that send published_on are judged: a (source_system, agency_id) with no inspection carrying it has no
// column to read, and would otherwise raise every 双随机 inspection it ever sent.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { workdayDeadlineSql, workdaysLateSql } from '../window.ts';

export const randomInspectionNotPublished: ModelDefinition = {
  code: 'INS_RANDOM_NOT_PUBLISHED',
  name: '随机抽查结果未及时公开',
  description:
    '双随机抽查自检查日期起设定的工作日内（默认20个工作日；条例只要求“及时”公开，没有规定期限，为各地设置项）没有公开抽查情况及查处结果：公开日期晚于期限，或截至统计日已超过期限仍无公开日期；其他类型的检查不判断；只判断报送过结果公开日期的来源系统和执法部门，从未报送该项的不判断。',
  category: 'inspection',
  basis: {
    regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli',
    article: 21,
    note: '第一款只规定“及时”向社会公开，公开期限为各地设置项',
  },
  severity: 'low',
  params: [{ name: 'workdays', label: '检查后公开期限（工作日）', type: 'integer', default: 20, min: 1, max: 120 }],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，{agency_name}于{inspected_on}对{subject_name}实施双随机抽查，按设定的{workdays}个工作日应于{deadline}前公开抽查情况及查处结果，{publish_text}，可能未及时向社会公开，请核实并说明。',
  groundTruth: { violation: 'random_not_published', recordKind: 'inspection' },
  realtime: { kind: 'inspections', subjectColumn: 'id' },
  query: ({ params, where, asOf }) => {
    const published = sql`CASE WHEN t.published_on IS NULL OR t.published_on > CAST(${asOf} AS DATE) THEN NULL ELSE t.published_on END`;
    const until = sql`COALESCE(${published}, CAST(${asOf} AS DATE))`;
    return sql`
    WITH s AS (
      SELECT DISTINCT source_system, agency_id FROM inspections WHERE published_on IS NOT NULL
    )
    SELECT 'inspection' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
           COALESCE(e.name, t.entity_uscc) AS subject_name, t.entity_uscc, COALESCE(a.name, t.agency_id) AS agency_name,
           CAST(t.inspected_on AS VARCHAR) AS inspected_on,
           ${workdayDeadlineSql(sql`t.inspected_on`, params.workdays)} AS deadline,
           CASE WHEN ${published} IS NULL THEN '截至' || CAST(CAST(${asOf} AS DATE) AS VARCHAR) || '记录中没有公开日期'
                ELSE '于' || CAST(t.published_on AS VARCHAR) || '才公开' END AS publish_text
    FROM inspections t
      JOIN s ON s.source_system = t.source_system AND s.agency_id = t.agency_id
      LEFT JOIN entities e ON e.uscc = t.entity_uscc
      LEFT JOIN agencies a ON a.id = t.agency_id
    WHERE ${where('t')} AND t.kind = 'random' AND t.inspected_on <= CAST(${asOf} AS DATE)
      AND ${workdaysLateSql(sql`t.inspected_on`, until, params.workdays)}`;
  },
};
