// 第三方服务正面清单: the services a city or county allows its agencies to delegate to third parties
// ("目录之外无委托"); 目录外委托 judges delegations by it.
import { catalogSource, lineCode, localCatalog, regionCode } from '../fields.ts';
import type { RecordKindSpec } from '../types.ts';

export const serviceWhitelist: RecordKindSpec = {
  ...localCatalog,
  kind: 'service_whitelist',
  table: 'service_whitelist',
  label: '第三方服务正面清单（本地）',
  key: ['code'],
  idColumn: 'code',
  fields: [
    catalogSource,
    {
      name: 'code',
      label: '清单编码',
      aliases: ['服务事项编码', '正面清单编码'],
      type: 'string',
      required: true,
      maxLength: 64,
      example: 'SW-330106-001',
    },
    {
      name: 'name',
      label: '服务名称',
      aliases: ['服务事项名称', '名称'],
      type: 'string',
      required: true,
      maxLength: 500,
      example: '风景名胜区游客量监测',
    },
    { ...regionCode, label: '发布区划代码', aliases: ['区划代码', '适用区划代码'], note: '公布清单的区划（本市或本县），须在本人辖区内' },
    { ...lineCode(false), note: '限于该条线的执法主体；不填为跨条线通用' },
  ],
};
