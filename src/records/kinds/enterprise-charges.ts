// 涉企收费: a charge an enterprise paid around an agency's approval or inspection — an administrative fee,
// a government fund, a deposit, a service fee, an intermediary's fee, a training or rating fee — with who
// charged it, the number of the published 目录清单 it is listed under, and whether the agency itself
// commissioned the service or named its provider (优化营商环境条例 第十七条、第二十五条、第四十三条;
// 浙江省民营企业发展促进条例 第三十三条、第三十四条). The agency is the one the charge relates to. A storage
// fee (保管费) may name the sealing or seizure of that agency it came with (行政强制法 第二十六条 第三款).
import { sourceSystem, sourceId, regionCode, agencyId, entityUscc, yuan, countyCode } from '../fields.ts';
import type { RecordKindSpec } from '../types.ts';

const sample = {
  source_system: 'zj-xzzf',
  region_code: '330106',
  agency_id: 'AG-330106-MKT',
  catalogue_no: '',
  licence_id: '',
  inspection_id: '',
  coercive_measure_id: '',
  commissioned_by_agency: 'false',
  designated_by_agency: 'false',
};

export const enterpriseCharges: RecordKindSpec = {
  kind: 'enterprise_charges',
  table: 'enterprise_charges',
  label: '涉企收费',
  idPrefix: 'fee',
  key: ['source_system', 'source_id'],
  idColumn: 'id',
  agencyScope: { column: 'agency_id' },
  listOrder: 'charged_on',
  importable: true,
  computed: [countyCode],
  reference: false,
  agencyMayImport: true,
  fields: [
    sourceSystem,
    sourceId('收费记录编号', ['收费编号', '缴费编号', '票据编号'], 'SF2025000123'),
    regionCode,
    {
      ...agencyId,
      label: '相关执法主体编码',
      aliases: ['相关部门编码', '审批部门编码', '主管部门编码', ...(agencyId.aliases ?? [])],
      note: '收费所涉审批、检查或管理事项的执法主体，须为已登记的执法主体；执法部门账号只能导入本部门的记录',
    },
    entityUscc('缴费企业统一社会信用代码', ['缴费单位统一社会信用代码', '缴费企业信用代码']),
    {
      name: 'charged_by',
      label: '收费单位',
      aliases: ['收费单位名称', '收费主体', '收款单位'],
      type: 'string',
      required: true,
      maxLength: 200,
      example: '杭州某某检测技术有限公司',
    },
    {
      name: 'charger_kind',
      label: '收费单位类型',
      aliases: ['收费主体类型', '收款单位类型'],
      type: 'enum',
      required: true,
      example: 'intermediary',
      values: [
        { code: 'authority', label: '行政机关', aliases: ['机关'] },
        { code: 'affiliated', label: '所属事业单位', aliases: ['事业单位', '下属事业单位'] },
        { code: 'association', label: '行业协会商会', aliases: ['行业协会', '商会', '社会组织'] },
        { code: 'intermediary', label: '中介服务机构', aliases: ['中介机构', '第三方机构', '技术服务机构'] },
        { code: 'other', label: '其他', aliases: ['其他单位'] },
      ],
    },
    {
      name: 'fee_kind',
      label: '收费类别',
      aliases: ['收费种类', '收费类型', '费用类别'],
      type: 'enum',
      required: true,
      example: 'intermediary',
      values: [
        { code: 'admin_fee', label: '行政事业性收费', aliases: ['涉企行政事业性收费', '行政性收费'] },
        { code: 'fund', label: '政府性基金', aliases: ['基金'] },
        { code: 'deposit', label: '涉企保证金', aliases: ['保证金', '押金'] },
        { code: 'service', label: '经营服务性收费', aliases: ['服务性收费', '经营服务费'] },
        { code: 'intermediary', label: '中介服务费', aliases: ['中介费', '技术服务费', '评估费', '检测费'] },
        { code: 'training', label: '培训费', aliases: ['培训', '考试费', '考核费'] },
        { code: 'rating', label: '评比达标费', aliases: ['评比费', '达标费', '表彰费', '评比达标表彰费'] },
        { code: 'storage', label: '保管费', aliases: ['保管费用', '仓储费', '查封扣押保管费', '场地保管费'] },
        { code: 'hearing', label: '听证费', aliases: ['听证费用', '组织听证费用', '听证场地费'] },
        { code: 'other', label: '其他', aliases: ['其他收费'] },
      ],
    },
    {
      name: 'catalogue_no',
      label: '目录清单编号',
      aliases: ['收费目录编号', '目录编号', '清单编号'],
      type: 'string',
      required: false,
      maxLength: 64,
      example: '',
      note: '收费在公开的目录清单中的编号（优化营商环境条例 第二十五条）；不在目录清单中或未填写的留空',
    },
    yuan('amount', '收费金额', ['金额', '缴费金额', '收费金额（元）'], true, '12000'),
    {
      name: 'charged_on',
      label: '收费日期',
      aliases: ['缴费日期', '收款日期', '开票日期'],
      type: 'date',
      required: true,
      example: '2025-04-18',
    },
    {
      name: 'licence_id',
      label: '关联许可编号',
      aliases: ['许可编号', '审批编号', '办件编号'],
      type: 'string',
      required: false,
      maxLength: 128,
      recordRef: 'licences',
      sameAgency: true,
      example: 'XK2025000123',
      note: '收费随某项许可（审批）发生的，填该许可在同一来源系统中的编号（或刻度许可ID lic-…），须为本执法主体的许可',
    },
    {
      name: 'inspection_id',
      label: '关联检查编号',
      aliases: ['检查编号', '检查记录编号'],
      type: 'string',
      required: false,
      maxLength: 128,
      recordRef: 'inspections',
      sameAgency: true,
      example: '',
      note: '收费随某次检查发生的，填该检查在同一来源系统中的编号（或刻度检查记录ID insp-…），须为本执法主体的检查；与关联许可编号至多填一个',
    },
    {
      name: 'coercive_measure_id',
      label: '关联强制措施编号',
      aliases: ['强制措施编号', '查封扣押编号', '关联查封扣押编号'],
      type: 'string',
      required: false,
      maxLength: 128,
      recordRef: 'coercive_measures',
      sameAgency: true,
      example: '',
      note: '保管费随某次查封、扣押发生的，填该强制措施在同一来源系统中的编号（或刻度强制措施ID cm-…），须为本执法主体的措施；只用于保管费',
    },
    {
      name: 'commissioned_by_agency',
      label: '是否行政机关委托',
      aliases: ['机关委托', '行政机关委托', '是否机关委托'],
      type: 'boolean',
      required: true,
      example: '否',
      note: '行政机关在审批或管理中自行委托中介服务机构开展服务的填“是”（优化营商环境条例 第四十三条 第三款）；企业自行委托的填“否”',
    },
    {
      name: 'designated_by_agency',
      label: '是否行政机关指定服务机构',
      aliases: ['机关指定', '指定中介', '是否指定中介服务机构'],
      type: 'boolean',
      required: true,
      example: '否',
      note: '服务机构由行政机关指定或者变相指定的填“是”（优化营商环境条例 第四十三条 第二款）',
    },
  ],
  rules: [
    (get) =>
      get('licence_id') !== null && get('inspection_id') !== null
        ? ['inspection_id', '一笔收费只能关联一项许可或一次检查，关联许可编号与关联检查编号不能同时填写']
        : null,
    (get) =>
      get('commissioned_by_agency') === 'true' && get('fee_kind') !== 'intermediary' && get('fee_kind') !== 'storage'
        ? ['commissioned_by_agency', '行政机关委托的只能是中介服务：收费类别须为中介服务费（委托第三人保管查封、扣押财物的为保管费）']
        : null,
    (get) =>
      get('coercive_measure_id') !== null && get('fee_kind') !== 'storage'
        ? ['coercive_measure_id', '只有保管费可以关联强制措施：收费类别须为保管费']
        : null,
    (get) =>
      get('designated_by_agency') === 'true' && get('charger_kind') === 'authority'
        ? ['designated_by_agency', '收费单位是行政机关本身的，不能填写由行政机关指定服务机构']
        : null,
    (get) =>
      get('commissioned_by_agency') === 'true' && get('designated_by_agency') === 'true'
        ? ['designated_by_agency', '行政机关自行委托的服务由机关选择机构，不能同时填写为企业指定服务机构']
        : null,
  ],
  // An intermediary's fee for an approval the enterprise commissioned itself, a listed administrative fee, a
  // training fee an association charged with an inspection.
  samples: [
    {
      ...sample,
      source_id: 'SF2025000123',
      entity_uscc: '91330106MA2CFWLK3B',
      charged_by: '杭州某某检测技术有限公司',
      charger_kind: 'intermediary',
      fee_kind: 'intermediary',
      amount: '12000.00',
      charged_on: '2025-03-05',
      licence_id: 'XK2025000123',
    },
    {
      ...sample,
      source_id: 'SF2025000124',
      entity_uscc: '91330106MA2CFWLK15',
      charged_by: '杭州市西湖区市场监督管理局',
      charger_kind: 'authority',
      fee_kind: 'admin_fee',
      catalogue_no: 'ZJ-XZSY-2025-031',
      amount: '300.00',
      charged_on: '2025-03-08',
      licence_id: 'XK2025000124',
    },
    {
      ...sample,
      source_id: 'SF2025000125',
      entity_uscc: '91330106MA2CFWLK3B',
      charged_by: '西湖区某某行业协会',
      charger_kind: 'association',
      fee_kind: 'training',
      amount: '800.00',
      charged_on: '2025-04-18',
      inspection_id: 'JC2025004567',
    },
  ],
  rulesText:
    '关联许可编号与关联检查编号至多填一个；行政机关委托的收费类别须为中介服务费或保管费；只有保管费可以关联强制措施；收费单位是行政机关的不能填写由行政机关指定服务机构；行政机关委托与为企业指定服务机构不能同时为“是”。',
};
