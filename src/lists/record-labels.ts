// The Chinese names of the record kinds, their columns and their coded values: one module for the
// console (web/src/labels.ts re-exports it) and the server's Excel exports, so a column is called the
// same on the list, the drawer, the import page and the exported file. Column labels follow the
// headers of the import formats (src/ingest/kinds.ts), which are what an agency's own export calls them.
// Pure: no Node APIs (the console bundles it).

export type ListedKind =
  | 'licences'
  | 'inspections'
  | 'cases'
  | 'deliveries'
  | 'payments'
  | 'service_visits'
  | 'hotline_tickets'
  | 'delegations'
  | 'agencies'
  | 'officers'
  | 'entities'
  | 'followup_answers';

export const RECORD_KIND_LABELS: Record<ListedKind, string> = {
  licences: '行政许可',
  inspections: '行政检查',
  cases: '处罚案件',
  deliveries: '文书送达',
  payments: '罚没款缴纳',
  service_visits: '服务走访',
  hotline_tickets: '12345工单',
  delegations: '第三方委托',
  agencies: '执法主体',
  officers: '执法人员',
  entities: '经营主体',
  followup_answers: '回访答复',
};

/** Column labels shared by every kind that has the column. */
const COLUMN_LABELS: Record<string, string> = {
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
  level: '层级',
  name: '名称',
};

/** Where one kind calls a shared column differently. */
const KIND_COLUMN_LABELS: Partial<Record<ListedKind, Record<string, string>>> = {
  licences: { result: '办理结果', entity_uscc: '申请人' },
  inspections: { result: '检查结果', kind: '检查类型', entity_uscc: '检查对象' },
  cases: { status: '案件状态', entity_uscc: '当事人' },
  hotline_tickets: { status: '工单状态', agency_id: '承办部门', entity_uscc: '涉及企业' },
  service_visits: { entity_uscc: '服务对象' },
  agencies: { id: '主体编码', name: '执法主体名称' },
  officers: { id: '人员编号', name: '姓名', agency_id: '所属执法主体' },
  entities: { name: '企业名称' },
};

export function columnLabel(kind: ListedKind | string, column: string): string {
  return KIND_COLUMN_LABELS[kind as ListedKind]?.[column] ?? COLUMN_LABELS[column] ?? column;
}

/** Coded values → Chinese, per kind and column (the enum labels of src/ingest/kinds.ts). */
const VALUE_LABELS: Partial<Record<ListedKind, Record<string, Record<string, string>>>> = {
  licences: { result: { pending: '办理中', granted: '准予许可', refused: '不予许可' } },
  inspections: {
    kind: { random: '双随机检查', complaint: '投诉举报检查', joint: '联合检查', planned: '计划检查' },
    result: { compliant: '未发现问题', issues: '发现问题', case_filed: '立案查处' },
  },
  cases: {
    harm: { none: '无危害后果', minor: '危害轻微', serious: '危害严重' },
    decision: { fine: '罚款', warning: '警告', no_penalty: '不予处罚' },
    tier: { exempt: '不予', mitigated: '减轻', lenient: '从轻', general: '一般', severe: '从重' },
    status: { open: '办理中', decided: '已决定', closed: '已结案' },
  },
  deliveries: { method: { electronic: '电子送达', direct: '直接送达', post: '邮寄送达', notice: '公告送达' } },
  hotline_tickets: { status: { open: '办理中', answered: '已答复', closed: '已办结' } },
  agencies: { level: { province: '省级', city: '市级', county: '县级' } },
};

export function valueLabel(kind: ListedKind | string, column: string, value: string): string {
  return VALUE_LABELS[kind as ListedKind]?.[column]?.[value] ?? value;
}

export function hasValueLabels(kind: ListedKind | string, column: string): boolean {
  return VALUE_LABELS[kind as ListedKind]?.[column] !== undefined;
}

/** Every coded value of a column of a kind, code → label (the list's filter offers them). */
export function valueLabels(kind: ListedKind | string, column: string): Record<string, string> {
  return VALUE_LABELS[kind as ListedKind]?.[column] ?? {};
}
