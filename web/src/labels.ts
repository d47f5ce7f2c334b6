// Every Chinese label the console shows for a stored column or code: one module, so a column is
// called the same on the list, the drawer and the import page. Column labels follow the headers of
// the import formats (src/records), which are what an agency's own export calls them.
import type { ImportKind, ItemKind, RecordKind, RegionLevel, RegulationKind, RegulationStatus, TierName } from './api.ts';
// Generated from the server's registries (npm run docs:import), so the labels cannot drift.
import { COLUMN_LABELS, ENUM_LABELS, KIND_COLUMN_LABELS, KIND_LABELS, NOTIFICATION_KIND_NAMES } from './records/kinds.generated.ts';

/** A column's Chinese name, as the server's Excel exports head it (src/lists/record-labels.ts). */
export function columnLabel(kind: string, column: string): string {
  return KIND_COLUMN_LABELS[kind]?.[column] ?? COLUMN_LABELS[column] ?? column;
}

/** The Chinese name of every kind (the registry's, src/records). */
export const RECORD_KIND_LABELS: Record<RecordKind | ImportKind, string> = KIND_LABELS;

/** Coded values → Chinese, per kind and column: the enum labels of the import formats (src/records). */
const VALUE_LABELS: Partial<Record<RecordKind, Record<string, Record<string, string>>>> = ENUM_LABELS;

/** A coded value's label; several codes joined by ';' (a case's sanctions) → their labels joined by '、'. */
export function valueLabel(kind: RecordKind, column: string, value: string): string {
  const labels = VALUE_LABELS[kind]?.[column];
  if (!labels) return value;
  return (
    labels[value] ??
    (value.includes(';')
      ? value
          .split(';')
          .map((v) => labels[v] ?? v)
          .join('、')
      : value)
  );
}

export function hasValueLabels(kind: RecordKind, column: string): boolean {
  return VALUE_LABELS[kind]?.[column] !== undefined;
}

/** Every coded value of a column of a kind, code → label (the list's filter offers them). */
export function valueLabels(kind: RecordKind, column: string): Record<string, string> {
  return VALUE_LABELS[kind]?.[column] ?? {};
}

export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  licence: '行政许可',
  inspection: '行政检查',
  penalty: '行政处罚',
  coercion: '行政强制',
};

/** Display order of the tiers, lightest first (浙江省行政处罚裁量权基准规定). */
export const TIER_ORDER: readonly TierName[] = ['exempt', 'mitigated', 'lenient', 'general', 'severe'];

export const TIER_LABELS: Record<TierName, string> = {
  exempt: '不予处罚',
  mitigated: '减轻处罚',
  lenient: '从轻处罚',
  general: '一般处罚',
  severe: '从重处罚',
};

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  province: '省',
  city: '设区市',
  county: '县（市、区）',
  township: '乡镇（街道）',
};

export const REGULATION_KIND_LABELS: Record<RegulationKind, string> = {
  law: '法律',
  administrative_regulation: '行政法规',
  local_regulation: '地方性法规',
  rule: '规章',
  normative: '规范性文件',
};

export const REGULATION_STATUS_LABELS: Record<RegulationStatus, string> = {
  verbatim: '全文收录',
  partial: '部分收录',
  unavailable: '未收录条文',
};

/** 线索交办, 即将到期 … by notification kind (the two 整改逾期 kinds share their label). */
export const NOTIFICATION_KIND_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(NOTIFICATION_KIND_NAMES).filter(([code]) => code !== 'overdue_review'),
);
