// 执法主体: an enforcement agency of one line at one level, in one region, with the agency it belongs
// to and its legal status. An agency role's view of the kind is its own row.
import { lineCode, regionCode } from '../fields.ts';
import { regionLevel } from '../../domain/region.ts';
import type { RecordKindSpec } from '../types.ts';

const LEVEL_LABELS: Record<string, string> = { province: '省级', city: '市级', county: '县级', township: '乡镇（街道）级' };

export const agencies: RecordKindSpec = {
  kind: 'agencies',
  table: 'agencies',
  label: '执法主体',
  idPrefix: null,
  key: ['id'],
  idColumn: 'id',
  agencyScope: { column: 'id' },
  listOrder: 'id',
  importable: true,
  reference: true,
  agencyMayImport: false,
  fields: [
    {
      name: 'id',
      label: '执法主体编码',
      aliases: ['主体编码', '执法主体代码', '执法主体ID'],
      type: 'string',
      required: true,
      maxLength: 64,
      example: 'AG-330106-MKT',
      note: '本地自定的唯一编码；记录中的执法主体编码须与之一致',
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
    lineCode(true),
    { ...regionCode, note: 'GB/T 2260 代码：主体所在的区划，须在本人辖区内；层级须与之相符' },
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
        { code: 'township', label: '乡镇（街道）级', aliases: ['乡镇', '街道', '乡镇（街道）'] },
      ],
    },
    {
      name: 'parent_id',
      label: '上级主体编码',
      aliases: ['所属主体编码', '上级执法主体编码', '隶属主体编码'],
      type: 'string',
      required: false,
      maxLength: 64,
      selfRef: true,
      example: '',
      note: '所属的执法主体（如街道综合行政执法队所属的区综合行政执法局）：须已登记，或在同一文件中更早的行',
    },
    {
      name: 'legal_status',
      label: '主体性质',
      aliases: ['法律地位', '主体类别', '执法主体性质'],
      type: 'enum',
      required: true,
      example: 'organ',
      values: [
        { code: 'organ', label: '行政机关', aliases: ['行政机关（法定）', '机关'] },
        { code: 'authorized', label: '法律法规授权组织', aliases: ['授权组织', '法律、法规授权的组织'] },
        { code: 'entrusted', label: '受委托组织', aliases: ['委托组织', '受委托的组织'] },
      ],
      note: '行政处罚法 第十七条至第二十条',
    },
  ],
  rules: [
    (get) => {
      const level = get('level'),
        region = get('region_code');
      if (level === null || region === null) return null;
      const actual = regionLevel(region);
      return actual === level ? null : ['level', `层级与区划不符：区划 ${region} 为${LEVEL_LABELS[actual]}`];
    },
    (get) => (get('parent_id') !== null && get('parent_id') === get('id') ? ['parent_id', '上级主体不能是其自身'] : null),
  ],
  rulesText: '层级须与区划相符（6位县级代码为县级，9位为乡镇（街道）级……）；上级主体不能是其自身。',
  samples: [
    {
      id: 'AG-330106-MKT',
      name: '杭州市西湖区市场监督管理局',
      line_code: 'MKT',
      region_code: '330106',
      level: 'county',
      parent_id: '',
      legal_status: 'organ',
    },
    {
      id: 'AG-330106-CLE',
      name: '杭州市西湖区综合行政执法局',
      line_code: 'CLE',
      region_code: '330106',
      level: 'county',
      parent_id: '',
      legal_status: 'organ',
    },
    {
      id: 'AG-330106001-CLE',
      name: '杭州市西湖区北山街道综合行政执法队',
      line_code: 'CLE',
      region_code: '330106001',
      level: 'township',
      parent_id: 'AG-330106-CLE',
      legal_status: 'entrusted',
    },
  ],
};
