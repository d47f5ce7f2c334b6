// 检查对象名录: the entities an agency supervises and draws its 双随机 inspections from, with the risk
// and credit classes that weight a draw where a plan asks for it (优化营商环境条例 第五十三条:
// 以信用为基础的新型监管机制). Keyed by agency and entity: an entity is listed once per agency, and a
// file sent again updates its classes.
import { agencyId, entityUscc, regionCode, sourceSystem, countyCode } from '../fields.ts';
import type { RecordKindSpec } from '../types.ts';

export const inspectionObjects: RecordKindSpec = {
  kind: 'inspection_objects',
  table: 'inspection_objects',
  label: '检查对象名录',
  idPrefix: 'obj',
  key: ['agency_id', 'entity_uscc'],
  idColumn: 'id',
  agencyScope: { column: 'agency_id' },
  listOrder: 'entity_uscc',
  importable: true,
  reference: false,
  computed: [countyCode],
  agencyMayImport: true,
  fields: [
    sourceSystem,
    { ...regionCode, note: '检查对象所在区划（GB/T 2260 县级6位或乡镇级9位），须在执法主体的管辖区划内' },
    agencyId,
    entityUscc('检查对象统一社会信用代码', ['检查对象代码']),
    {
      name: 'object_type',
      label: '检查对象类型',
      aliases: ['对象类型', '行业类型', '检查对象分类'],
      type: 'string',
      required: false,
      maxLength: 64,
      example: 'catering',
      note: '计划可按类型抽取（如餐饮、建筑工地）；不填为未分类',
    },
    {
      name: 'risk_class',
      label: '风险等级',
      aliases: ['风险分级', '风险类别'],
      type: 'enum',
      required: false,
      example: 'medium',
      values: [
        { code: 'low', label: '低风险', aliases: ['低', 'A级风险'] },
        { code: 'medium', label: '一般风险', aliases: ['中风险', '中', '一般'] },
        { code: 'high', label: '较高风险', aliases: ['高风险', '高', '较高'] },
        { code: 'severe', label: '高风险（重点）', aliases: ['重大风险', '严重', '重点'] },
      ],
      note: '按风险加权抽取时的权重：低1、一般2、较高3、重点4；不填按1计',
    },
    {
      name: 'credit_class',
      label: '信用等级',
      aliases: ['信用风险分类', '信用分类', '信用类别'],
      type: 'enum',
      required: false,
      example: 'B',
      values: [
        { code: 'A', label: 'A类（信用风险低）', aliases: ['A类', 'a'] },
        { code: 'B', label: 'B类（信用风险一般）', aliases: ['B类', 'b'] },
        { code: 'C', label: 'C类（信用风险较高）', aliases: ['C类', 'c'] },
        { code: 'D', label: 'D类（信用风险高）', aliases: ['D类', 'd'] },
      ],
      note: '按信用加权抽取时的权重：A 0.5、B 1、C 2、D 4；不填按1计',
    },
  ],
};
