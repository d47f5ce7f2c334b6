// The Chinese names of the records' columns: one module for the console (web/src/labels.ts re-exports
// its copy in web/src/records/kinds.generated.ts) and the server's Excel exports, so a column is called the same on the list, the drawer, the
// import page and the exported file. They follow the headers of the import formats (src/records), which
// are what an agency's own export calls them; the kinds' names and coded values are the registry's.
// Pure: no Node APIs (the console bundles it).

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
};

/** Where one kind calls a shared column differently. */
export const KIND_COLUMN_LABELS: Partial<Record<string, Record<string, string>>> = {
  licences: { result: '办理结果', entity_uscc: '申请人' },
  inspections: { result: '检查结果', kind: '检查类型', entity_uscc: '检查对象' },
  cases: { status: '案件状态', entity_uscc: '当事人' },
  hotline_tickets: { status: '工单状态', agency_id: '承办部门', entity_uscc: '涉及企业' },
  service_visits: { entity_uscc: '服务对象' },
  agencies: { id: '主体编码', name: '执法主体名称' },
  officers: { id: '人员编号', name: '姓名', agency_id: '所属执法主体' },
  entities: { name: '企业名称' },
};

export function columnLabel(kind: string, column: string): string {
  return KIND_COLUMN_LABELS[kind]?.[column] ?? COLUMN_LABELS[column] ?? column;
}
