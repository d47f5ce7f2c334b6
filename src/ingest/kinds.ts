// The field specs of every importable kind: one per record table, plus entities. Everything the
// importer, the API schemas and docs/import-formats.md know about a column comes from here.
// Names are the table's column names (DESIGN.md glossary); labels and aliases are the headers an
// agency system's Excel export uses, so such a file imports as is.

export const KINDS = [
  'licences',
  'inspections',
  'cases',
  'deliveries',
  'payments',
  'service_visits',
  'hotline_tickets',
  'delegations',
  'followup_answers',
  'entities',
] as const;
export type Kind = (typeof KINDS)[number];

export const isKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);

export type FieldType = 'string' | 'date' | 'timestamp' | 'decimal' | 'boolean' | 'enum' | 'uscc' | 'region' | 'integer';

export interface EnumValue {
  code: string;
  label: string;
  aliases?: string[];
}

export interface FieldSpec {
  /** Column name in the table, and the canonical header / JSON key. */
  name: string;
  /** Chinese label: the header an agency export uses. */
  label: string;
  /** Other accepted headers. */
  aliases?: string[];
  type: FieldType;
  required: boolean;
  /** enum: the codes stored, each with the Chinese label accepted in its place. */
  values?: EnumValue[];
  /** string: the longest accepted value (characters). integer: min/max. */
  maxLength?: number;
  min?: number;
  max?: number;
  /** The value must name a row of this reference table. */
  ref?: 'agency' | 'item' | 'inspection_item';
  /** The value names a record of this kind: its source_id in the same source system, or its Kedu id. */
  recordRef?: RecordKind;
  example: string;
  note?: string;
}

export interface KindSpec {
  kind: Kind;
  table: string;
  label: string;
  /** Record ids are `${idPrefix}-${md5(source_system|source_id) first 20 hex}` (record-id.ts). */
  idPrefix: string | null;
  /** The natural key a re-sent row is matched on. */
  key: readonly string[];
  fields: FieldSpec[];
  /** The column naming the responsible agency (jurisdiction of agency roles), or null. */
  agencyColumn: string | null;
  /** Whether agency roles (执法部门) may import this kind; supervisors and admins may import all. */
  agencyMayImport: boolean;
  /** Checks across fields of one row, on the normalised values: [field, message] of each problem. */
  rules?: ((get: (name: string) => string | null) => [string, string] | null)[];
}

export type RecordKind = Exclude<Kind, 'entities'>;

// ── shared fields ──────────────────────────────────────────────────────────────────────────────
const sourceSystem: FieldSpec = {
  name: 'source_system',
  label: '来源系统',
  aliases: ['来源系统编码', '数据来源', '系统编码'],
  type: 'string',
  required: false,
  maxLength: 64,
  example: 'zj-xzzf',
  note: '字母、数字及 _ . : -，至多64位；文件中无此列时取导入时指定的来源系统',
};
const sourceId = (label: string, aliases: string[], example: string): FieldSpec => ({
  name: 'source_id',
  label,
  aliases: [...aliases, '来源编号', '业务编号', '原始编号'],
  type: 'string',
  required: true,
  maxLength: 128,
  example,
  note: '来源系统内的唯一编号；同一来源系统重复报送同一编号时更新原记录，不会重复',
});
const regionCode: FieldSpec = {
  name: 'region_code',
  label: '区划代码',
  aliases: ['行政区划代码', '区划编码', '所属区划代码'],
  type: 'region',
  required: true,
  example: '330106',
  note: 'GB/T 2260 县级6位或乡镇级9位代码，须在本人辖区内',
};
const agencyId: FieldSpec = {
  name: 'agency_id',
  label: '执法主体编码',
  aliases: ['执法主体代码', '执法主体ID', '执法部门编码', '实施主体编码'],
  type: 'string',
  required: true,
  maxLength: 64,
  ref: 'agency',
  example: 'AG-330106-SCJG',
  note: '须为已登记的执法主体；执法部门账号只能导入本部门的记录',
};
const entityUscc = (label = '统一社会信用代码', aliases: string[] = []): FieldSpec => ({
  name: 'entity_uscc',
  label,
  aliases: [...aliases, '统一社会信用代码', '社会信用代码', '信用代码', 'uscc'],
  type: 'uscc',
  required: true,
  example: '91330106MA2CFWLK3B',
  note: 'GB 32100-2015，校验位须正确',
});
const officer = (name: string, label: string, aliases: string[], required: boolean): FieldSpec => ({
  name,
  label,
  aliases,
  type: 'string',
  required,
  maxLength: 64,
  example: 'OF-330106-0012',
});

