// Generated from the record-kind registry (src/records) by `npm run docs:import`; do not edit by hand.

/** Kinds the server lists under GET /records/{kind}. */
export const LISTED_KINDS = [
  'licences',
  'inspections',
  'cases',
  'deliveries',
  'payments',
  'service_visits',
  'hotline_tickets',
  'delegations',
  'followup_answers',
  'review_outcomes',
  'inspection_objects',
  'agencies',
  'officers',
  'certificates',
  'entities',
  'followup_tasks',
] as const;
export type ListedKind = (typeof LISTED_KINDS)[number];

/** Kinds a file may hold (POST /imports, POST /ingest/{kind}). */
export const IMPORT_KINDS = [
  'licences',
  'inspections',
  'cases',
  'deliveries',
  'payments',
  'service_visits',
  'hotline_tickets',
  'delegations',
  'followup_answers',
  'review_outcomes',
  'inspection_plans',
  'inspection_objects',
  'regions',
  'agencies',
  'officers',
  'certificates',
  'entities',
  'items',
  'inspection_items',
  'baselines',
  'exemptions',
  'service_whitelist',
  'followup_tasks',
  'users',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The Chinese name of every kind. */
export const KIND_LABELS: Record<ListedKind | ImportKind, string> = {
  licences: '行政许可',
  inspections: '行政检查',
  cases: '行政处罚案件',
  deliveries: '文书送达',
  payments: '罚没款缴纳',
  service_visits: '涉企服务',
  hotline_tickets: '12345工单',
  delegations: '第三方服务委托',
  followup_answers: '回访答复',
  review_outcomes: '复议诉讼结果',
  inspection_plans: '年度检查计划',
  inspection_objects: '检查对象名录',
  regions: '乡镇（街道）区划',
  agencies: '执法主体',
  officers: '执法人员',
  certificates: '行政执法证',
  entities: '经营主体',
  items: '执法事项（本地）',
  inspection_items: '涉企行政检查事项（本地）',
  baselines: '裁量基准（细化）',
  exemptions: '不予处罚清单（本地）',
  service_whitelist: '第三方服务正面清单（本地）',
  followup_tasks: '回访任务',
  users: '用户',
};

/** Coded values → Chinese, per kind and column (the enum labels of the import formats). */
export const ENUM_LABELS: Partial<Record<ListedKind | ImportKind, Record<string, Record<string, string>>>> = {
  licences: {
    result: { pending: '办理中', granted: '准予许可', refused: '不予许可' },
  },
  inspections: {
    kind: {
      random: '双随机检查',
      complaint: '投诉举报检查',
      referral: '转办交办检查',
      monitoring: '数据监测检查',
      joint: '联合检查',
      planned: '计划检查',
    },
    result: { compliant: '未发现问题', issues: '发现问题', case_filed: '立案查处' },
  },
  cases: {
    harm: { none: '无危害后果', minor: '危害轻微', serious: '危害严重' },
    decision: { fine: '罚款', warning: '警告', no_penalty: '不予处罚' },
    tier: { exempt: '不予', mitigated: '减轻', lenient: '从轻', general: '一般', severe: '从重' },
    status: { open: '办理中', decided: '已决定', closed: '已结案' },
  },
  deliveries: {
    method: { electronic: '电子送达', direct: '直接送达', post: '邮寄送达', notice: '公告送达' },
  },
  hotline_tickets: {
    status: { open: '办理中', answered: '已答复', closed: '已办结' },
  },
  followup_answers: {
    outcome: { reached: '已接通', unreachable: '未接通', refused: '拒绝回访' },
    channel: { phone: 'AI电话回访', human: '人工复核', link: '在线问卷' },
  },
  review_outcomes: {
    route: { reconsideration: '复议', litigation: '诉讼' },
    outcome: {
      upheld: '维持',
      revoked: '撤销',
      changed: '变更',
      confirmed_illegal: '确认违法',
      ordered_to_act: '责令履行',
      dismissed: '驳回',
      settled: '调解/撤回',
    },
  },
  inspection_plans: {
    method: { random: '双随机抽查', targeted: '重点检查' },
    weighting: { none: '等概率', risk: '按风险等级加权', credit: '按信用等级加权' },
  },
  inspection_objects: {
    risk_class: { low: '低风险', medium: '一般风险', high: '较高风险', severe: '高风险（重点）' },
    credit_class: { A: 'A类（信用风险低）', B: 'B类（信用风险一般）', C: 'C类（信用风险较高）', D: 'D类（信用风险高）' },
  },
  agencies: {
    level: { province: '省级', city: '市级', county: '县级', township: '乡镇（街道）级' },
    legal_status: { organ: '行政机关', authorized: '法律法规授权组织', entrusted: '受委托组织' },
  },
  officers: {
    staff_type: { officer: '行政执法人员', auxiliary: '行政执法辅助人员' },
  },
  certificates: {
    status: { valid: '有效', revoked: '已注销' },
  },
  items: {
    kind: { licence: '行政许可', inspection: '行政检查', penalty: '行政处罚', coercion: '行政强制' },
  },
  baselines: {
    tier: { exempt: '不予处罚', mitigated: '减轻处罚', lenient: '从轻处罚', general: '一般处罚', severe: '从重处罚' },
  },
  followup_tasks: {
    subject_kind: { case: '行政处罚案件', inspection: '行政检查', service_visit: '涉企服务' },
    channel: { phone: '电话回访', link: '在线问卷' },
    status: { pending: '待回访', answered: '已回访', unreachable: '无法联系' },
  },
  users: {
    role: {
      supervisor: '监督员',
      agency_staff: '执法部门',
      officer: '执法人员',
      invited_supervisor: '特邀监督员',
      discipline_liaison: '纪检监察联络员',
      admin: '管理员',
    },
  },
};

/** What each list filters on (src/records/list-query.ts): its key, its date column, its coded columns, the names served beside codes. */
export const LIST_SPECS: Record<ListedKind, { key: string; date: string | null; codes: readonly string[]; names: readonly string[] }> = {
  licences: { key: 'id', date: 'applied_on', codes: ['result'], names: ['agency_name', 'entity_name', 'region_name', 'item_name'] },
  inspections: {
    key: 'id',
    date: 'inspected_on',
    codes: ['kind', 'result', 'via_code'],
    names: ['agency_name', 'entity_name', 'region_name', 'inspection_item_name', 'lead_officer_name', 'assist_officer_name'],
  },
  cases: {
    key: 'id',
    date: 'filed_on',
    codes: ['decision', 'tier', 'status', 'harm'],
    names: ['agency_name', 'entity_name', 'region_name', 'item_name', 'lead_officer_name', 'assist_officer_name'],
  },
  deliveries: { key: 'id', date: 'sent_on', codes: ['method'], names: ['region_name'] },
  payments: { key: 'id', date: 'due_on', codes: [], names: ['region_name'] },
  service_visits: { key: 'id', date: 'visited_on', codes: [], names: ['agency_name', 'entity_name', 'region_name', 'officer_name'] },
  hotline_tickets: { key: 'id', date: 'received_at', codes: ['status', 'category'], names: ['agency_name', 'entity_name', 'region_name'] },
  delegations: { key: 'id', date: 'signed_on', codes: ['approved'], names: ['agency_name', 'region_name', 'service_whitelist_name'] },
  followup_answers: { key: 'id', date: 'answered_at', codes: ['says_inspection'], names: ['region_name'] },
  review_outcomes: { key: 'id', date: 'applied_on', codes: ['route', 'outcome'], names: ['agency_name', 'region_name'] },
  inspection_objects: {
    key: 'id',
    date: null,
    codes: ['risk_class', 'credit_class'],
    names: ['agency_name', 'entity_name', 'region_name'],
  },
  agencies: { key: 'id', date: null, codes: ['line_code', 'level'], names: ['region_name', 'line_name'] },
  officers: { key: 'id', date: null, codes: [], names: ['agency_name', 'region_name'] },
  certificates: { key: 'id', date: 'expires_on', codes: ['status'], names: ['region_name', 'officer_name'] },
  entities: { key: 'uscc', date: 'registered_on', codes: ['industry'], names: ['region_name'] },
  followup_tasks: { key: 'id', date: null, codes: ['subject_kind', 'channel', 'status'], names: ['entity_name', 'region_name'] },
};

/** A code column → the column of its name the server sends beside it. */
export const NAME_OF: Record<string, string> = {
  region_code: 'region_name',
  agency_id: 'agency_name',
  entity_uscc: 'entity_name',
  item_code: 'item_name',
  inspection_item_code: 'inspection_item_name',
  lead_officer_id: 'lead_officer_name',
  assist_officer_id: 'assist_officer_name',
  officer_id: 'officer_name',
  line_code: 'line_name',
  service_code: 'service_whitelist_name',
};

/** Column labels (src/lists/record-labels.ts): shared, and where a kind calls a column differently. */
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

/** The roles' Chinese names (src/auth/caller.ts). */
export const ROLE_LABELS = {
  supervisor: '监督员',
  agency_staff: '执法部门',
  officer: '执法人员',
  invited_supervisor: '特邀监督员',
  discipline_liaison: '纪检监察联络员',
  admin: '管理员',
} as const;

/** The notification kinds' Chinese names (src/notifications/kinds.ts). */
export const NOTIFICATION_KIND_NAMES: Record<string, string> = {
  assigned: '线索交办',
  self_check: '简易自查',
  returned: '整改退回',
  due_soon: '即将到期',
  overdue: '整改逾期',
  overdue_review: '整改逾期',
  submitted: '待审核',
  escalated: '逾期升级',
  answered: '文书已答复',
  transferred: '线索移送',
};
