// 行政强制措施: a sealing (查封), seizure (扣押) or freezing (冻结) an agency applied to an entity's places,
// goods or deposits, from its start to its release or the decision on the goods (行政强制法 第三章); and the
// acts of 行政强制执行 of the same agencies a record can show (第十二条: 划拨存款、汇款, 拍卖或者依法处理
// 查封、扣押的财物, 排除妨碍、恢复原状 and 强制拆除, 代履行), with the time of day each began and when the
// agency head approved it (第十八条、第十九条、第四十三条); for an act of 强制执行, the 催告 served before it
// (第三十五条), and for a 强制拆除 its announcement and the deadline it set (第四十四条).
import { sourceSystem, sourceId, regionCode, agencyId, entityUscc, officer, caseRef, dateAfter, countyCode } from '../fields.ts';
import type { RecordKindSpec, RowRule } from '../types.ts';

/** The 强制措施 of 第九条 a record shows; every other measure code is a way of 强制执行 (第十二条). */
export const COERCIVE_MEASURES = ['seal', 'seize', 'freeze'] as const;

/** The measures that move money: 冻结存款、汇款 (第二十九条) and 划拨存款、汇款 (第四十七条); only they carry an amount. */
const MONEY_MEASURES: readonly string[] = ['freeze', 'transfer_funds'];

