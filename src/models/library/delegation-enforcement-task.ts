// 委托第三方实施执法: a delegation whose service is an act of enforcement itself — patrols and on-site
// inspections, investigation and evidence, collecting fines, ordering corrections — given to a company.
// 行政处罚法 第二十条 allows entrusting 行政处罚 only to an organisation that meets 第二十一条 (依法成立并
// 具有管理公共事务职能), never to other organisations or persons; 行政强制法 第十七条: 行政强制措施权不得
// 委托. A company is told by its USCC: registration authority 9 (工商: enterprises), where public
// institutions carry 1 (机构编制) and social organisations 5 (民政) — GB 32100-2015. A delegation whose
// provider has no USCC is judged by the service alone. The words that name an enforcement act are
// below; services of the whitelist (testing, monitoring, appraisal, surveys) use none of them.
import { joinSql, sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';

/** Service names that describe enforcement itself, not technical support. */
export const ENFORCEMENT_TASK_WORDS = ['执法巡查', '执法检查', '现场检查', '调查取证', '收缴罚款', '责令', '整改意见', '行政处罚'];

export const delegationEnforcementTask: ModelDefinition = {
  code: 'DEL_ENFORCEMENT_TASK',
  name: '委托企业实施执法检查等执法行为',
  description: `委托服务名称含有执法行为用语（${ENFORCEMENT_TASK_WORDS.join('、')}），且受托机构为企业（统一社会信用代码登记管理部门码为9）或未登记信用代码。`,
  category: 'delegation',
  basis: {
    regulationId: 'xingzheng-chufa-fa',
    article: 20,
    note: '受委托组织须符合第二十一条；行政强制措施权不得委托（《中华人民共和国行政强制法》第十七条）',
  },
  severity: 'high',
  params: [],
  evidenceKind: 'delegations',
  explanation:
    '数据显示，{agency_name}于{signed_on}委托{provider_name}（{provider_kind}）承担“{service_name}”，服务名称含有执法行为用语，受托方可能不具备受委托实施执法的条件，请核实并说明。',
  groundTruth: { violation: 'delegation_enforcement', recordKind: 'delegation' },
  realtime: { kind: 'delegations', subjectColumn: 'id' },
  incremental: { by: 'id', changes: { delegations: 'id' }, names: ['agencies'] },
  query: ({ where }) => sql`
    SELECT 'delegation' AS subject_kind, d.id AS subject_id, d.region_code, d.agency_id, '' AS window_key, d.id AS evidence_ids,
           d.service_name AS subject_name, COALESCE(a.name, d.agency_id) AS agency_name, CAST(d.signed_on AS VARCHAR) AS signed_on,
           d.service_name, d.provider_name, CASE WHEN d.provider_uscc IS NULL THEN '未登记统一社会信用代码' ELSE '企业' END AS provider_kind
    FROM delegations d LEFT JOIN agencies a ON a.id = d.agency_id
    WHERE ${where('d')} AND (d.provider_uscc IS NULL OR substr(d.provider_uscc, 1, 1) = '9')
      AND (${joinSql(
        ENFORCEMENT_TASK_WORDS.map((w) => sql`d.service_name LIKE ${`%${w}%`}`),
        ' OR ',
      )})`,
};
