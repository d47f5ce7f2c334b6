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

/**
 * The county of a record (the first 6 digits of region_code), a column of its own that every record
 * kind (not the reference data) carries: a Citus coordinator distributes the record tables on it
 * (src/store/citus.ts). A kind's `computed` list names it; the import fills it, never a file.
 */
export const countyCode = { column: 'county_code', sql: () => 'substr(region_code, 1, 6)' };

export const agencyId: FieldSpec = {
  name: 'agency_id',
  label: '执法主体编码',
  aliases: ['执法主体代码', '执法主体ID', '执法部门编码', '实施主体编码'],
  type: 'string',
  required: true,
  maxLength: 64,
  ref: 'agency',
  example: 'AG-330106-MKT',
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

export const officer = (name: string, label: string, aliases: string[], required: boolean, example = 'OF-330106-0012'): FieldSpec => ({
  name,
  label,
  aliases,
  type: 'string',
  required,
  maxLength: 64,
  example,
  note: '执法人员编号；未登记或无有效执法证的人员照常入库，由监督模型发现',
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

/**
 * What the catalog lists a county keeps itself have in common (local items, inspection items, the
 * service whitelist, no-penalty entries, baseline refinements): their own codes as keys, no agency
 * scope and no order on the records page, imported by admins and supervisors over the region only,
 * under the source system `local` unless a file names one.
 */
export const localCatalog = {
  idPrefix: null,
  agencyScope: null,
  listOrder: null,
  importable: true,
  reference: true,
  agencyMayImport: false,
  defaultSourceSystem: 'local',
} as const;

/** The source system of a catalog row a county keeps itself: optional, `local` when none is given. */
export const catalogSource: FieldSpec = {
  ...sourceSystem,
  example: 'xh-sfj',
  note: '可不填：不填时取导入时指定的来源系统，再无则记为 local（本地维护）；随系统发布的目录条目无来源系统',
};

/** A line code (条线) of the catalog. */
export const lineCode = (required: boolean): FieldSpec => ({
  name: 'line_code',
  label: '条线编码',
  aliases: ['执法条线编码', '执法条线', '条线'],
  type: 'string',
  required,
  maxLength: 32,
  ref: 'line',
  example: 'MKT',
  note: '须为条线目录中的编码（如 MKT 市场监管、CLE 综合行政执法）',
});

/** An item code (执法事项) of the catalog. */
export const itemCode = (label: string, aliases: string[], example: string): FieldSpec => ({
  name: 'item_code',
  label,
  aliases: [...aliases, '执法事项编码', '权力事项编码'],
  type: 'string',
  required: true,
  maxLength: 64,
  ref: 'item',
  example,
  note: '须为执法事项目录中的事项（随系统发布的或本地导入的）',
});

/** A regulation id (法规) of the catalog, with the article number beside it. */
export const regulationId = (name: string, label: string, aliases: string[], required: boolean, example: string): FieldSpec => ({
  name,
  label,
  aliases,
  type: 'string',
  required,
  maxLength: 80,
  ref: 'regulation',
  example,
  note: '法规库中的法规编号（见 规则库 › 法规，如 xingzheng-chufa-fa 行政处罚法）',
});

export const articleNumber = (name: string, label: string, aliases: string[], required: boolean, example: string): FieldSpec => ({
  name,
  label,
  aliases,
  type: 'integer',
  required,
  min: 1,
  max: 2000,
  example,
  note: '条款序号：第三十三条填 33',
});

/** Money of a range (yuan). */
export const yuan = (name: string, label: string, aliases: string[], required: boolean, example: string): FieldSpec => ({
  name,
  label,
  aliases,
  type: 'decimal',
  required,
  example,
  note: '元，不小于0，至多两位小数',
});

/** `low` may not be above `high` (amounts). */
export const notAbove =
  (low: string, high: string, message: string): RowRule =>
  (get) => {
    const a = get(low),
      b = get(high);
    return a !== null && b !== null && Number(a) > Number(b) ? [low, message] : null;
  };
