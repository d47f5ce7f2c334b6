// 行政许可: an application and the decision on it (行政许可法).
import { sourceSystem, sourceId, regionCode, agencyId, entityUscc, dateAfter } from '../fields.ts';
import type { RecordKindSpec } from '../types.ts';

export const licences: RecordKindSpec = {
  kind: 'licences',
  table: 'licences',
  label: '行政许可',
  idPrefix: 'lic',
  key: ['source_system', 'source_id'],
  idColumn: 'id',
  agencyScope: { column: 'agency_id' },
  listOrder: 'applied_on',
  importable: true,
  reference: false,
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
      example: 'MKT-L001',
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
  rulesText: '决定日期不能早于申请日期。',
};
