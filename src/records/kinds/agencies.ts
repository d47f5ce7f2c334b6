// 执法主体: an enforcement agency of one line at one level, in one region. An agency role's view of
// the kind is its own row.
import { regionCode } from '../fields.ts';
import type { RecordKindSpec } from '../types.ts';

export const agencies: RecordKindSpec = {
  kind: 'agencies',
  table: 'agencies',
  label: '执法主体',
  idPrefix: null,
  key: ['id'],
  idColumn: 'id',
  agencyScope: { column: 'id' },
  listOrder: 'id',
  importable: false,
  agencyMayImport: false,
  fields: [
    {
      name: 'id',
      label: '执法主体编码',
      aliases: ['主体编码', '执法主体代码', '执法主体ID'],
      type: 'string',
      required: true,
      maxLength: 64,
      example: 'AG-330106-SCJG',
    },
    {
      name: 'name',
      label: '执法主体名称',
      aliases: ['主体名称', '名称', '单位名称'],
      type: 'string',
      required: true,
      maxLength: 200,
      example: '杭州市西湖区市场监督管理局',
    },
    { name: 'line_code', label: '条线编码', aliases: ['执法条线', '条线'], type: 'string', required: true, maxLength: 32, example: 'MKT' },
    regionCode,
    {
      name: 'level',
      label: '层级',
      aliases: ['主体层级', '级别'],
      type: 'enum',
      required: true,
      example: 'county',
      values: [
        { code: 'province', label: '省级', aliases: ['省'] },
        { code: 'city', label: '市级', aliases: ['市', '设区市'] },
        { code: 'county', label: '县级', aliases: ['县', '区', '县（市、区）'] },
      ],
    },
  ],
};
