// 区划（乡镇、街道）: the townships of a county. The province, its cities and counties ship with Kedu
// (GB/T 2260); a county adds its townships and streets, whose 9-digit codes its records may carry.
import { catalogSource } from '../fields.ts';
import type { RecordKindSpec } from '../types.ts';

export const regions: RecordKindSpec = {
  kind: 'regions',
  table: 'regions',
  label: '乡镇（街道）区划',
  idPrefix: null,
  key: ['code'],
  idColumn: 'code',
  agencyScope: null,
  regionColumn: 'code',
  listOrder: null,
  importable: true,
  reference: true,
  agencyMayImport: false,
  defaultSourceSystem: 'local',
  computed: [{ column: 'level', sql: () => `'township'` }],
  fields: [
    catalogSource,
    {
      name: 'code',
      label: '乡镇（街道）区划代码',
      aliases: ['区划代码', '乡镇代码', '街道代码', '行政区划代码'],
      type: 'string',
      required: true,
      maxLength: 9,
      example: '330106001',
      note: '9位：所属县（市、区）的6位代码加3位乡镇（街道）码（GB/T 2260 的编码规则：街道 001 起，镇 101 起，乡 201 起）',
    },
    {
      name: 'name',
      label: '乡镇（街道）名称',
      aliases: ['名称', '区划名称'],
      type: 'string',
      required: true,
      maxLength: 100,
      example: '北山街道',
    },
    {
      name: 'parent_code',
      label: '所属县（市、区）区划代码',
      aliases: ['上级区划代码', '所属区划代码', '县级区划代码'],
      type: 'region',
      required: true,
      example: '330106',
      note: '须为已登记的县级区划，且在本人辖区内',
    },
  ],
  rules: [
    (get) => {
      const code = get('code');
      if (code === null) return null;
      return /^\d{9}$/.test(code) ? null : ['code', `乡镇（街道）区划代码应为9位数字：${code}`];
    },
    (get) => {
      const code = get('code'),
        parent = get('parent_code');
      return code !== null && parent !== null && (parent.length !== 6 || !code.startsWith(parent))
        ? ['code', `乡镇（街道）区划代码应以所属县级区划代码 ${parent} 开头`]
        : null;
    },
  ],
  rulesText: '乡镇（街道）区划代码为9位数字，且以所属县级区划代码开头。',
  samples: [
    { source_system: 'xh-sfj', code: '330106001', name: '北山街道', parent_code: '330106' },
    { source_system: 'xh-sfj', code: '330106002', name: '西溪街道', parent_code: '330106' },
    { source_system: 'xh-sfj', code: '330106101', name: '三墩镇', parent_code: '330106' },
  ],
};
