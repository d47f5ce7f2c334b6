// 文书送达: the delivery of a penalty decision; it belongs to its case (and the case's agency).
import { sourceSystem, sourceId, regionCode, caseRef, dateAfter, countyCode } from '../fields.ts';
import type { RecordKindSpec } from '../types.ts';

export const deliveries: RecordKindSpec = {
  kind: 'deliveries',
  table: 'deliveries',
  label: '文书送达',
  idPrefix: 'dlv',
  key: ['source_system', 'source_id'],
  idColumn: 'id',
  agencyScope: { link: { column: 'case_id', table: 'cases', agencyColumn: 'agency_id', label: '案件' } },
  listOrder: 'sent_on',
  importable: true,
  reference: false,
  computed: [countyCode],
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
  rulesText: '送达日期不能早于发出日期。',
};
