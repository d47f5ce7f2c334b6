// 目录外检查: an inspection whose inspection item is not on the published list of enterprise-inspection
// items (涉企行政检查事项清单) that applies where it took place — the province's list, its city's or
// its county's. 浙江省综合行政执法条例 第六条 has the province and the cities publish the catalogue of
// supervision items (监督管理事项目录: 职责主体、对象、措施); the rule "清单之外无检查" is a policy of the
// inspection-item lists, outside the corpus. One hit per inspection.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';

export const offListInspection: ModelDefinition = {
  code: 'INS_OFF_LIST',
  name: '目录外检查',
  description: '检查记录所列检查事项不在检查地所属省、市、县公布的涉企行政检查事项清单内。',
  category: 'inspection',
  basis: {
    regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli',
    article: 6,
    note: '涉企行政检查事项清单“清单之外无检查”（政策文件，未收入法规库）',
  },
  severity: 'high',
  params: [],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，{agency_name}于{inspected_on}对该企业的检查所列事项“{inspection_item_code}”不在当地公布的涉企行政检查事项清单内，可能是清单外检查，也可能是事项编码登记有误，请核实并说明。',
  realtime: { kind: 'inspections', subjectColumn: 'id' },
  incremental: { by: 'id', changes: { inspections: 'id' }, names: ['entities', 'agencies'] },
  // The list of the province, the city and the county as three equality anti-joins, and the names
  // joined to the off-list inspections only: as one NOT EXISTS with an OR, DuckDB checked 13.7 million
  // inspections on one thread and named them all first (hangzhou scale: 4.6 s).
  query: ({ where }) => sql`
    WITH off AS MATERIALIZED (
      SELECT t.id, t.region_code, t.agency_id, t.entity_uscc, t.inspection_item_code, t.inspected_on
      FROM inspections t
        LEFT JOIN inspection_items p ON p.code = t.inspection_item_code AND p.region_code = substr(t.region_code, 1, 2) || '0000'
        LEFT JOIN inspection_items c ON c.code = t.inspection_item_code AND c.region_code = substr(t.region_code, 1, 4) || '00'
        LEFT JOIN inspection_items k ON k.code = t.inspection_item_code AND k.region_code = substr(t.region_code, 1, 6)
      WHERE ${where('t')} AND p.code IS NULL AND c.code IS NULL AND k.code IS NULL
    )
    SELECT 'inspection' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
           e.name AS subject_name, t.entity_uscc, COALESCE(a.name, t.agency_id) AS agency_name, t.inspection_item_code,
           CAST(t.inspected_on AS VARCHAR) AS inspected_on
    FROM off t
      LEFT JOIN entities e ON e.uscc = t.entity_uscc
      LEFT JOIN agencies a ON a.id = t.agency_id`,
};
