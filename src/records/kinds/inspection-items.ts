// 涉企行政检查事项: the inspection items a city or county publishes on top of the province list, each
// under an enforcement item, with its yearly frequency limit per entity (超频次检查 judges by it).
import { catalogSource, itemCode, lineCode, localCatalog, regionCode } from '../fields.ts';
import type { RecordKindSpec } from '../types.ts';

export const inspectionItems: RecordKindSpec = {
  ...localCatalog,
  kind: 'inspection_items',
  table: 'inspection_items',
  label: '涉企行政检查事项（本地）',
  key: ['code'],
  idColumn: 'code',
  fields: [
    catalogSource,
    {
      name: 'code',
      label: '检查事项编码',
      aliases: ['涉企检查事项编码', '检查事项代码'],
      type: 'string',
      required: true,
      maxLength: 64,
      example: 'XH-CLE-I001-01',
    },
    itemCode('所属执法事项编码', ['执法事项编码（检查类）', '所属事项编码'], 'XH-CLE-I001'),
    {
      name: 'name',
      label: '检查事项名称',
      aliases: ['涉企检查事项名称', '名称'],
      type: 'string',
      required: true,
      maxLength: 500,
      example: '对风景名胜区内经营者经营秩序的检查',
    },
    lineCode(true),
    {
      ...regionCode,
      label: '发布区划代码',
      aliases: ['区划代码', '公布区划代码'],
      note: '公布清单的区划（本市或本县），须在本人辖区内；清单适用于该区划及其下级',
    },
    {
      name: 'max_per_year',
      label: '年度检查频次上限',
      aliases: ['检查频次上限', '每年最多检查次数', '频次上限'],
      type: 'integer',
      required: true,
      min: 1,
      max: 366,
      example: '2',
      note: '同一经营主体每年最多检查次数',
    },
  ],
};
