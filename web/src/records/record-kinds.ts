// The 执法数据 pages, one per record kind of GET /records/:kind: where each lives, which columns its
// list shows, and what each column refers to (so a code can be shown with its name and a link).
// Column titles and value labels come from labels.ts.
import type { RecordKind, RecordRow } from '../api.ts';
import { formatInstant, formatYuan } from '../format.ts';
import { hasValueLabels, valueLabel } from '../labels.ts';

export interface RecordPageSpec {
  kind: RecordKind;
  /** The console path (kebab-case: /records/service-visits). */
  path: string;
  /** The column the record is keyed on in GET /records/:kind/:id. */
  key: string;
  /** Columns of the list, in order; the drawer shows every column. */
  list: string[];
  /** Columns holding long text (item names, complaints): one line in the list, the whole on hover. */
  wide?: string[];
}

export const RECORD_PAGES: RecordPageSpec[] = [
  {
    kind: 'licences',
    path: '/records/licences',
    key: 'id',
    list: ['applied_on', 'item_code', 'entity_uscc', 'agency_id', 'result', 'decided_on', 'region_code'],
    wide: ['item_code'],
  },
  {
    kind: 'inspections',
    path: '/records/inspections',
    key: 'id',
    list: ['inspected_on', 'inspection_item_code', 'entity_uscc', 'agency_id', 'kind', 'result', 'via_code', 'region_code'],
    wide: ['inspection_item_code'],
  },
  {
    kind: 'cases',
    path: '/records/cases',
    key: 'id',
    list: ['filed_on', 'item_code', 'entity_uscc', 'agency_id', 'decision', 'tier', 'fine_amount', 'status'],
    wide: ['item_code'],
  },
  { kind: 'deliveries', path: '/records/deliveries', key: 'id', list: ['sent_on', 'case_id', 'method', 'delivered_on', 'region_code'] },
  { kind: 'payments', path: '/records/payments', key: 'id', list: ['due_on', 'case_id', 'amount', 'paid_on', 'region_code'] },
  {
    kind: 'coercive_measures',
    path: '/records/coercive-measures',
    key: 'id',
    list: ['started_on', 'measure', 'entity_uscc', 'agency_id', 'decision_no', 'ended_on', 'goods_returned_on', 'status'],
    wide: ['decision_no'],
  },
  {
    kind: 'confiscated_goods',
    path: '/records/confiscated-goods',
    key: 'id',
    list: [
      'confiscated_on',
      'description',
      'entity_uscc',
      'agency_id',
      'case_id',
      'estimated_value',
      'disposal',
      'disposed_on',
      'proceeds',
      'proceeds_paid_on',
    ],
    wide: ['description'],
  },
  {
    kind: 'enterprise_charges',
    path: '/records/enterprise-charges',
    key: 'id',
    list: [
      'charged_on',
      'fee_kind',
      'charged_by',
      'entity_uscc',
      'agency_id',
      'amount',
      'catalogue_no',
      'commissioned_by_agency',
      'designated_by_agency',
    ],
    wide: ['charged_by'],
  },
  {
    kind: 'review_outcomes',
    path: '/records/review-outcomes',
    key: 'id',
    list: ['applied_on', 'case_id', 'agency_id', 'route', 'outcome', 'decided_on', 'carried_out_on', 'case_withdrawn_on'],
  },
  {
    kind: 'service_visits',
    path: '/records/service-visits',
    key: 'id',
    list: ['visited_on', 'topic', 'entity_uscc', 'agency_id', 'officer_id', 'region_code'],
    wide: ['topic'],
  },
  {
    kind: 'hotline_tickets',
    path: '/records/hotline-tickets',
    key: 'id',
    list: ['received_at', 'category', 'content', 'agency_id', 'status', 'region_code'],
    wide: ['content'],
  },
  {
    kind: 'delegations',
    path: '/records/delegations',
    key: 'id',
    list: ['signed_on', 'service_name', 'service_code', 'provider_name', 'approved', 'fee', 'agency_id'],
    wide: ['service_name', 'provider_name'],
  },
  { kind: 'agencies', path: '/catalog/agencies', key: 'id', list: ['id', 'name', 'line_code', 'level', 'region_code'] },
  { kind: 'officers', path: '/records/officers', key: 'id', list: ['id', 'name', 'agency_id', 'region_code', 'phone'] },
  {
    kind: 'entities',
    path: '/records/entities',
    key: 'uscc',
    list: ['uscc', 'name', 'industry', 'legal_rep', 'registered_on', 'region_code'],
  },
];

