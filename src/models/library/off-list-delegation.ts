// 目录外委托: a delegation to a third party of a service that is not on the service whitelist
// (第三方服务正面清单, "目录之外无委托") applying to the agency: no service code at all, a code no list
// names, or a list entry of another region or another line. An entry applies when it was published by
// the delegation's province, city or county and is cross-line (line_code NULL) or of the agency's line.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';

export const offListDelegation: ModelDefinition = {
  code: 'DEL_OFF_LIST',
  name: '目录外委托',
  description:
    '委托第三方的服务事项没有清单编码、编码不在正面清单内，或清单事项不适用于本部门（发布区域不是委托所在的省、市、县，或限定了其他条线）。',
  category: 'delegation',
  basis: {
    regulationId: 'xingzheng-zhifa-weituo-disanfang-zhengmian-qingdan',
    note: '“目录之外无委托”；委托实施行政处罚本身的，另见《中华人民共和国行政处罚法》第二十条',
  },
  severity: 'high',
  params: [],
  evidenceKind: 'delegations',
  explanation:
    '数据显示，{agency_name}于{signed_on}委托{provider_name}承担“{service_name}”，{reason}，可能是正面清单之外的委托，请核实并说明。',
  groundTruth: { violation: 'delegation_off_whitelist', recordKind: 'delegation' },
  realtime: { kind: 'delegations', subjectColumn: 'id' },
  incremental: { by: 'id', changes: { delegations: 'id' } },
  query: ({ where }) => sql`
    SELECT 'delegation' AS subject_kind, d.id AS subject_id, d.region_code, d.agency_id, '' AS window_key, d.id AS evidence_ids,
           d.service_name AS subject_name, COALESCE(a.name, d.agency_id) AS agency_name, CAST(d.signed_on AS VARCHAR) AS signed_on,
           d.service_code, d.service_name, d.provider_name,
           CASE WHEN d.service_code IS NULL THEN '未对应正面清单事项'
                WHEN NOT EXISTS (SELECT 1 FROM service_whitelist x WHERE x.code = d.service_code) THEN '事项编码' || d.service_code || '不在正面清单内'
                ELSE '清单事项' || d.service_code || '不适用于本部门（区域或条线不符）' END AS reason
    FROM delegations d LEFT JOIN agencies a ON a.id = d.agency_id
    WHERE ${where('d')} AND (d.service_code IS NULL OR NOT EXISTS (
      SELECT 1 FROM service_whitelist w WHERE w.code = d.service_code
        AND (w.region_code = substr(d.region_code, 1, 2) || '0000' OR w.region_code = substr(d.region_code, 1, 4) || '00'
          OR w.region_code = substr(d.region_code, 1, 6))
        AND (w.line_code IS NULL OR w.line_code = a.line_code)))`,
};
