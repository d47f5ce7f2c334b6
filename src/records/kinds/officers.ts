// 执法人员: an officer of one agency. The ID number and phone are personal data, masked for roles
// that do not need them (lists, exports, error files).
import { agencyId, regionCode } from '../fields.ts';
import { idNumberProblem } from '../../domain/id-number.ts';
import type { RecordKindSpec } from '../types.ts';

export const officers: RecordKindSpec = {
  kind: 'officers',
  table: 'officers',
  label: '执法人员',
  idPrefix: null,
  key: ['id'],
  idColumn: 'id',
  agencyScope: { column: 'agency_id' },
  personal: { id_number: 'id_number', phone: 'phone' },
  listOrder: 'id',
  importable: true,
  reference: true,
  agencyMayImport: false,
  fields: [
    {
      name: 'id',
      label: '执法人员编号',
      aliases: ['人员编号', '执法人员编码'],
      type: 'string',
      required: true,
      maxLength: 64,
      example: 'OF-330106-0012',
      note: '本地自定的唯一编号；记录中的主办、协办执法人员编号须与之一致',
    },
    { name: 'name', label: '姓名', aliases: ['执法人员姓名'], type: 'string', required: true, maxLength: 100, example: '王芳' },
    { ...agencyId, label: '所属执法主体编码', aliases: ['执法主体编码', ...(agencyId.aliases ?? [])], note: '须为已登记的执法主体' },
    { ...regionCode, note: 'GB/T 2260 代码，须在本人辖区内，且在所属执法主体的区划内' },
    {
      name: 'id_number',
      label: '身份证号',
      aliases: ['身份证号码', '公民身份号码'],
      type: 'string',
      required: false,
      maxLength: 18,
      example: '33010619880505234X',
      note: 'GB 11643-1999，出生日期和校验位须正确；个人信息，按角色脱敏显示',
    },
    {
      name: 'phone',
      label: '联系电话',
      aliases: ['电话', '手机号码'],
      type: 'string',
      required: false,
      maxLength: 50,
      example: '13900002222',
      note: '个人信息，按角色脱敏显示',
    },
    {
      name: 'staff_type',
      label: '人员类别',
      aliases: ['人员类型', '身份类别'],
      type: 'enum',
      required: false,
      example: 'officer',
      values: [
        { code: 'officer', label: '行政执法人员', aliases: ['执法人员', '在编执法人员'] },
        { code: 'auxiliary', label: '行政执法辅助人员', aliases: ['辅助人员', '辅警', '协管员', '执法辅助人员'] },
      ],
      note: '空缺视为行政执法人员；辅助人员只能配合执法，不得单独执法（浙江省综合行政执法条例 第三十条）',
    },
  ],
  rules: [
    (get) => {
      const v = get('id_number');
      const problem = v === null ? null : idNumberProblem(v);
      return problem ? ['id_number', problem] : null;
    },
  ],
  rulesText: '身份证号的出生日期和校验位须正确（GB 11643-1999）。',
  samples: [
    {
      id: 'OF-330106-0012',
      name: '王芳',
      agency_id: 'AG-330106-MKT',
      region_code: '330106',
      id_number: '33010619880505234X',
      phone: '13900002222',
    },
    {
      id: 'OF-330106-0013',
      name: '李强',
      agency_id: 'AG-330106-MKT',
      region_code: '330106',
      id_number: '33010619900101123X',
      phone: '13900003333',
    },
    {
      id: 'OF-330106-0014',
      name: '陈静',
      agency_id: 'AG-330106-MKT',
      region_code: '330106',
      id_number: '330106198512124565',
      phone: '13900004444',
    },
  ],
};
