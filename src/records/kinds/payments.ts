// 罚没款缴纳: the payment of a fine; it belongs to its case (and the case's agency). How it was paid
// (行政处罚法 第六十七条至第七十一条): at the bank or online, or collected on the spot by an officer, who
// gives a 专用票据, hands the money to the agency and the agency pays it into the bank.
import { sourceSystem, sourceId, regionCode, caseRef, countyCode, dateAfter, officer } from '../fields.ts';
import type { RecordKindSpec, RowRule } from '../types.ts';

const onSpot = (get: (name: string) => string | null) => get('method') === 'on_spot';

/** Collection fields only an on-the-spot collection carries, and what an on-the-spot one must name. */
const collectionRules: RowRule[] = [
  (get) => (onSpot(get) && get('collected_by') === null ? ['collected_by', '当场收缴的须填写收缴执法人员编号'] : null),
  (get) => (!onSpot(get) && get('collected_by') !== null ? ['collected_by', '非当场收缴的不应填写收缴执法人员编号'] : null),
  (get) => (!onSpot(get) && get('handed_over_on') !== null ? ['handed_over_on', '非当场收缴的不应填写交至行政机关日期'] : null),
  (get) => (!onSpot(get) && get('banked_on') !== null ? ['banked_on', '非当场收缴的不应填写缴付银行日期'] : null),
  (get) => (onSpot(get) && get('paid_on') === null ? ['paid_on', '当场收缴的须填写缴款日期（收缴日期）'] : null),
  (get) =>
    onSpot(get) && get('banked_on') !== null && get('handed_over_on') === null
      ? ['handed_over_on', '已填写缴付银行日期的须填写交至行政机关日期']
      : null,
  dateAfter('handed_over_on', 'paid_on', '交至行政机关日期不能早于缴款日期（收缴日期）'),
  dateAfter('banked_on', 'handed_over_on', '缴付银行日期不能早于交至行政机关日期'),
];

/** 加处罚款 is a part of the payment's amount (行政处罚法 第七十二条): never more than the whole. */
const surchargeRule: RowRule = (get) => {
  const s = get('surcharge'),
    a = get('amount');
  return s !== null && a !== null && Number(s) > Number(a) ? ['surcharge', '加处罚款金额不能大于应缴金额（应缴金额含加处罚款）'] : null;
};

const sample = {
  source_system: 'zj-xzzf',
  source_id: '',
  region_code: '330106',
  case_id: 'AJ2025000789',
  amount: '5000.00',
  due_on: '2025-06-14',
  paid_on: '2025-05-30',
  method: '',
  collected_by: '',
  receipt_no: '',
  handed_over_on: '',
  banked_on: '',
  surcharge: '',
};

export const payments: RecordKindSpec = {
  kind: 'payments',
  table: 'payments',
  label: '罚没款缴纳',
  idPrefix: 'pay',
  key: ['source_system', 'source_id'],
  idColumn: 'id',
  agencyScope: { link: { column: 'case_id', table: 'cases', agencyColumn: 'agency_id', label: '案件' } },
  listOrder: 'due_on',
  importable: true,
  reference: false,
  computed: [countyCode],
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
    {
      name: 'paid_on',
      label: '缴款日期',
      aliases: ['实缴日期', '缴纳日期', '收缴日期'],
      type: 'date',
      required: false,
      example: '2025-05-30',
    },
    {
      name: 'method',
      label: '缴款方式',
      aliases: ['缴纳方式', '收缴方式', '支付方式'],
      type: 'enum',
      required: false,
      example: 'bank',
      values: [
        { code: 'bank', label: '银行缴纳', aliases: ['银行', '指定银行缴纳', '代收机构缴纳'] },
        { code: 'online', label: '网上缴纳', aliases: ['网上支付', '电子支付', '电子缴纳'] },
        { code: 'on_spot', label: '当场收缴', aliases: ['当场缴纳', '现场收缴'] },
      ],
      note: '不填：未载明缴款方式',
    },
    {
      ...officer('collected_by', '收缴执法人员编号', ['收缴人员编号', '收缴人'], false),
      note: '当场收缴时必填：收缴罚款的执法人员编号',
    },
    {
      name: 'receipt_no',
      label: '专用票据号',
      aliases: ['罚没款票据号', '票据号码', '专用票据号码', '收据编号'],
      type: 'string',
      required: false,
      maxLength: 64,
      example: 'ZJ2025-0012345',
      note: '当场收缴出具的财政部门统一制发的专用票据号码',
    },
    {
      name: 'handed_over_on',
      label: '交至行政机关日期',
      aliases: ['交款日期', '上交机关日期'],
      type: 'date',
      required: false,
      example: '2025-05-19',
      note: '当场收缴：执法人员将罚款交至行政机关的日期',
    },
    {
      name: 'banked_on',
      label: '缴付银行日期',
      aliases: ['解缴银行日期', '存入银行日期'],
      type: 'date',
      required: false,
      example: '2025-05-20',
      note: '当场收缴：行政机关将罚款缴付指定银行的日期',
    },
    {
      name: 'surcharge',
      label: '加处罚款金额',
      aliases: ['加处罚款', '其中加处罚款', '加处罚款数额'],
      type: 'decimal',
      required: false,
      example: '0.00',
      note: '元：应缴金额中属于加处罚款的部分（应缴金额含加处罚款）；0：未加处罚款；不填：未载明',
    },
  ],
  samples: [
    { ...sample, source_id: 'JK2025000654', method: 'bank', surcharge: '0.00' },
    // Paid five days late: 1,000 yuan of fine and 150 of 加处罚款 (3% a day).
    { ...sample, source_id: 'JK2025000655', amount: '1150.00', method: 'online', paid_on: '2025-06-19', surcharge: '150.00' },
    {
      ...sample,
      source_id: 'JK2025000656',
      amount: '50.00',
      paid_on: '2025-05-16',
      method: 'on_spot',
      collected_by: 'OF-330106-0012',
      receipt_no: 'ZJ2025-0012345',
      handed_over_on: '2025-05-19',
      banked_on: '2025-05-20',
    },
  ],
  rules: [...collectionRules, surchargeRule],
  rulesText:
    '当场收缴的须填写收缴执法人员编号和缴款日期（收缴日期）；收缴执法人员编号、交至行政机关日期、缴付银行日期只用于当场收缴；交至行政机关日期不能早于缴款日期，缴付银行日期不能早于交至行政机关日期，填写缴付银行日期的须填写交至行政机关日期；加处罚款金额是应缴金额的一部分，不能大于应缴金额。',
};
