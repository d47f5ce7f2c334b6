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