const dateAfter =
  (later: string, earlier: string, message: string) =>
  (get: (name: string) => string | null): [string, string] | null => {
    const a = get(later),
      b = get(earlier);
    return a !== null && b !== null && a.slice(0, 10) < b.slice(0, 10) ? [later, message] : null;
  };

// ── kinds ──────────────────────────────────────────────────────────────────────────────────────
const licences: KindSpec = {
  kind: 'licences',
  table: 'licences',
  label: '行政许可',
  idPrefix: 'lic',
  key: ['source_system', 'source_id'],
  agencyColumn: 'agency_id',
  agencyMayImport: true,
  fields: [
    sourceSystem,
    sourceId('许可编号', ['办件编号', '受理编号', '申请编号'], 'XK2025000123'),
    regionCode,
    agencyId,
    {
      name: 'item_code',
      label: '事项编码',
      aliases: ['许可事项编码', '执法事项编码', '权力事项编码'],
      type: 'string',
      required: true,
      maxLength: 64,
      ref: 'item',
      example: 'XK-SCJG-0001',
      note: '须为执法事项目录中的事项',
    },
    entityUscc('申请人统一社会信用代码'),
    { name: 'applied_on', label: '申请日期', aliases: ['受理日期', '申请时间'], type: 'date', required: true, example: '2025-03-02' },
    {
      name: 'decided_on',
      label: '决定日期',
      aliases: ['办结日期', '审批日期', '决定时间'],
      type: 'date',
      required: false,
      example: '2025-03-10',
    },
    {
      name: 'result',
      label: '办理结果',
      aliases: ['审批结果', '许可结果'],
      type: 'enum',
      required: true,
      example: 'granted',
      values: [
        { code: 'pending', label: '办理中', aliases: ['审查中', '受理', '在办'] },
        { code: 'granted', label: '准予许可', aliases: ['准予', '批准', '同意', '通过'] },
        { code: 'refused', label: '不予许可', aliases: ['不予', '不批准', '驳回', '不同意'] },
      ],
    },
  ],
  rules: [dateAfter('decided_on', 'applied_on', '决定日期不能早于申请日期')],
};

const inspections: KindSpec = {
  kind: 'inspections',
  table: 'inspections',
  label: '行政检查',
  idPrefix: 'insp',
  key: ['source_system', 'source_id'],
  agencyColumn: 'agency_id',
  agencyMayImport: true,
  fields: [
    sourceSystem,
    sourceId('检查编号', ['检查记录编号', '检查单编号'], 'JC2025004567'),
    regionCode,
    agencyId,
    {
      name: 'inspection_item_code',
      label: '检查事项编码',
      aliases: ['涉企检查事项编码', '检查事项代码'],
      type: 'string',
      required: true,
      maxLength: 64,
      ref: 'inspection_item',
      example: 'JC-SCJG-0001',
      note: '须为涉企行政检查事项清单中的事项',
    },
    entityUscc('被检查对象统一社会信用代码', ['检查对象统一社会信用代码']),
    { name: 'inspected_on', label: '检查日期', aliases: ['检查时间', '实施日期'], type: 'date', required: true, example: '2025-04-18' },
    {
      name: 'kind',
      label: '检查类型',
      aliases: ['检查方式', '检查类别'],
      type: 'enum',
      required: true,
      example: 'random',
      values: [
        { code: 'random', label: '双随机检查', aliases: ['双随机', '随机抽查', '双随机抽查'] },
        { code: 'complaint', label: '投诉举报检查', aliases: ['投诉举报', '举报', '投诉'] },
        { code: 'joint', label: '联合检查', aliases: ['跨部门联合检查', '综合查一次'] },
        { code: 'planned', label: '计划检查', aliases: ['日常检查'] },
      ],
    },
    {
      name: 'joint_id',
      label: '联合检查编号',
      aliases: ['综合查一次编号'],
      type: 'string',
      required: false,
      maxLength: 64,
      example: 'LH2025-017',
    },
    officer('lead_officer_id', '主办执法人员编号', ['主检查人员编号', '执法人员编号', '检查人员编号'], true),
    officer('assist_officer_id', '协办执法人员编号', ['协检查人员编号', '辅助执法人员编号'], false),
    {
      name: 'via_code',
      label: '是否亮码检查',
      aliases: ['亮码检查', '扫码检查', '是否扫码'],
      type: 'boolean',
      required: true,
      example: '是',
    },
    {
      name: 'result',
      label: '检查结果',
      aliases: ['检查结论', '处理结果'],
      type: 'enum',
      required: true,
      example: 'compliant',
      values: [
        { code: 'compliant', label: '未发现问题', aliases: ['合格', '正常', '无问题'] },
        { code: 'issues', label: '发现问题', aliases: ['责令整改', '限期整改', '存在问题'] },
        { code: 'case_filed', label: '立案查处', aliases: ['立案', '移送立案'] },
      ],
    },
  ],
};

