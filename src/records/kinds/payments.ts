// 罚没款缴纳: the payment of a fine; it belongs to its case (and the case's agency).
import { sourceSystem, sourceId, regionCode, caseRef, countyCode } from '../fields.ts';
import type { RecordKindSpec } from '../types.ts';

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
    { name: 'paid_on', label: '缴款日期', aliases: ['实缴日期', '缴纳日期'], type: 'date', required: false, example: '2025-05-30' },
  ],
};