const CLOCK = /^(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A clock time as an import gives it — '23:10', '9:05', '23:10:00', '2025-05-06 23:10' — read as its date
 * part (or null) and its minute of the day; null when it is no such time. Beijing wall clock, no zone.
 */
export function readClock(text: string): { date: string | null; minute: number } | null {
  const m = CLOCK.exec(text.trim());
  if (!m) return null;
  const [h, min, sec] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || sec > 59) return null;
  if (m[1] && Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`))) return null;
  if (m[1] && new Date(`${m[1]}T00:00:00Z`).toISOString().slice(0, 10) !== m[1]) return null;
  return { date: m[1] ?? null, minute: h * 60 + min };
}

/** SQL over the staged text: 'HH:MM' of the clock time that ends it ('2025-05-06 9:05' → '09:05'). */
const hhmmSql = (col: string) =>
  `lpad(split_part(regexp_replace(${col}, '^.*[ T]', ''), ':', 1), 2, '0') || ':' || split_part(regexp_replace(${col}, '^.*[ T]', ''), ':', 2)`;

const isMeasure = (code: string | null) => code === null || (COERCIVE_MEASURES as readonly string[]).includes(code);

/** A field an act of 强制执行 cannot carry: it belongs to the term of a sealing, seizure or freezing. */
const measureOnly =
  (field: string, message: string, set: (v: string) => boolean): RowRule =>
  (get) => {
    const v = get(field);
    return v !== null && set(v) && !isMeasure(get('measure')) ? [field, message] : null;
  };

export const coerciveMeasures: RecordKindSpec = {
  kind: 'coercive_measures',
  table: 'coercive_measures',
  label: '行政强制措施',
  idPrefix: 'cm',
  key: ['source_system', 'source_id'],
  idColumn: 'id',
  agencyScope: { column: 'agency_id' },
  listOrder: 'started_on',
  importable: true,
  computed: [
    countyCode,
    { column: 'started_at', sql: () => hhmmSql('started_at') },
    { column: 'approved_at', sql: () => `substr(approved_at, 1, 10) || ' ' || ${hhmmSql('approved_at')}` },
  ],
  reference: false,
  agencyMayImport: true,
  fields: [
    sourceSystem,
    sourceId('强制措施编号', ['措施编号', '强制措施记录编号'], 'QZ2025000123'),
    regionCode,
    agencyId,
    entityUscc('当事人统一社会信用代码'),
    {
      ...caseRef,
      sameAgency: true,
      required: false,
      note: '关联的行政处罚案件在同一来源系统中的编号（或刻度案件ID case-…），须为本执法主体的案件；未立案的可不填',
    },
    {
      name: 'measure',
      label: '措施种类',
      aliases: ['强制措施种类', '措施类型', '强制措施类型'],
      type: 'enum',
      required: true,
      example: 'seize',
      values: [
        { code: 'seal', label: '查封', aliases: ['查封场所、设施或者财物', '查封场所', '查封财物'] },
        { code: 'seize', label: '扣押', aliases: ['扣押财物'] },
        { code: 'freeze', label: '冻结', aliases: ['冻结存款、汇款', '冻结存款', '冻结汇款'] },
        { code: 'transfer_funds', label: '划拨存款、汇款', aliases: ['划拨存款', '划拨汇款', '划拨存款汇款', '划拨'] },
        {
          code: 'auction',
          label: '拍卖或者依法处理查封、扣押的财物',
          aliases: ['拍卖', '拍卖查封扣押财物', '依法处理查封扣押财物', '拍卖或者依法处理查封、扣押的场所、设施或者财物'],
        },
        {
          code: 'remove',
          label: '强制拆除、排除妨碍、恢复原状',
          aliases: ['强制拆除', '排除妨碍', '恢复原状', '排除妨碍、恢复原状', '强制拆除违法建筑物'],
        },
        { code: 'substitute', label: '代履行', aliases: ['代为履行', '委托代履行'] },
      ],
      note: '查封、扣押、冻结为行政强制措施；其余为行政强制执行的方式（行政强制法 第十二条），期限、延长、检测鉴定天数和财物退还只属于查封、扣押、冻结',
    },
    {
      name: 'decision_no',
      label: '决定书文号',
      aliases: ['强制措施决定书文号', '查封扣押决定书文号', '冻结决定书文号', '决定书编号'],
      type: 'string',
      required: false,
      maxLength: 128,
      example: '杭西市监强制〔2025〕12号',
      note: '查封、扣押决定书或冻结决定书的文号（行政强制法 第二十四条、第三十一条）；未制作决定书的留空',
    },
    {
      name: 'started_on',
      label: '实施日期',
      aliases: ['采取措施日期', '查封扣押日期', '冻结日期', '开始日期'],
      type: 'date',
      required: true,
      example: '2025-04-22',
    },
    {
      name: 'urgent',
      label: '是否情况紧急当场实施',
      aliases: ['情况紧急', '当场实施', '紧急实施'],
      type: 'boolean',
      required: true,
      example: '否',
      note: '情况紧急、当场实施后补办批准手续的填“是”（行政强制法 第十九条）；情况紧急在夜间或者法定节假日实施强制执行的也填“是”（第四十三条）',
    },
    {
      name: 'started_at',
      label: '实施时间',
      aliases: ['实施时刻', '开始时间', '采取措施时间', '执行时间'],
      type: 'string',
      required: false,
      maxLength: 32,
      example: '09:30',
      note: '开始实施的时刻（北京时间），如 23:10；也可连日期写作 2025-05-06 23:10，日期须与实施日期一致；未记录的留空',
    },
    {
      name: 'approved_at',
      label: '负责人批准时间',
      aliases: ['批准时间', '补办批准时间', '负责人批准或补办批准时间', '审批时间'],
      type: 'string',
      required: false,
      maxLength: 32,
      example: '2025-04-22 09:00',
      note: '行政机关负责人批准的日期和时刻（北京时间），如 2025-05-07 09:30；情况紧急当场实施的填补办批准的时间（行政强制法 第十九条）；未记录的留空',
    },
    {
      name: 'demand_served_on',
      label: '催告书送达日期',
      aliases: ['催告日期', '强制执行催告书送达日期', '履行催告书送达日期'],
      type: 'date',
      required: false,
      example: '',
      note: '作出强制执行决定前催告当事人履行义务的催告书送达日期（行政强制法 第三十五条）；只用于划拨、拍卖、强制拆除、代履行等强制执行；催告记在案件上或未催告的留空',
    },
    {
      name: 'demolition',
      label: '是否强制拆除建筑物',
      aliases: ['是否强制拆除', '强制拆除建筑物、构筑物、设施', '是否拆除违法建筑'],
      type: 'boolean',
      required: false,
      example: '',
      note: '强制拆除违法的建筑物、构筑物、设施的填“是”，排除妨碍、恢复原状的填“否”（行政强制法 第四十四条）；只用于“强制拆除、排除妨碍、恢复原状”；不填：未载明',
    },
    {
      name: 'announced_on',
      label: '强制拆除公告日期',
      aliases: ['公告日期', '拆除公告日期', '限期拆除公告日期'],
      type: 'date',
      required: false,
      example: '',
      note: '行政机关公告、限期当事人自行拆除的日期（行政强制法 第四十四条）；只用于强制拆除；未记录的留空',
    },
    {
      name: 'deadline_on',
      label: '公告限期',
      aliases: ['自行拆除期限', '限期拆除期限', '公告限期截止日期'],
      type: 'date',
      required: false,
      example: '',
      note: '公告限期当事人自行拆除的最后一日；只用于强制拆除，须有公告日期；未记录的留空',
    },
    {
      name: 'extended',
      label: '是否延长期限',
      aliases: ['延长期限', '是否延期', '延期'],
      type: 'boolean',
      required: true,
      example: '否',
    },
    {
      name: 'extension_approved',
      label: '延长是否经负责人批准',
      aliases: ['延期批准', '延长批准', '延期是否批准'],
      type: 'boolean',
      required: true,
      example: '否',
      note: '情况复杂、经行政机关负责人批准延长的填“是”（行政强制法 第二十五条、第三十二条）',
    },
    {
      name: 'testing_days',
      label: '检测鉴定天数',
      aliases: ['检测检验天数', '技术鉴定天数', '不计入期限天数'],
      type: 'integer',
      required: false,
      min: 0,
      max: 3650,
      example: '0',
      note: '检测、检验、检疫或者技术鉴定的天数，不计入查封、扣押期限（行政强制法 第二十五条 第三款）',
    },
    {
      name: 'ended_on',
      label: '解除或处理日期',
      aliases: ['解除日期', '处理决定日期', '终止日期', '结束日期'],
      type: 'date',
      required: false,
      example: '2025-05-15',
      note: '作出解除决定或处理决定（没收、销毁、移送等）的日期；仍在执行中的留空',
    },
    {
      name: 'goods_returned_on',
      label: '财物退还日期',
      aliases: ['退还日期', '返还日期', '财物返还日期'],
      type: 'date',
      required: false,
      example: '2025-05-15',
      note: '解除查封、扣押后退还财物的日期（行政强制法 第二十八条）；划拨、拍卖据以执行的决定被撤销、变更后退还款物的日期（第四十一条）；未退还的留空',
    },
    officer('lead_officer_id', '主办执法人员编号', ['承办人编号', '执法人员编号'], true),
    officer('assist_officer_id', '协办执法人员编号', ['协办人编号'], false, 'OF-330106-0013'),
    {
      name: 'status',
      label: '措施状态',
      aliases: ['状态', '执行状态'],
      type: 'enum',
      required: true,
      example: 'released',
      values: [
        { code: 'in_force', label: '执行中', aliases: ['实施中', '未解除'] },
        { code: 'released', label: '已解除', aliases: ['解除', '解除查封', '解除扣押', '解除冻结'] },
        { code: 'disposed', label: '已作出处理决定', aliases: ['已处理', '没收', '销毁', '已没收'] },
        { code: 'transferred', label: '已移送', aliases: ['移送司法机关', '已移送司法机关'] },
      ],
    },
    {
      name: 'amount',
      label: '冻结或划拨数额',
      aliases: ['冻结数额', '冻结金额', '划拨数额', '划拨金额', '冻结或划拨金额', '数额（元）'],
      type: 'decimal',
      required: false,
      example: '',
      note: '元，冻结存款、汇款或者划拨存款、汇款的数额（行政强制法 第二十九条 第二款、第四十七条），大于0；查封、扣押等不涉及存款汇款的留空',
    },
  ],
  rules: [
    dateAfter('ended_on', 'started_on', '解除或处理日期不能早于实施日期'),
    dateAfter('goods_returned_on', 'ended_on', '财物退还日期不能早于解除或处理日期'),
    (get) => (get('status') === 'in_force' && get('ended_on') !== null ? ['ended_on', '执行中的措施不能有解除或处理日期'] : null),
    (get) =>
      get('status') !== 'in_force' && get('status') !== null && get('ended_on') === null
        ? ['ended_on', '已解除、已处理或已移送的措施须填写解除或处理日期']
        : null,
    (get) =>
      get('goods_returned_on') !== null && get('ended_on') === null ? ['goods_returned_on', '有财物退还日期时须填写解除或处理日期'] : null,
    (get) =>
      get('extension_approved') === 'true' && get('extended') !== 'true'
        ? ['extension_approved', '未延长期限的措施不能填写延长经批准']
        : null,
    (get) => {
      const v = get('started_at');
      if (v === null) return null;
      const t = readClock(v);
      if (!t) return ['started_at', `实施时间格式错误：${v}（应为 HH:MM，或 YYYY-MM-DD HH:MM）`];
      return t.date !== null && get('started_on') !== null && t.date !== get('started_on')
        ? ['started_at', `实施时间的日期 ${t.date} 与实施日期 ${get('started_on')} 不一致`]
        : null;
    },
    (get) => {
      const v = get('approved_at');
      if (v === null) return null;
      const t = readClock(v);
      if (!t || t.date === null) return ['approved_at', `负责人批准时间格式错误：${v}（应为 YYYY-MM-DD HH:MM）`];
      if (get('urgent') !== 'true' || get('started_on') === null) return null;
      const start = get('started_at') === null ? null : readClock(get('started_at')!);
      const early = t.date < get('started_on')! || (t.date === get('started_on') && start !== null && t.minute < start.minute);
      return early ? ['approved_at', '情况紧急当场实施的，补办批准时间不能早于实施时间'] : null;
    },
    (get) =>
      get('demand_served_on') !== null && isMeasure(get('measure'))
        ? ['demand_served_on', '查封、扣押、冻结是行政强制措施，不能填写强制执行的催告书送达日期']
        : null,
    (get) =>
      get('demolition') === 'true' && get('measure') !== 'remove'
        ? ['demolition', '强制拆除的措施种类须为“强制拆除、排除妨碍、恢复原状”']
        : null,
    (get) =>
      (get('announced_on') !== null || get('deadline_on') !== null) && get('demolition') !== 'true'
        ? [
            get('announced_on') !== null ? 'announced_on' : 'deadline_on',
            '公告日期和公告限期只用于强制拆除建筑物（是否强制拆除建筑物填“是”）',
          ]
        : null,
    (get) => (get('deadline_on') !== null && get('announced_on') === null ? ['deadline_on', '填写公告限期时须填写强制拆除公告日期'] : null),
    dateAfter('deadline_on', 'announced_on', '公告限期不能早于强制拆除公告日期'),
    measureOnly('extended', '强制执行（划拨、拍卖、强制拆除、代履行等）没有查封、扣押、冻结的期限，不能填写延长期限', (v) => v === 'true'),
    measureOnly('testing_days', '强制执行（划拨、拍卖、强制拆除、代履行等）不能填写检测鉴定天数', (v) => v !== '0'),
    (get) => {
      const v = get('amount');
      if (v === null) return null;
      if (!(Number(v) > 0)) return ['amount', '冻结或划拨数额须大于0'];
      return get('measure') !== null && !MONEY_MEASURES.includes(get('measure')!)
        ? ['amount', '只有冻结存款、汇款和划拨存款、汇款可以填写冻结或划拨数额']
        : null;
    },
    // 划拨、拍卖 take money or goods that are returned when the decision behind them is revoked (第四十一条).
    (get) =>
      get('goods_returned_on') !== null && (get('measure') === 'remove' || get('measure') === 'substitute')
        ? ['goods_returned_on', '强制拆除、排除妨碍、恢复原状和代履行没有可退还的财物，不能填写财物退还日期']
        : null,
  ],
  rulesText:
    '解除或处理日期不能早于实施日期；财物退还日期不能早于解除或处理日期；执行中的措施不能有解除或处理日期，已解除、已处理或已移送的须有；有财物退还日期时须有解除或处理日期；未延长期限的不能填写延长经批准；实施时间为 HH:MM 或 YYYY-MM-DD HH:MM，带日期的须与实施日期一致；负责人批准时间为 YYYY-MM-DD HH:MM，情况紧急当场实施的不能早于实施时间；划拨、拍卖、强制拆除、代履行等强制执行不能填写延长期限和检测鉴定天数，强制拆除、排除妨碍、恢复原状和代履行不能填写财物退还日期；查封、扣押、冻结不能填写催告书送达日期；是否强制拆除建筑物填“是”的，措施种类须为强制拆除、排除妨碍、恢复原状；公告日期和公告限期只用于强制拆除建筑物，填写公告限期须有公告日期，公告限期不能早于公告日期；冻结或划拨数额大于0，只有冻结和划拨可以填写。',
};