const cases: KindSpec = {
  kind: 'cases',
  table: 'cases',
  label: '行政处罚案件',
  idPrefix: 'case',
  key: ['source_system', 'source_id'],
  agencyColumn: 'agency_id',
  agencyMayImport: true,
  fields: [
    sourceSystem,
    sourceId('案件编号', ['办案编号', '立案编号'], 'AJ2025000789'),
    regionCode,
    agencyId,
    {
      name: 'item_code',
      label: '处罚事项编码',
      aliases: ['违法事项编码', '事项编码', '执法事项编码', '权力事项编码'],
      type: 'string',
      required: true,
      maxLength: 64,
      ref: 'item',
      example: 'CF-SCJG-0001',
      note: '须为执法事项目录中的事项',
    },
    entityUscc('当事人统一社会信用代码'),
    {
      name: 'inspection_id',
      label: '检查编号',
      aliases: ['关联检查编号', '案件来源检查编号'],
      type: 'string',
      required: false,
      maxLength: 128,
      recordRef: 'inspections',
      example: 'JC2025004567',
      note: '引出本案的检查在同一来源系统中的编号（或刻度检查记录ID insp-…）',
    },
    { name: 'filed_on', label: '立案日期', aliases: ['立案时间'], type: 'date', required: true, example: '2025-04-20' },
    { name: 'first_offence', label: '是否首次违法', aliases: ['首次违法', '首违'], type: 'boolean', required: true, example: '是' },
    {
      name: 'corrected',
      label: '是否及时改正',
      aliases: ['及时改正', '是否改正', '已改正'],
      type: 'boolean',
      required: true,
      example: '是',
    },
    {
      name: 'harm',
      label: '危害后果',
      aliases: ['危害程度', '社会危害'],
      type: 'enum',
      required: true,
      example: 'none',
      values: [
        { code: 'none', label: '无危害后果', aliases: ['无', '未造成危害后果'] },
        { code: 'minor', label: '危害轻微', aliases: ['轻微', '较轻'] },
        { code: 'serious', label: '危害严重', aliases: ['严重', '较重'] },
      ],
    },
    {
      name: 'facts',
      label: '违法事实',
      aliases: ['案情摘要', '违法行为'],
      type: 'string',
      required: false,
      maxLength: 20000,
      example: '未取得营业执照从事经营活动',
    },
    officer('lead_officer_id', '主办执法人员编号', ['承办人编号', '执法人员编号'], true),
    officer('assist_officer_id', '协办执法人员编号', ['协办人编号'], false),
    {
      name: 'decided_on',
      label: '决定日期',
      aliases: ['处罚决定日期', '作出决定日期'],
      type: 'date',
      required: false,
      example: '2025-05-15',
    },
    {
      name: 'decision',
      label: '处理决定',
      aliases: ['处罚决定', '处罚种类', '处理结果'],
      type: 'enum',
      required: false,
      example: 'fine',
      values: [
        { code: 'fine', label: '罚款' },
        { code: 'warning', label: '警告' },
        { code: 'no_penalty', label: '不予处罚', aliases: ['不予行政处罚', '免罚', '首违不罚'] },
      ],
    },
    {
      name: 'tier',
      label: '裁量档次',
      aliases: ['裁量阶次', '处罚档次'],
      type: 'enum',
      required: false,
      example: 'general',
      values: [
        { code: 'exempt', label: '不予', aliases: ['不予处罚档', '免予处罚'] },
        { code: 'mitigated', label: '减轻', aliases: ['减轻处罚'] },
        { code: 'lenient', label: '从轻', aliases: ['从轻处罚'] },
        { code: 'general', label: '一般', aliases: ['一般处罚'] },
        { code: 'severe', label: '从重', aliases: ['从重处罚'] },
      ],
    },
    {
      name: 'fine_amount',
      label: '罚款金额',
      aliases: ['罚款金额（元）', '罚没金额', '处罚金额'],
      type: 'decimal',
      required: false,
      example: '5000.00',
      note: '元，不小于0，至多两位小数',
    },
    {
      name: 'status',
      label: '案件状态',
      aliases: ['办理状态', '状态'],
      type: 'enum',
      required: true,
      example: 'decided',
      values: [
        { code: 'open', label: '办理中', aliases: ['在办', '立案'] },
        { code: 'decided', label: '已决定', aliases: ['已作出决定', '已处罚'] },
        { code: 'closed', label: '已结案', aliases: ['结案', '办结', '已办结'] },
      ],
    },
  ],
  rules: [
    dateAfter('decided_on', 'filed_on', '决定日期不能早于立案日期'),
    (get) =>
      get('status') !== 'open' && get('status') !== null && get('decision') === null
        ? ['decision', '案件已决定或已结案时须填写处理决定']
        : null,
    (get) => (get('decision') === 'fine' && get('fine_amount') === null ? ['fine_amount', '处理决定为罚款时须填写罚款金额'] : null),
    (get) => (get('decision') !== null && get('decided_on') === null ? ['decided_on', '已有处理决定时须填写决定日期'] : null),
  ],
};

