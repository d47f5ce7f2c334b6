// The registry of measures: everything the assistant can count, sum or average, each as data — the
// words that name it, its table, the date column a period filters, the SQL of its value, how the table
// reaches an agency, a line, an item, an entity and an officer, and the qualifiers that narrow it
// (双随机检查, 不予处罚的案件 …). The planner builds every query from these fields; no SQL text ever
// comes from the question. Adding a measure: src/assistant/CONTEXT.md.

export interface Qualifier {
  /** Words that select it, longest first when read. */
  words: string[];
  label: string;
  /** A condition on alias t (trusted SQL from this file). */
  sql: string;
}

export type AgencyReach =
  /** t.agency_id names the agency. */
  | { kind: 'column'; column: string }
  /** the agency is the case's: t.case_id → cases. */
  | { kind: 'case' }
  /** no agency, and nothing personal to an agency (entities): every role reads its region. */
  | { kind: 'region' }
  /** the table has no agency: agency roles cannot be scoped to their agency, so they are refused. */
  | { kind: 'none' };

export interface Measure {
  key: string;
  /** Chinese name in answers: 检查次数. */
  label: string;
  unit: string;
  words: string[];
  table: string;
  /** Date (or timestamp) column that a period filters; null: the measure has no time (stock figures). */
  date: string | null;
  /** The aggregate over alias t. */
  value: string;
  /** Decimal places shown (money 2, averages 2, counts 0). */
  decimals: number;
  agency: AgencyReach;
  /** Column holding an item code (items.code) or an inspection item code. */
  item?: { column: string; table: 'items' | 'inspection_items' };
  entity?: string;
  officer?: string;
  /** Rows always excluded (a sum of fines counts only decided fines). */
  where?: string;
  qualifiers: Qualifier[];
  /** Clues: read through the clue workflow's scope, not scopeFilter. */
  scope?: 'clues';
}

const CASE_QUALIFIERS: Qualifier[] = [
  { words: ['不予处罚', '免罚', '不罚'], label: '不予处罚', sql: "t.decision = 'no_penalty'" },
  { words: ['罚款案件', '罚款的案件', '处以罚款'], label: '罚款', sql: "t.decision = 'fine'" },
  { words: ['警告'], label: '警告', sql: "t.decision = 'warning'" },
  { words: ['首违', '初次违法', '首次违法'], label: '初次违法', sql: 't.first_offence' },
  { words: ['在办', '未结案', '未办结', '办理中'], label: '在办', sql: "t.status = 'open'" },
  { words: ['已结案', '结案'], label: '已结案', sql: "t.status = 'closed'" },
  { words: ['从重处罚', '从重'], label: '从重处罚', sql: "t.tier = 'severe'" },
  { words: ['从轻处罚', '从轻'], label: '从轻处罚', sql: "t.tier = 'lenient'" },
  { words: ['减轻处罚', '减轻'], label: '减轻处罚', sql: "t.tier = 'mitigated'" },
];

/** Where the case measures read, and how a case is tied to an agency, an item, an entity and an officer. */
const CASE_COLUMNS = {
  table: 'cases',
  agency: { kind: 'column', column: 't.agency_id' },
  item: { column: 't.item_code', table: 'items' },
  entity: 't.entity_uscc',
  officer: 't.lead_officer_id',
} satisfies Partial<Measure>;

