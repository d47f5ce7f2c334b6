// 罚没物品: the illegal goods (非法财物) a penalty decision confiscated, and what became of them: auctioned,
// destroyed, handed to the competent authority, returned, sold off (变卖) or otherwise disposed of, and
// the proceeds paid to the treasury (行政处罚法 第七十四条: 除依法应当予以销毁的物品外，依法没收的非法财物
// 必须按照国家规定公开拍卖或者按照国家有关规定处理 … 拍卖的款项，必须全部上缴国库). A row belongs to its
// penalty case, of its own agency; an agency's staff see and import only their agency's goods.
import { sourceSystem, sourceId, regionCode, agencyId, entityUscc, caseRef, dateAfter, countyCode, yuan } from '../fields.ts';
import type { RecordKindSpec, RowRule } from '../types.ts';

/** Disposals that bring in no money: goods destroyed, handed to the competent authority or returned. */
export const NO_PROCEEDS_DISPOSALS = ['destroy', 'transfer', 'return'] as const;

const DISPOSAL_LABELS: Record<string, string> = {
  auction: '公开拍卖',
  destroy: '销毁',
  transfer: '移交有关部门',
  return: '退还',
  sold: '变卖',
  other: '其他',
};

const positive = (v: string | null) => v !== null && Number(v) > 0;

const disposalRules: RowRule[] = [
  dateAfter('disposed_on', 'confiscated_on', '处置日期不能早于没收日期'),
  dateAfter('proceeds_paid_on', 'disposed_on', '上缴国库日期不能早于处置日期'),
  (get) => (get('disposed_on') !== null && get('disposal') === null ? ['disposed_on', '有处置日期时须填写处置方式'] : null),
  (get) => (get('disposal') !== null && get('disposed_on') === null ? ['disposed_on', '已填写处置方式的须填写处置日期'] : null),
  (get) => (get('proceeds') !== null && get('disposal') === null ? ['proceeds', '尚未处置的物品不能填写处置所得'] : null),
  (get) => {
    const d = get('disposal');
    return d !== null && (NO_PROCEEDS_DISPOSALS as readonly string[]).includes(d) && positive(get('proceeds'))
      ? ['proceeds', `处置方式为${DISPOSAL_LABELS[d]}的物品不应有处置所得`]
      : null;
  },
  (get) =>
    get('proceeds_paid_on') !== null && !positive(get('proceeds')) ? ['proceeds_paid_on', '有上缴国库日期时须填写处置所得（大于0）'] : null,
  (get) => (get('unit') !== null && get('quantity') === null ? ['quantity', '填写计量单位时须填写数量'] : null),
];

const sample = {
  source_system: 'zj-xzzf',
  region_code: '330106',
  agency_id: 'AG-330106-MKT',
  case_id: 'AJ2025000789',
  entity_uscc: '91330106MA2CFWLK3B',
};

