// Fields and rules that several kinds share: the source of a record, its region, its agency, the
// entity it concerns, its officers, a case it belongs to.
import type { FieldSpec, RowRule } from './types.ts';

export const sourceSystem: FieldSpec = {
  name: 'source_system',
  label: '来源系统',
  aliases: ['来源系统编码', '数据来源', '系统编码'],
  type: 'string',
  required: false,
  maxLength: 64,
  example: 'zj-xzzf',
  note: '字母、数字及 _ . : -，至多64位；文件中无此列时取导入时指定的来源系统',
};

export const sourceId = (label: string, aliases: string[], example: string): FieldSpec => ({
  name: 'source_id',
  label,
  aliases: [...aliases, '来源编号', '业务编号', '原始编号'],
  type: 'string',
  required: true,
  maxLength: 128,
  example,
  note: '来源系统内的唯一编号；同一来源系统重复报送同一编号时更新原记录，不会重复',
});

export const regionCode: FieldSpec = {
  name: 'region_code',
  label: '区划代码',
  aliases: ['行政区划代码', '区划编码', '所属区划代码'],
  type: 'region',
  required: true,
  example: '330106',
  note: 'GB/T 2260 县级6位或乡镇级9位代码，须在本人辖区内',
};

export const agencyId: FieldSpec = {
  name: 'agency_id',
  label: '执法主体编码',
  aliases: ['执法主体代码', '执法主体ID', '执法部门编码', '实施主体编码'],
  type: 'string',
  required: true,
  maxLength: 64,
  ref: 'agency',
  example: 'AG-330106-SCJG',
  note: '须为已登记的执法主体；执法部门账号只能导入本部门的记录',
};

export const entityUscc = (label = '统一社会信用代码', aliases: string[] = []): FieldSpec => ({
  name: 'entity_uscc',
  label,
  aliases: [...aliases, '统一社会信用代码', '社会信用代码', '信用代码', 'uscc'],
  type: 'uscc',
  required: true,
  example: '91330106MA2CFWLK3B',
  note: 'GB 32100-2015，校验位须正确',
});

export const officer = (name: string, label: string, aliases: string[], required: boolean): FieldSpec => ({
  name,
  label,
  aliases,
  type: 'string',
  required,
  maxLength: 64,
  example: 'OF-330106-0012',
});

export const caseRef: FieldSpec = {
  name: 'case_id',
  label: '案件编号',
  aliases: ['关联案件编号', '案件ID'],
  type: 'string',
  required: true,
  maxLength: 128,
  recordRef: 'cases',
  example: 'AJ2025000789',
  note: '案件在同一来源系统中的编号（或刻度案件ID case-…）',
};

/** `later` may not be before `earlier` (dates, or the date part of instants). */
export const dateAfter =
  (later: string, earlier: string, message: string): RowRule =>
  (get) => {
    const a = get(later),
      b = get(earlier);
    return a !== null && b !== null && a.slice(0, 10) < b.slice(0, 10) ? [later, message] : null;
  };
