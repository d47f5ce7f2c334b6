// 裁量基准（细化）: a city's or county's refinement of a discretion baseline ("1+8"), one row per
// tier with the baseline's own columns repeated; the writer (src/ingest/writers/baselines.ts) lands the
// baseline once and each of its tiers. The penalty models layer province, city and county baselines.
import { catalogSource, itemCode, localCatalog, notAbove, regionCode, yuan } from '../fields.ts';
import type { RecordKindSpec } from '../types.ts';

const header = {
  source_system: 'xh-sfj',
  baseline_id: 'BL-330106-XH-CLE-P001',
  item_code: 'XH-CLE-P001',
  region_code: '330106',
  title: '在西湖风景名胜区内擅自设摊经营行政处罚裁量基准（西湖区）',
  effective_from: '2025-01-01',
};

export const baselines: RecordKindSpec = {
  ...localCatalog,
  kind: 'baselines',
  table: 'baseline_tiers',
  label: '裁量基准（细化）',
  key: ['baseline_id', 'tier'],
  idColumn: 'baseline_id',
  writer: 'baselines',
  fields: [
    catalogSource,
    {
      name: 'baseline_id',
      label: '基准编号',
      aliases: ['裁量基准编号', '基准ID'],
      type: 'string',
      required: true,
      maxLength: 80,
      example: 'BL-330106-XH-CLE-P001',
      note: '同一基准的各档次填同一编号，基准的事项、区划、标题、施行日期须一致',
    },
    itemCode('处罚事项编码', ['事项编码'], 'XH-CLE-P001'),
    { ...regionCode, label: '发布区划代码', aliases: ['区划代码', '适用区划代码'], note: '细化基准的区划（本市或本县），须在本人辖区内' },
    {
      name: 'title',
      label: '基准名称',
      aliases: ['标题', '裁量基准名称'],
      type: 'string',
      required: true,
      maxLength: 500,
      example: header.title,
    },
    { name: 'effective_from', label: '施行日期', aliases: ['生效日期', '起施行日期'], type: 'date', required: true, example: '2025-01-01' },
    {
      name: 'tier',
      label: '裁量档次',
      aliases: ['档次', '裁量阶次'],
      type: 'enum',
      required: true,
      example: 'general',
      values: [
        { code: 'exempt', label: '不予处罚', aliases: ['不予'] },
        { code: 'mitigated', label: '减轻处罚', aliases: ['减轻'] },
        { code: 'lenient', label: '从轻处罚', aliases: ['从轻'] },
        { code: 'general', label: '一般处罚', aliases: ['一般'] },
        { code: 'severe', label: '从重处罚', aliases: ['从重'] },
      ],
    },
    yuan('fine_min', '罚款下限', ['最低罚款'], true, '100.00'),
    yuan('fine_max', '罚款上限', ['最高罚款'], true, '300.00'),
    {
      name: 'conditions',
      label: '适用情形',
      aliases: ['适用条件', '情形'],
      type: 'string',
      required: true,
      maxLength: 2000,
      example: '经责令改正拒不改正的',
    },
  ],
  rules: [notAbove('fine_min', 'fine_max', '罚款下限不能高于罚款上限')],
  rulesText: '罚款下限不能高于罚款上限；同一基准编号的各行，事项、区划、名称和施行日期须一致。',
  samples: [
    { ...header, tier: 'lenient', fine_min: '50.00', fine_max: '100.00', conditions: '初次违法或者及时改正的' },
    { ...header, tier: 'general', fine_min: '100.00', fine_max: '300.00', conditions: '经责令改正拒不改正的' },
    { ...header, tier: 'severe', fine_min: '300.00', fine_max: '500.00', conditions: '拒不改正且造成较大社会影响的' },
  ],
};