const caseRef: FieldSpec = {
  name: 'case_id',
  label: '案件编号',
  aliases: ['关联案件编号', '案件ID'],
  type: 'string',
  required: true,
  maxLength: 128,
  recordRef: 'cases',
  example: 'AJ2025000789',
  note: '案件在同一来源系统中的编号（或刻度案件ID case-…）',
};

const deliveries: KindSpec = {
  kind: 'deliveries',
  table: 'deliveries',
  label: '文书送达',
  idPrefix: 'dlv',
  key: ['source_system', 'source_id'],
  agencyColumn: null,
  agencyMayImport: true,
  fields: [
    sourceSystem,
    sourceId('送达编号', ['送达回证编号', '送达记录编号'], 'SD2025000321'),
    regionCode,
    caseRef,
    {
      name: 'method',
      label: '送达方式',
      aliases: ['送达类型'],
      type: 'enum',
      required: true,
      example: 'electronic',
      values: [
        { code: 'electronic', label: '电子送达' },
        { code: 'direct', label: '直接送达', aliases: ['当场送达', '留置送达'] },
        { code: 'post', label: '邮寄送达', aliases: ['邮寄'] },
        { code: 'notice', label: '公告送达', aliases: ['公告'] },
      ],
    },
    { name: 'sent_on', label: '发出日期', aliases: ['送达发出日期', '寄出日期'], type: 'date', required: true, example: '2025-05-16' },
    { name: 'delivered_on', label: '送达日期', aliases: ['签收日期', '送达时间'], type: 'date', required: false, example: '2025-05-17' },
  ],
  rules: [dateAfter('delivered_on', 'sent_on', '送达日期不能早于发出日期')],
};

