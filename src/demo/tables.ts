// The columns each generator writes, in the order its rows list them, and the sinks of one run.
import type { BatchWriter, TableSink } from './sink.ts';

export const COLUMNS = {
  regions: ['code', 'name', 'parent_code', 'level', 'is_demo'],
  agencies: ['id', 'name', 'line_code', 'region_code', 'level'],
  officers: ['id', 'name', 'agency_id', 'region_code', 'id_number', 'phone'],
  certificates: ['id', 'officer_id', 'region_code', 'number', 'issued_on', 'expires_on', 'status'],
  entities: ['uscc', 'name', 'region_code', 'industry', 'address', 'legal_rep', 'phone', 'registered_on'],
  licences: [
    'id',
    'source_system',
    'source_id',
    'region_code',
    'agency_id',
    'item_code',
    'entity_uscc',
    'applied_on',
    'decided_on',
    'result',
  ],
  inspections: [
    'id',
    'source_system',
    'source_id',
    'region_code',
    'agency_id',
    'inspection_item_code',
    'entity_uscc',
    'inspected_on',
    'kind',
    'joint_id',
    'lead_officer_id',
    'assist_officer_id',
    'via_code',
    'result',
  ],
  cases: [
    'id',
    'source_system',
    'source_id',
    'region_code',
    'agency_id',
    'item_code',
    'entity_uscc',
    'inspection_id',
    'filed_on',
    'first_offence',
    'corrected',
    'harm',
    'facts',
    'lead_officer_id',
    'assist_officer_id',
    'decided_on',
    'decision',
    'tier',
    'fine_amount',
    'status',
  ],
  deliveries: ['id', 'source_system', 'source_id', 'region_code', 'case_id', 'method', 'sent_on', 'delivered_on'],
  payments: ['id', 'source_system', 'source_id', 'region_code', 'case_id', 'amount', 'due_on', 'paid_on'],
  service_visits: ['id', 'source_system', 'source_id', 'region_code', 'agency_id', 'entity_uscc', 'visited_on', 'topic', 'officer_id'],
  hotline_tickets: [
    'id',
    'source_system',
    'source_id',
    'region_code',
    'received_at',
    'category',
    'content',
    'entity_uscc',
    'agency_id',
    'status',
  ],
  delegations: [
    'id',
    'source_system',
    'source_id',
    'region_code',
    'agency_id',
    'service_code',
    'service_name',
    'provider_name',
    'provider_uscc',
    'approved',
    'fee',
    'signed_on',
  ],
  campaigns: ['id', 'region_code', 'name', 'level', 'subject_kind', 'mode', 'created_at', 'status'],
  followup_tasks: ['id', 'campaign_id', 'region_code', 'subject_kind', 'subject_id', 'entity_uscc', 'channel', 'status'],
  followup_answers: [
    'id',
    'source_system',
    'source_id',
    'task_id',
    'region_code',
    'answered_at',
    'satisfaction',
    'says_inspection',
    'transcript',
  ],
  ground_truth: ['violation', 'record_kind', 'record_id', 'region_code', 'detail'],
} as const;

export type DemoTable = keyof typeof COLUMNS;

/** The nine business tables whose rows are "records" (the seed's 执法数据). */
export const RECORD_TABLES = [
  'licences',
  'inspections',
  'cases',
  'deliveries',
  'payments',
  'service_visits',
  'hotline_tickets',
  'delegations',
  'followup_answers',
] as const satisfies readonly DemoTable[];

/** Columns whose text may hold a comma or a quote (CSV quoting is paid only there). */
const FREE_TEXT = ['name', 'address', 'facts', 'content', 'topic', 'transcript', 'service_name', 'provider_name', 'detail'];

export type Sinks = { [T in DemoTable]: TableSink };

export function openSinks(writer: BatchWriter): Sinks {
  const out = {} as Record<DemoTable, TableSink>;
  for (const t of Object.keys(COLUMNS) as DemoTable[]) out[t] = writer.table(t, COLUMNS[t], FREE_TEXT);
  return out as Sinks;
}

/** The source system of every generated record (ingestion is idempotent on source_system + source_id). */
export const SOURCE = 'kedu-demo';