export const RECORD_PAGE_BY_KIND = new Map(RECORD_PAGES.map((p) => [p.kind, p]));

/** What a column's value names. Catalog refs resolve from the catalog; record refs by GET /records/:kind/:id. */
export type CatalogRef = 'items' | 'inspection-items' | 'regions' | 'lines' | 'whitelist';
export type RecordRef = 'agencies' | 'entities' | 'officers' | 'cases' | 'inspections';
export type Ref = { catalog: CatalogRef } | { record: RecordRef };

const REFS: Record<string, Ref> = {
  item_code: { catalog: 'items' },
  inspection_item_code: { catalog: 'inspection-items' },
  region_code: { catalog: 'regions' },
  line_code: { catalog: 'lines' },
  service_code: { catalog: 'whitelist' },
  agency_id: { record: 'agencies' },
  entity_uscc: { record: 'entities' },
  lead_officer_id: { record: 'officers' },
  assist_officer_id: { record: 'officers' },
  officer_id: { record: 'officers' },
  case_id: { record: 'cases' },
  inspection_id: { record: 'inspections' },
};

export function refOf(column: string): Ref | undefined {
  return REFS[column];
}

/** Record refs whose name the list shows (cases and inspections have no name: their id is the link). */
export const NAMED_RECORDS: ReadonlySet<RecordRef> = new Set<RecordRef>(['agencies', 'entities', 'officers']);

const MONEY = new Set(['fine_amount', 'amount', 'fee']);
const BOOLEAN = new Set(['via_code', 'first_offence', 'corrected', 'approved']);

/** Width of a list column in pixels: the list has a fixed layout, so a long item name cannot push the rest off screen. */
export function columnWidth(spec: RecordPageSpec, column: string): number {
  if (spec.wide?.includes(column)) return 300;
  if (column.endsWith('_on')) return 110;
  if (column.endsWith('_at')) return 150;
  if (MONEY.has(column)) return 130;
  if (BOOLEAN.has(column)) return 90;
  if (column === 'region_code') return 100;
  if (column === 'line_code' || column === 'level') return 120;
  if (column === 'name' || column === 'item_code' || column === 'inspection_item_code') return 240;
  const ref = refOf(column);
  if (ref && 'record' in ref) return ref.record === 'cases' || ref.record === 'inspections' ? 190 : 220;
  if (column === 'id' || column === 'uscc') return 190;
  return 130;
}

export function isMoney(column: string): boolean {
  return MONEY.has(column);
}

/** A stored value as text: 是/否, Chinese labels of codes, yuan with two decimals, instants in Beijing time. */
export function formatValue(kind: RecordKind, column: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (MONEY.has(column) && typeof value === 'number') return formatYuan(value);
  if (typeof value === 'string' && hasValueLabels(kind, column)) return valueLabel(kind, column, value);
  if (typeof value === 'string' && /_at$/.test(column)) return formatInstant(value);
  return String(value);
}

export function recordKey(spec: RecordPageSpec, row: RecordRow): string {
  return String(row[spec.key] ?? '');
}

/** The page that shows one record: its list with the drawer open. */
export function recordPath(kind: RecordKind, id: string): string {
  const spec = RECORD_PAGE_BY_KIND.get(kind);
  return spec ? `${spec.path}?id=${encodeURIComponent(id)}` : '#';
}