export const MEASURES: readonly Measure[] = [
  {
    key: 'inspected_entities',
    label: '被检查企业数',
    unit: '家',
    words: ['被检查企业数', '被检查企业', '检查企业数', '检查了多少家', '检查多少家', '检查的企业数'],
    table: 'inspections',
    date: 'inspected_on',
    value: 'count(DISTINCT t.entity_uscc)',
    decimals: 0,
    agency: { kind: 'column', column: 't.agency_id' },
    item: { column: 't.inspection_item_code', table: 'inspection_items' },
    entity: 't.entity_uscc',
    officer: 't.lead_officer_id',
    qualifiers: [],
  },
  {
    key: 'inspections',
    label: '检查次数',
    unit: '次',
    words: [
      '检查次数',
      '检查数量',
      '检查量',
      '检查数',
      '行政检查',
      '现场检查',
      '涉企检查',
      '检查频次',
      '检查',
      '查了',
      '被查',
      '抽查',
      '检查记录',
    ],
    table: 'inspections',
    date: 'inspected_on',
    value: 'count(*)',
    decimals: 0,
    agency: { kind: 'column', column: 't.agency_id' },
    item: { column: 't.inspection_item_code', table: 'inspection_items' },
    entity: 't.entity_uscc',
    officer: 't.lead_officer_id',
    qualifiers: [
      { words: ['双随机'], label: '双随机', sql: "t.kind = 'random'" },
      { words: ['联合检查', '综合查一次', '联合'], label: '联合检查', sql: "t.kind = 'joint'" },
      { words: ['投诉举报检查', '投诉检查', '举报检查'], label: '投诉举报检查', sql: "t.kind = 'complaint'" },
      { words: ['计划检查', '计划内'], label: '计划检查', sql: "t.kind = 'planned'" },
      { words: ['未亮码', '没亮码', '未扫码'], label: '未亮码', sql: 'NOT t.via_code' },
      { words: ['亮码检查', '亮码', '扫码检查'], label: '亮码检查', sql: 't.via_code' },
      { words: ['发现问题', '有问题', '不合格'], label: '发现问题', sql: "t.result <> 'compliant'" },
      { words: ['检查后立案', '移交立案'], label: '检查后立案', sql: "t.result = 'case_filed'" },
      { words: ['单人检查', '一人检查', '1人检查'], label: '单人检查', sql: 't.assist_officer_id IS NULL' },
    ],
  },
  {
    key: 'avg_fine',
    label: '平均罚款金额',
    unit: '元',
    words: ['平均罚款金额', '平均罚款', '罚款平均', '平均每件罚款', '平均罚了多少', '平均罚多少'],
    ...CASE_COLUMNS,
    date: 'decided_on',
    value: 'avg(t.fine_amount)',
    decimals: 2,
    where: "t.decision = 'fine'",
    qualifiers: CASE_QUALIFIERS.filter((q) => q.label !== '不予处罚' && q.label !== '警告'),
  },
  {
    key: 'fines',
    label: '罚款金额',
    unit: '元',
    words: ['罚没款金额', '罚款金额', '罚款总额', '罚没金额', '罚没款', '罚款总数', '罚款数额', '罚了多少钱', '罚多少钱', '罚款'],
    ...CASE_COLUMNS,
    date: 'decided_on',
    value: 'COALESCE(sum(t.fine_amount), 0)',
    decimals: 2,
    where: "t.decision = 'fine'",
    qualifiers: CASE_QUALIFIERS.filter((q) => q.label !== '不予处罚' && q.label !== '警告' && q.label !== '罚款'),
  },
  {
    key: 'cases',
    label: '处罚案件数',
    unit: '件',
    words: [
      '罚款的案件',
      '罚款案件',
      '处罚案件数',
      '行政处罚案件',
      '处罚案件',
      '案件数量',
      '案件数',
      '立案数',
      '立了多少案',
      '立案',
      '案件',
      '案子',
      '办案',
      '处罚了多少',
    ],
    ...CASE_COLUMNS,
    date: 'filed_on',
    value: 'count(*)',
    decimals: 0,
    qualifiers: CASE_QUALIFIERS,
  },
  {
    key: 'licences',
    label: '行政许可件数',
    unit: '件',
    words: ['行政许可', '许可申请', '许可件数', '审批件数', '许可证', '许可', '审批', '办证'],
    table: 'licences',
    date: 'applied_on',
    value: 'count(*)',
    decimals: 0,
    agency: { kind: 'column', column: 't.agency_id' },
    item: { column: 't.item_code', table: 'items' },
    entity: 't.entity_uscc',
    qualifiers: [
      { words: ['不予许可', '被拒', '驳回', '不批'], label: '不予许可', sql: "t.result = 'refused'" },
      { words: ['待审批', '审批中', '未办结', '待办'], label: '待审批', sql: "t.result = 'pending'" },
      { words: ['准予许可', '已批准', '通过'], label: '准予许可', sql: "t.result = 'granted'" },
    ],
  },
  {
    key: 'clues',
    label: '问题线索数',
    unit: '条',
    words: ['问题线索', '线索数', '线索'],
    table: 'clues',
    date: 'created_at',
    value: 'count(*)',
    decimals: 0,
    agency: { kind: 'column', column: 't.agency_id' },
    scope: 'clues',
    qualifiers: [
      { words: ['待研判'], label: '待研判', sql: "t.status = 'new'" },
      { words: ['已交办', '交办'], label: '已交办', sql: "t.status = 'assigned'" },
      { words: ['整改中', '正在整改'], label: '整改中', sql: "t.status = 'rectifying'" },
      { words: ['待审核'], label: '待审核', sql: "t.status = 'submitted'" },
      { words: ['退回'], label: '退回整改', sql: "t.status = 'returned'" },
      { words: ['已销号', '销号'], label: '已销号', sql: "t.status = 'closed'" },
      { words: ['已排除', '排除'], label: '已排除', sql: "t.status = 'dismissed'" },
      { words: ['移送纪检', '移送'], label: '已移送纪检监察', sql: "t.status = 'transferred'" },
      { words: ['未办结', '未销号', '在办'], label: '未办结', sql: "t.status NOT IN ('closed', 'dismissed', 'transferred')" },
      { words: ['高风险', '严重'], label: '高风险', sql: "t.severity = 'high'" },
    ],
  },
  {
    key: 'deliveries',
    label: '文书送达件数',
    unit: '件',
    words: ['文书送达', '送达件数', '送达'],
    table: 'deliveries',
    date: 'sent_on',
    value: 'count(*)',
    decimals: 0,
    agency: { kind: 'case' },
    qualifiers: [
      { words: ['电子送达'], label: '电子送达', sql: "t.method = 'electronic'" },
      { words: ['邮寄送达', '邮寄'], label: '邮寄送达', sql: "t.method = 'post'" },
      { words: ['直接送达'], label: '直接送达', sql: "t.method = 'direct'" },
      { words: ['公告送达'], label: '公告送达', sql: "t.method = 'notice'" },
      { words: ['未送达', '没送达'], label: '未送达', sql: 't.delivered_on IS NULL' },
    ],
  },
  {
    key: 'payments',
    label: '罚没款缴纳金额',
    unit: '元',
    words: ['缴纳金额', '缴款金额', '已缴金额', '缴纳', '缴款', '收缴'],
    table: 'payments',
    date: 'paid_on',
    value: 'COALESCE(sum(t.amount), 0)',
    decimals: 2,
    agency: { kind: 'case' },
    where: 't.paid_on IS NOT NULL',
    qualifiers: [],
  },
  {
    key: 'hotline',
    label: '12345工单数',
    unit: '件',
    words: ['12345工单', '12345', '热线工单', '工单', '投诉件', '投诉举报', '投诉', '热线'],
    table: 'hotline_tickets',
    date: 'received_at',
    value: 'count(*)',
    decimals: 0,
    agency: { kind: 'column', column: 't.agency_id' },
    entity: 't.entity_uscc',
    qualifiers: [
      { words: ['未办结', '未处理', '待处理'], label: '未办结', sql: "t.status = 'open'" },
      { words: ['已办结', '已处理'], label: '已办结', sql: "t.status = 'closed'" },
    ],
  },
  {
    key: 'satisfaction',
    label: '回访平均满意度',
    unit: '分',
    words: ['回访满意度', '平均满意度', '满意度', '满意程度'],
    table: 'followup_answers',
    date: 'answered_at',
    value: 'avg(t.satisfaction)',
    decimals: 2,
    agency: { kind: 'none' },
    where: 't.satisfaction IS NOT NULL',
    qualifiers: [],
  },
  {
    key: 'followups',
    label: '回访答复数',
    unit: '条',
    words: ['回访答复', '回访次数', '回访数', '回访'],
    table: 'followup_answers',
    date: 'answered_at',
    value: 'count(*)',
    decimals: 0,
    agency: { kind: 'none' },
    qualifiers: [{ words: ['不满意'], label: '不满意（1–2分）', sql: 't.satisfaction <= 2' }],
  },
  {
    key: 'service_visits',
    label: '服务走访次数',
    unit: '次',
    words: ['服务走访', '上门服务', '走访', '服务次数'],
    table: 'service_visits',
    date: 'visited_on',
    value: 'count(*)',
    decimals: 0,
    agency: { kind: 'column', column: 't.agency_id' },
    entity: 't.entity_uscc',
    officer: 't.officer_id',
    qualifiers: [],
  },
  {
    key: 'delegations',
    label: '第三方委托数',
    unit: '项',
    words: ['第三方委托', '委托服务', '委托'],
    table: 'delegations',
    date: 'signed_on',
    value: 'count(*)',
    decimals: 0,
    agency: { kind: 'column', column: 't.agency_id' },
    qualifiers: [
      { words: ['未报批', '没报批'], label: '未报批', sql: 'NOT t.approved' },
      { words: ['目录外', '清单外'], label: '目录外', sql: 't.service_code IS NULL' },
    ],
  },
  {
    key: 'entities',
    label: '经营主体数',
    unit: '家',
    words: ['经营主体数', '市场主体数', '企业数量', '企业数', '多少家企业', '多少企业', '经营主体'],
    table: 'entities',
    date: null,
    value: 'count(*)',
    decimals: 0,
    agency: { kind: 'region' },
    qualifiers: [],
  },
  {
    key: 'officers',
    label: '执法人员数',
    unit: '人',
    words: ['执法人员数', '执法人员数量', '多少执法人员', '多少名执法人员', '执法人员有多少', '执法队伍'],
    table: 'officers',
    date: null,
    value: 'count(*)',
    decimals: 0,
    agency: { kind: 'column', column: 't.agency_id' },
    qualifiers: [],
  },
  {
    key: 'agencies',
    label: '执法主体数',
    unit: '个',
    words: ['执法主体数', '执法主体数量', '多少执法主体', '多少个执法部门', '执法部门数'],
    table: 'agencies',
    date: null,
    value: 'count(*)',
    decimals: 0,
    agency: { kind: 'column', column: 't.id' },
    qualifiers: [],
  },
];

export function measureByKey(key: string): Measure {
  const m = MEASURES.find((x) => x.key === key);
  if (!m) throw new Error(`unknown measure ${key}`);
  return m;
}

/** Every (word, measure) pair, longest word first: 罚款金额 wins over 罚款, 检查次数 over 检查. */
export const MEASURE_WORDS: readonly [string, Measure][] = MEASURES.flatMap((m) => m.words.map((w): [string, Measure] => [w, m])).sort(
  (a, b) => b[0].length - a[0].length,
);
