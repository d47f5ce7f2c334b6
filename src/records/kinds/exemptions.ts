// 轻微违法不予处罚清单: a city's or county's entries of the no-penalty list (首违不罚), each naming its
// item and the article it rests on (行政处罚法 第三十三条). 应免未免 and 过罚不当 read them.
import { articleNumber, catalogSource, itemCode, localCatalog, regionCode, regulationId } from '../fields.ts';
import type { RecordKindSpec } from '../types.ts';

export const exemptions: RecordKindSpec = {
  ...localCatalog,
  kind: 'exemptions',
  table: 'exemptions',
  label: '不予处罚清单（本地）',
  key: ['id'],
  idColumn: 'id',
  fields: [
    catalogSource,
    {
      name: 'id',
      label: '清单条目编号',
      aliases: ['条目编号', '序号编码'],
      type: 'string',
      required: true,
      maxLength: 64,
      example: 'EX-330106-001',
    },
    itemCode('处罚事项编码', ['事项编码', '违法行为事项编码'], 'XH-CLE-P001'),
    { ...regionCode, label: '发布区划代码', aliases: ['区划代码', '适用区划代码'], note: '公布清单的区划（本市或本县），须在本人辖区内' },
    {
      name: 'domain',
      label: '执法领域',
      aliases: ['领域', '所属领域'],
      type: 'string',
      required: true,
      maxLength: 100,
      example: '综合行政执法',
    },
    {
      name: 'conditions',
      label: '不予处罚情形',
      aliases: ['适用情形', '适用条件'],
      type: 'string',
      required: true,
      maxLength: 2000,
      example: '初次违法，危害后果轻微并及时改正的',
    },
    regulationId('basis_regulation_id', '依据法规编号', ['依据法规'], true, 'xingzheng-chufa-fa'),
    articleNumber('basis_article', '依据条款', ['依据条款序号'], true, '33'),
    regulationId('list_regulation_id', '清单文件编号', ['所属清单编号'], false, ''),
  ],
};