const payments: KindSpec = {
  kind: 'payments',
  table: 'payments',
  label: '罚没款缴纳',
  idPrefix: 'pay',
  key: ['source_system', 'source_id'],
  agencyColumn: null,
  agencyMayImport: true,
  fields: [
    sourceSystem,
    sourceId('缴款编号', ['缴款单号', '缴款书编号', '缴费编号'], 'JK2025000654'),
    regionCode,
    caseRef,
    {
      name: 'amount',
      label: '应缴金额',
      aliases: ['缴款金额', '金额', '罚没款金额'],
      type: 'decimal',
      required: true,
      example: '5000.00',
      note: '元，不小于0，至多两位小数',
    },
    { name: 'due_on', label: '缴款期限', aliases: ['应缴日期', '缴款截止日期'], type: 'date', required: true, example: '2025-06-14' },
    { name: 'paid_on', label: '缴款日期', aliases: ['实缴日期', '缴纳日期'], type: 'date', required: false, example: '2025-05-30' },
  ],
};

const serviceVisits: KindSpec = {
  kind: 'service_visits',
  table: 'service_visits',
  label: '涉企服务',
  idPrefix: 'svc',
  key: ['source_system', 'source_id'],
  agencyColumn: 'agency_id',
  agencyMayImport: true,
  fields: [
    sourceSystem,
    sourceId('服务编号', ['走访编号', '服务记录编号'], 'FW2025000111'),
    regionCode,
    agencyId,
    entityUscc('服务对象统一社会信用代码', ['企业统一社会信用代码']),
    { name: 'visited_on', label: '服务日期', aliases: ['走访日期', '服务时间'], type: 'date', required: true, example: '2025-04-02' },
    {
      name: 'topic',
      label: '服务内容',
      aliases: ['服务事项', '走访内容', '服务主题'],
      type: 'string',
      required: true,
      maxLength: 2000,
      example: '合规经营指导',
    },
    {
      name: 'officer_id',
      label: '服务人员编号',
      aliases: ['执法人员编号', '走访人员编号'],
      type: 'string',
      required: false,
      maxLength: 64,
      example: 'OF-330106-0012',
    },
  ],
};

const hotlineTickets: KindSpec = {
  kind: 'hotline_tickets',
  table: 'hotline_tickets',
  label: '12345工单',
  idPrefix: 'hot',
  key: ['source_system', 'source_id'],
  agencyColumn: 'agency_id',
  agencyMayImport: false,
  fields: [
    sourceSystem,
    sourceId('工单编号', ['工单号', '诉求编号'], 'GD20250412000123'),
    regionCode,
    {
      name: 'received_at',
      label: '受理时间',
      aliases: ['来电时间', '登记时间', '诉求时间'],
      type: 'timestamp',
      required: true,
      example: '2025-04-12 09:31:00',
      note: '无时区时按北京时间',
    },
    {
      name: 'category',
      label: '诉求类别',
      aliases: ['工单类型', '诉求类型', '问题分类'],
      type: 'string',
      required: true,
      maxLength: 200,
      example: '执法检查',
    },
    {
      name: 'content',
      label: '诉求内容',
      aliases: ['工单内容', '来电内容', '问题描述'],
      type: 'string',
      required: true,
      maxLength: 20000,
      example: '反映一周内被同一部门检查三次',
    },
    { ...entityUscc('涉及企业统一社会信用代码', ['被反映企业统一社会信用代码']), required: false },
    { ...agencyId, label: '承办部门编码', aliases: ['承办单位编码', agencyId.label, ...(agencyId.aliases ?? [])], required: false },
    {
      name: 'status',
      label: '工单状态',
      aliases: ['办理状态', '状态'],
      type: 'enum',
      required: true,
      example: 'answered',
      values: [
        { code: 'open', label: '办理中', aliases: ['待办理', '待处理', '在办'] },
        { code: 'answered', label: '已答复', aliases: ['已回复'] },
        { code: 'closed', label: '已办结', aliases: ['办结', '已关闭', '已结案'] },
      ],
    },
  ],
};

