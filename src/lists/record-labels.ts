// The Chinese names of the records' columns: one module for the console (web/src/labels.ts re-exports
// its copy in web/src/records/kinds.generated.ts) and the server's Excel exports, so a column is called the same on the list, the drawer, the
// import page and the exported file. They follow the headers of the import formats (src/records), which
// are what an agency's own export calls them; the kinds' names and coded values are the registry's.

import { KIND_SPECS, KINDS } from '../records/registry.ts';

/** Column labels shared by every kind that has the column. */
export const COLUMN_LABELS: Record<string, string> = {
  id: '记录编号',
  source_system: '来源系统',
  source_id: '来源编号',
  region_code: '区划',
  agency_id: '执法主体',
  item_code: '执法事项',
  inspection_item_code: '检查事项',
  entity_uscc: '经营主体',
  inspection_id: '关联检查',
  case_id: '关联案件',
  lead_officer_id: '主办执法人员',
  assist_officer_id: '协办执法人员',
  officer_id: '服务人员',
  joint_id: '联合检查编号',
  applied_on: '申请日期',
  decided_on: '决定日期',
  inspected_on: '检查日期',
  filed_on: '立案日期',
  sent_on: '发出日期',
  delivered_on: '送达日期',
  due_on: '缴款期限',
  paid_on: '缴款日期',
  visited_on: '服务日期',
  received_at: '受理时间',
  signed_on: '签订日期',
  via_code: '亮码检查',
  action_code: '行政行为码',
  first_offence: '首次违法',
  corrected: '及时改正',
  harm: '危害后果',
  facts: '违法事实',
  decision: '处理决定',
  tier: '裁量档次',
  fine_amount: '罚款金额(元)',
  amount: '应缴金额(元)',
  method: '送达方式',
  topic: '服务内容',
  category: '诉求类别',
  content: '诉求内容',
  service_code: '服务清单编码',
  service_name: '委托服务名称',
  provider_name: '受托机构',
  provider_uscc: '受托机构信用代码',
  approved: '已报批',
  task_id: '回访任务编号',
  answered_at: '回访时间',
  satisfaction: '满意度',
  says_inspection: '企业认为是检查',
  transcript: '回访记录',
  fee: '委托费用(元)',
  uscc: '统一社会信用代码',
  industry: '行业',
  address: '住所',
  legal_rep: '法定代表人',
  phone: '联系电话',
  registered_on: '成立日期',
  id_number: '身份证号',
  line_code: '条线',
  trigger_ref: '线索来源编号',
  level: '层级',
  name: '名称',
  measure: '措施种类',
  decision_no: '决定书文号',
  started_on: '实施日期',
  urgent: '情况紧急当场实施',
  extended: '延长期限',
  extension_approved: '延长经批准',
  testing_days: '检测鉴定天数',
  ended_on: '解除或处理日期',
  goods_returned_on: '财物退还日期',
  description: '物品名称',
  quantity: '数量',
  unit: '计量单位',
  estimated_value: '估价',
  confiscated_on: '没收日期',
  disposal: '处置方式',
  disposed_on: '处置日期',
  proceeds: '处置所得',
  proceeds_paid_on: '上缴国库日期',
  route: '救济途径',
  carried_out_on: '履行日期',
  case_withdrawn_on: '撤回公开决定日期',
  county_code: '所属县（市、区）代码',
  changed_at: '记录写入时间',
  charged_by: '收费单位',
  charger_kind: '收费单位类型',
  fee_kind: '收费类别',
  catalogue_no: '目录清单编号',
  charged_on: '收费日期',
  licence_id: '关联许可',
  commissioned_by_agency: '行政机关委托',
  designated_by_agency: '行政机关指定服务机构',
};

/** Where one kind calls a shared column differently. */
const KIND_OVERRIDES: Partial<Record<string, Record<string, string>>> = {
  licences: { result: '办理结果', entity_uscc: '申请人' },
  inspections: { result: '检查结果', kind: '检查类型', entity_uscc: '检查对象' },
  cases: { status: '案件状态', entity_uscc: '当事人' },
  coercive_measures: { status: '措施状态', entity_uscc: '当事人' },
  enterprise_charges: { amount: '收费金额(元)', entity_uscc: '缴费企业', agency_id: '相关执法主体' },
  confiscated_goods: { entity_uscc: '当事人', case_id: '处罚案件' },
  review_outcomes: {
    agency_id: '被申请人（被告）',
    case_id: '原处罚案件',
    applied_on: '申请（起诉）日期',
    decided_on: '决定（裁判）生效日期',
    outcome: '复议诉讼结果',
  },
  hotline_tickets: { status: '工单状态', agency_id: '承办部门', entity_uscc: '涉及企业' },
  service_visits: { entity_uscc: '服务对象' },
  agencies: { id: '主体编码', name: '执法主体名称' },
  officers: { id: '人员编号', name: '姓名', agency_id: '所属执法主体' },
  entities: { name: '企业名称' },
};

/**
 * Per kind: where it calls a shared column differently, and the header its import format gives each
 * of its other columns (a column a kind gains is named on lists and exports from its field spec, with
 * no second list to keep).
 */
export const KIND_COLUMN_LABELS: Partial<Record<string, Record<string, string>>> = Object.fromEntries(
  KINDS.map((kind) => {
    const own = Object.fromEntries(
      KIND_SPECS[kind].fields.filter((f) => !(f.name in COLUMN_LABELS)).map((f) => [f.name, f.label] as const),
    );
    return [kind, { ...own, ...KIND_OVERRIDES[kind] }];
  }),
);

export function columnLabel(kind: string, column: string): string {
  return KIND_COLUMN_LABELS[kind]?.[column] ?? COLUMN_LABELS[column] ?? column;
}
