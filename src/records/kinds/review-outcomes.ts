// 复议诉讼结果: the outcome of an administrative reconsideration (行政复议) or lawsuit (行政诉讼) brought
// against a penalty case, and what the respondent agency did after it: carried the decision out
// (行政复议法 第七十七条), withdrew its published penalty decision (行政处罚法 第四十八条). The row names
// the respondent agency itself: an agency's staff see and import only the outcomes naming their agency.
import { sourceSystem, sourceId, regionCode, agencyId, caseRef, dateAfter, countyCode } from '../fields.ts';
import type { RecordKindSpec } from '../types.ts';

/** Outcomes that find the penalty decision wrong (纠错): revoked, changed or confirmed illegal. */
export const CORRECTING_OUTCOMES = ['revoked', 'changed', 'confirmed_illegal'] as const;
/** Outcomes the agency has to carry out (act again, change, act at all). */
export const ACTING_OUTCOMES = ['revoked', 'changed', 'ordered_to_act'] as const;

export const reviewOutcomes: RecordKindSpec = {
  kind: 'review_outcomes',
  table: 'review_outcomes',
  label: '复议诉讼结果',
  idPrefix: 'rev',
  key: ['source_system', 'source_id'],
  idColumn: 'id',
  agencyScope: { column: 'agency_id' },
  listOrder: 'applied_on',
  importable: true,
  computed: [countyCode],
  reference: false,
  agencyMayImport: true,
  fields: [
    sourceSystem,
    sourceId('复议诉讼案号', ['复议案号', '诉讼案号', '行政复议案号', '行政诉讼案号', '案号'], 'FY2025000123'),
    regionCode,
    { ...agencyId, label: '被申请人（被告）编码', aliases: ['被申请人编码', '被告编码', ...(agencyId.aliases ?? [])] },
    {
      ...caseRef,
      sameAgency: true,
      label: '原处罚案件编号',
      aliases: ['被复议案件编号', '被诉案件编号', ...(caseRef.aliases ?? []), '案件编号'],
      note: '原处罚案件在同一来源系统中的编号（或刻度案件ID case-…）；须为本执法主体的案件',
    },
    {
      name: 'route',
      label: '救济途径',
      aliases: ['复议或诉讼', '案件类型', '救济方式'],
      type: 'enum',
      required: true,
      example: 'reconsideration',
      values: [
        { code: 'reconsideration', label: '复议', aliases: ['行政复议'] },
        { code: 'litigation', label: '诉讼', aliases: ['行政诉讼'] },
      ],
    },
    {
      name: 'applied_on',
      label: '申请（起诉）日期',
      aliases: ['申请日期', '起诉日期', '受理日期'],
      type: 'date',
      required: true,
      example: '2025-06-10',
    },
    {
      name: 'decided_on',
      label: '决定（裁判）生效日期',
      aliases: ['复议决定日期', '裁判日期', '生效日期', '结案日期'],
      type: 'date',
      required: false,
      example: '2025-08-05',
      note: '复议决定书送达之日（行政复议法 第七十五条）或裁判、调解书生效之日；尚未审结的不填',
    },
    {
      name: 'outcome',
      label: '复议诉讼结果',
      aliases: ['复议结果', '裁判结果', '审理结果', '结果'],
      type: 'enum',
      required: false,
      example: 'revoked',
      values: [
        { code: 'upheld', label: '维持', aliases: ['维持原行政行为', '维持原决定'] },
        { code: 'revoked', label: '撤销', aliases: ['部分撤销', '撤销原行政行为', '撤销并责令重作'] },
        { code: 'changed', label: '变更', aliases: ['变更原行政行为', '判决变更'] },
        { code: 'confirmed_illegal', label: '确认违法', aliases: ['确认无效', '确认违法或无效'] },
        { code: 'ordered_to_act', label: '责令履行', aliases: ['责令限期履行', '判决履行'] },
        { code: 'dismissed', label: '驳回', aliases: ['驳回复议请求', '驳回诉讼请求', '驳回申请', '驳回起诉'] },
        { code: 'settled', label: '调解/撤回', aliases: ['调解', '和解', '撤回申请', '撤诉', '终止'] },
      ],
      note: '尚未审结的不填',
    },
    {
      name: 'carried_out_on',
      label: '履行日期',
      aliases: ['履行完毕日期', '执行日期'],
      type: 'date',
      required: false,
      example: '2025-08-20',
      note: '被申请人（被告）履行复议决定或裁判的日期（行政复议法 第七十七条）；尚未履行的不填',
    },
    {
      name: 'case_withdrawn_on',
      label: '撤回公开决定日期',
      aliases: ['处罚决定撤回日期', '撤回公示日期'],
      type: 'date',
      required: false,
      example: '2025-08-07',
      note: '撤回已公开的行政处罚决定信息并公开说明理由的日期（行政处罚法 第四十八条）；未撤回的不填',
    },
    {
      name: 'copy_received_on',
      label: '收到副本日期',
      aliases: ['收到申请书副本日期', '收到起诉状副本日期', '副本收到日期', '收到复议申请书副本日期'],
      type: 'date',
      required: false,
      example: '2025-06-16',
      note: '被申请人收到行政复议申请书副本（或申请笔录复印件）之日（行政复议法 第四十八条），或被告收到起诉状副本之日（行政诉讼法 第六十七条）；未记录的不填',
    },
    {
      name: 'answered_on',
      label: '答复（答辩）日期',
      aliases: ['书面答复日期', '提出书面答复日期', '答辩日期', '提交答辩状日期', '答辩状提交日期'],
      type: 'date',
      required: false,
      example: '2025-06-25',
      note: '提出行政复议书面答复、或向人民法院提交证据和答辩状之日；尚未答复的不填',
    },
    {
      name: 'head_appeared',
      label: '负责人是否出庭应诉',
      aliases: ['负责人出庭应诉', '行政机关负责人出庭', '负责人出庭'],
      type: 'boolean',
      required: false,
      example: '',
      note: '仅行政诉讼填写：被诉行政机关负责人出庭应诉的填“是”，委托工作人员出庭的填“否”（行政诉讼法 第三条 第三款）；行政复议或尚未开庭的不填',
    },
  ],
  rules: [
    dateAfter('decided_on', 'applied_on', '决定（裁判）生效日期不能早于申请（起诉）日期'),
    dateAfter('carried_out_on', 'decided_on', '履行日期不能早于决定（裁判）生效日期'),
    dateAfter('case_withdrawn_on', 'applied_on', '撤回公开决定日期不能早于申请（起诉）日期'),
    (get) =>
      get('outcome') !== null && get('decided_on') === null ? ['decided_on', '已有复议诉讼结果时须填写决定（裁判）生效日期'] : null,
    (get) => (get('decided_on') !== null && get('outcome') === null ? ['outcome', '已填决定（裁判）生效日期时须填写复议诉讼结果'] : null),
    (get) => (get('carried_out_on') !== null && get('decided_on') === null ? ['carried_out_on', '尚未审结的不能填写履行日期'] : null),
    dateAfter('copy_received_on', 'applied_on', '收到副本日期不能早于申请（起诉）日期'),
    dateAfter('answered_on', 'copy_received_on', '答复（答辩）日期不能早于收到副本日期'),
    dateAfter('answered_on', 'applied_on', '答复（答辩）日期不能早于申请（起诉）日期'),
    (get) =>
      get('head_appeared') !== null && get('route') !== 'litigation'
        ? ['head_appeared', '负责人出庭应诉只适用于行政诉讼，行政复议不填']
        : null,
  ],
  rulesText:
    '决定（裁判）生效日期不能早于申请（起诉）日期；履行日期不能早于决定（裁判）生效日期；撤回公开决定日期不能早于申请（起诉）日期；有结果时须有生效日期，反之亦然；尚未审结的不能填写履行日期；收到副本日期不能早于申请（起诉）日期；答复（答辩）日期不能早于收到副本日期和申请（起诉）日期；负责人是否出庭应诉只适用于行政诉讼。',
};
