// 12345工单: a hotline ticket, with the agency that handles it when known.
import { sourceSystem, sourceId, regionCode, agencyId, entityUscc, countyCode } from '../fields.ts';
import type { RecordKindSpec } from '../types.ts';

export const hotlineTickets: RecordKindSpec = {
  kind: 'hotline_tickets',
  table: 'hotline_tickets',
  label: '12345工单',
  idPrefix: 'hot',
  key: ['source_system', 'source_id'],
  idColumn: 'id',
  agencyScope: { column: 'agency_id' },
  // The citizen's words may carry a name or a number: free text is masked like a phone number.
  personal: { content: 'free_text' },
  listOrder: 'received_at',
  importable: true,
  reference: false,
  computed: [countyCode],
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