const delegations: KindSpec = {
  kind: 'delegations',
  table: 'delegations',
  label: '第三方服务委托',
  idPrefix: 'dlg',
  key: ['source_system', 'source_id'],
  agencyColumn: 'agency_id',
  agencyMayImport: true,
  fields: [
    sourceSystem,
    sourceId('委托编号', ['合同编号', '委托合同编号'], 'WT2025000042'),
    regionCode,
    agencyId,
    {
      name: 'service_code',
      label: '服务事项编码',
      aliases: ['正面清单编码', '委托事项编码'],
      type: 'string',
      required: false,
      maxLength: 64,
      example: 'FW-001',
      note: '第三方服务正面清单中的编码；不在清单中或空缺即“目录外委托”，照常入库，由监督模型发现',
    },
    {
      name: 'service_name',
      label: '委托服务名称',
      aliases: ['委托事项', '服务名称'],
      type: 'string',
      required: true,
      maxLength: 500,
      example: '食品抽样检验',
    },
    {
      name: 'provider_name',
      label: '受托机构名称',
      aliases: ['受托单位', '服务机构名称', '第三方机构名称'],
      type: 'string',
      required: true,
      maxLength: 500,
      example: '杭州某检测技术有限公司',
    },
    {
      name: 'provider_uscc',
      label: '受托机构统一社会信用代码',
      aliases: ['受托单位统一社会信用代码', '服务机构统一社会信用代码'],
      type: 'uscc',
      required: false,
      example: '91330106MA2CFWLK3B',
    },
    { name: 'approved', label: '是否报批', aliases: ['已报批', '委托报批', '是否审批'], type: 'boolean', required: true, example: '是' },
    {
      name: 'fee',
      label: '委托费用',
      aliases: ['合同金额', '服务费用', '委托金额'],
      type: 'decimal',
      required: false,
      example: '120000.00',
      note: '元，不小于0，至多两位小数',
    },
    { name: 'signed_on', label: '签订日期', aliases: ['委托日期', '合同签订日期'], type: 'date', required: true, example: '2025-02-28' },
  ],
};

const followupAnswers: KindSpec = {
  kind: 'followup_answers',
  table: 'followup_answers',
  label: '回访答复',
  idPrefix: 'fua',
  key: ['source_system', 'source_id'],
  agencyColumn: null,
  agencyMayImport: false,
  fields: [
    sourceSystem,
    sourceId('回访编号', ['答复编号', '通话编号', '问卷编号'], 'HF2025000999'),
    {
      name: 'task_id',
      label: '回访任务编号',
      aliases: ['任务编号', '回访任务ID'],
      type: 'string',
      required: true,
      maxLength: 128,
      example: 'fut-0001',
    },
    regionCode,
    {
      name: 'answered_at',
      label: '回访时间',
      aliases: ['答复时间', '通话时间'],
      type: 'timestamp',
      required: true,
      example: '2025-05-20 14:05:00',
      note: '无时区时按北京时间',
    },
    {
      name: 'satisfaction',
      label: '满意度',
      aliases: ['满意度评分', '评分'],
      type: 'integer',
      required: false,
      min: 1,
      max: 5,
      example: '5',
      note: '1至5',
    },
    {
      name: 'says_inspection',
      label: '企业认为是检查',
      aliases: ['是否认为是检查', '企业称为检查'],
      type: 'boolean',
      required: false,
      example: '否',
    },
    {
      name: 'transcript',
      label: '回访记录',
      aliases: ['通话文本', '答复内容', '回访内容'],
      type: 'string',
      required: false,
      maxLength: 20000,
      example: '服务人员讲解了新规定，没有检查',
    },
    {
      name: 'outcome',
      label: '回访结果',
      aliases: ['呼叫结果', '接通情况', '外呼结果'],
      type: 'enum',
      required: false,
      example: 'reached',
      note: '不填视为已接通',
      values: [
        { code: 'reached', label: '已接通', aliases: ['接通', '成功', '已回访'] },
        { code: 'unreachable', label: '未接通', aliases: ['无人接听', '空号', '关机', '占线'] },
        { code: 'refused', label: '拒绝回访', aliases: ['拒访', '拒接', '拒绝'] },
      ],
    },
    {
      name: 'channel',
      label: '回访渠道',
      aliases: ['回访方式', '渠道'],
      type: 'enum',
      required: false,
      example: 'phone',
      values: [
        { code: 'phone', label: 'AI电话回访', aliases: ['AI外呼', '智能外呼', '电话'] },
        { code: 'human', label: '人工复核', aliases: ['人工回访', '人工电话', '二次回访'] },
        { code: 'link', label: '在线问卷', aliases: ['问卷', '云调研', '扫码'] },
      ],
    },
    {
      name: 'answers',
      label: '逐题答复',
      aliases: ['问卷答复', '各题答案'],
      type: 'string',
      required: false,
      maxLength: 20000,
      example: '{"q_visited":"是","q_id":"否","q_sat":"2"}',
      note: 'JSON 对象：问题编号 → 答案（见回访活动的问卷）',
    },
  ],
  rules: [
    (get) => {
      const a = get('answers');
      if (a === null) return null;
      try {
        const v: unknown = JSON.parse(a);
        return v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string')
          ? null
          : ['answers', '逐题答复须为 JSON 对象，每题的答案为文本'];
      } catch {
        return ['answers', '逐题答复不是有效的 JSON'];
      }
    },
  ],
};