export const confiscatedGoods: RecordKindSpec = {
  kind: 'confiscated_goods',
  table: 'confiscated_goods',
  label: '罚没物品',
  idPrefix: 'conf',
  key: ['source_system', 'source_id'],
  idColumn: 'id',
  agencyScope: { column: 'agency_id' },
  listOrder: 'confiscated_on',
  importable: true,
  computed: [countyCode],
  reference: false,
  agencyMayImport: true,
  fields: [
    sourceSystem,
    sourceId('罚没物品编号', ['物品编号', '罚没物品登记编号', '没收物品编号'], 'MW2025000031'),
    regionCode,
    agencyId,
    {
      ...caseRef,
      sameAgency: true,
      label: '处罚案件编号',
      aliases: ['没收决定案件编号', ...(caseRef.aliases ?? []), '案件编号'],
      note: '作出没收决定的行政处罚案件在同一来源系统中的编号（或刻度案件ID case-…），须为本执法主体的案件',
    },
    entityUscc('当事人统一社会信用代码'),
    {
      name: 'description',
      label: '物品名称',
      aliases: ['罚没物品名称', '没收物品名称', '财物名称', '物品'],
      type: 'string',
      required: true,
      maxLength: 200,
      example: '假冒注册商标白酒',
    },
    {
      name: 'quantity',
      label: '数量',
      aliases: ['物品数量', '罚没数量'],
      type: 'decimal',
      required: false,
      example: '120',
      note: '不小于0，至多两位小数；不计数量的留空',
    },
    {
      name: 'unit',
      label: '计量单位',
      aliases: ['单位', '数量单位'],
      type: 'string',
      required: false,
      maxLength: 16,
      example: '瓶',
    },
    yuan('estimated_value', '估价', ['估值', '物品估价', '评估价值', '估价金额'], false, '36000.00'),
    {
      name: 'confiscated_on',
      label: '没收日期',
      aliases: ['没收决定日期', '罚没日期', '入库日期'],
      type: 'date',
      required: true,
      example: '2025-05-15',
      note: '作出没收决定的日期',
    },
    {
      name: 'disposal',
      label: '处置方式',
      aliases: ['处置类型', '处理方式'],
      type: 'enum',
      required: false,
      example: 'auction',
      values: [
        { code: 'auction', label: '公开拍卖', aliases: ['拍卖', '委托拍卖'] },
        { code: 'destroy', label: '销毁', aliases: ['集中销毁', '无害化处理'] },
        { code: 'transfer', label: '移交有关部门', aliases: ['移交', '移送有关部门', '移交处理'] },
        { code: 'return', label: '退还', aliases: ['返还', '退还当事人'] },
        { code: 'sold', label: '变卖', aliases: ['变价处理', '折价变卖'] },
        { code: 'other', label: '其他', aliases: ['其他方式'] },
      ],
      note: '尚未处置的留空（行政处罚法 第七十四条：除依法应当予以销毁的物品外，须按照国家规定公开拍卖或者按照国家有关规定处理）',
    },
    {
      name: 'disposed_on',
      label: '处置日期',
      aliases: ['处置完成日期', '处理日期', '拍卖日期'],
      type: 'date',
      required: false,
      example: '2025-07-20',
      note: '尚未处置的留空',
    },
    {
      ...yuan('proceeds', '处置所得', ['拍卖所得', '变卖所得', '处置款项', '拍卖款项'], false, '30500.00'),
      note: '元，不小于0，至多两位小数；拍卖、变卖等处置所得的款项；销毁、移交、退还的留空',
    },
    {
      name: 'proceeds_paid_on',
      label: '上缴国库日期',
      aliases: ['缴库日期', '上缴日期', '款项上缴日期'],
      type: 'date',
      required: false,
      example: '2025-07-28',
      note: '处置所得全部上缴国库的日期（行政处罚法 第七十四条 第二款）；未上缴的留空',
    },
  ],
  rules: disposalRules,
  rulesText:
    '处置日期不能早于没收日期，上缴国库日期不能早于处置日期；有处置方式的须有处置日期，反之亦然；尚未处置的不能有处置所得；销毁、移交有关部门、退还的不应有处置所得；有上缴国库日期时须有大于0的处置所得；填写计量单位时须填写数量。',
  samples: [
    {
      ...sample,
      source_id: 'MW2025000031',
      description: '假冒注册商标白酒',
      quantity: '120',
      unit: '瓶',
      estimated_value: '36000.00',
      confiscated_on: '2025-05-15',
      disposal: '公开拍卖',
      disposed_on: '2025-07-20',
      proceeds: '30500.00',
      proceeds_paid_on: '2025-07-28',
    },
    {
      ...sample,
      source_id: 'MW2025000032',
      description: '过期预包装食品',
      quantity: '46.5',
      unit: '千克',
      estimated_value: '',
      confiscated_on: '2025-06-02',
      disposal: '销毁',
      disposed_on: '2025-06-30',
      proceeds: '',
      proceeds_paid_on: '',
    },
    {
      ...sample,
      source_id: 'MW2025000033',
      description: '无照经营用电动三轮车',
      quantity: '1',
      unit: '辆',
      estimated_value: '2800.00',
      confiscated_on: '2025-08-11',
      disposal: '',
      disposed_on: '',
      proceeds: '',
      proceeds_paid_on: '',
    },
  ],
};
