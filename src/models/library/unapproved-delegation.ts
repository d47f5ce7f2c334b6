// 委托未报批: a delegation to a third party signed without the approval (委托报批) it needs.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';

export const unapprovedDelegation: ModelDefinition = {
  code: 'DEL_UNAPPROVED',
  name: '委托未报批',
  description: '委托第三方服务的记录中“是否报批”为否。',
  category: 'delegation',
  basis: {
    regulationId: 'xingzheng-zhifa-weituo-disanfang-zhengmian-qingdan',
    note: '委托第三方事项须报批（政策文件，未收入法规库）',
  },
  severity: 'medium',
  params: [],
  evidenceKind: 'delegations',
  explanation:
    '数据显示，{agency_name}于{signed_on}委托{provider_name}承担“{service_name}”，记录为未报批，可能未履行委托报批程序，请核实并说明。',
  groundTruth: { violation: 'delegation_unapproved', recordKind: 'delegation' },
  realtime: { kind: 'delegations', subjectColumn: 'id' },
  incremental: { by: 'id', changes: { delegations: 'id' }, names: ['agencies'] },
  query: ({ where }) => sql`
    SELECT 'delegation' AS subject_kind, d.id AS subject_id, d.region_code, d.agency_id, '' AS window_key, d.id AS evidence_ids,
           d.service_name AS subject_name, COALESCE(a.name, d.agency_id) AS agency_name, CAST(d.signed_on AS VARCHAR) AS signed_on,
           d.service_code, d.service_name, d.provider_name, d.fee
    FROM delegations d LEFT JOIN agencies a ON a.id = d.agency_id
    WHERE ${where('d')} AND d.approved = FALSE`,
};