const entities: KindSpec = {
  kind: 'entities',
  table: 'entities',
  label: '经营主体',
  idPrefix: null,
  key: ['uscc'],
  agencyColumn: null,
  agencyMayImport: false,
  fields: [
    {
      name: 'uscc',
      label: '统一社会信用代码',
      aliases: ['社会信用代码', '信用代码', 'entity_uscc'],
      type: 'uscc',
      required: true,
      example: '91330106MA2CFWLK3B',
      note: 'GB 32100-2015，校验位须正确；同一代码重复导入时更新',
    },
    {
      name: 'name',
      label: '企业名称',
      aliases: ['主体名称', '名称', '单位名称', '经营者名称'],
      type: 'string',
      required: true,
      maxLength: 500,
      example: '杭州某餐饮管理有限公司',
    },
    regionCode,
    {
      name: 'industry',
      label: '行业',
      aliases: ['所属行业', '行业类别', '行业门类'],
      type: 'string',
      required: false,
      maxLength: 200,
      example: '餐饮业',
    },
    {
      name: 'address',
      label: '住所',
      aliases: ['地址', '经营场所', '注册地址'],
      type: 'string',
      required: false,
      maxLength: 500,
      example: '杭州市西湖区文三路1号',
    },
    {
      name: 'legal_rep',
      label: '法定代表人',
      aliases: ['负责人', '经营者', '法定代表人姓名'],
      type: 'string',
      required: false,
      maxLength: 100,
      example: '张三',
    },
    {
      name: 'phone',
      label: '联系电话',
      aliases: ['电话', '联系方式'],
      type: 'string',
      required: false,
      maxLength: 50,
      example: '0571-88880000',
    },
    {
      name: 'registered_on',
      label: '成立日期',
      aliases: ['登记日期', '注册日期', '设立日期'],
      type: 'date',
      required: false,
      example: '2019-06-01',
    },
  ],
};

export const KIND_SPECS: Record<Kind, KindSpec> = {
  licences,
  inspections,
  cases,
  deliveries,
  payments,
  service_visits: serviceVisits,
  hotline_tickets: hotlineTickets,
  delegations,
  followup_answers: followupAnswers,
  entities,
};

export const kindSpec = (kind: Kind): KindSpec => KIND_SPECS[kind];

/** Source systems are codes, so `source_system|source_id` is unambiguous in the record id. */
export const SOURCE_SYSTEM_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;

/** Columns of the error file that the importer skips, so a corrected error file imports as is. */
export const ERROR_FILE_COLUMNS = ['行号', '错误信息'] as const;

/** A header as compared: width-folded, case-folded, without spaces, `*`, `_` and `-`. */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .replace(/[\s*_-]/g, '')
    .toLowerCase();
}

/** Header (normalised) → field name, for one kind: names, camelCase names, labels and aliases. */
export function headerIndex(spec: KindSpec): Map<string, string> {
  const index = new Map<string, string>();
  for (const f of spec.fields) {
    for (const h of [f.name, f.label, ...(f.aliases ?? [])]) {
      const key = normaliseHeader(h);
      if (!index.has(key)) index.set(key, f.name);
    }
  }
  return index;
}
