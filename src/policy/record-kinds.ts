// The access facts of every record kind, in one place: its table and key, how a record reaches an
// agency (its own column, or through the case or the follow-up task it belongs to, or — for entities —
// through the agency's records that name it), which columns hold personal data, and whether agency
// staff may import it. The record policies (records.ts) and the importer read these facts and nothing
// else; when the record-kind registry (src/records) holds them, this file becomes its `access` field.
import type { PersonalKind } from './personal-data.ts';

export const RECORD_KINDS = [
  'licences',
  'inspections',
  'cases',
  'deliveries',
  'payments',
  'service_visits',
  'hotline_tickets',
  'delegations',
  'followup_answers',
  'entities',
  'agencies',
  'officers',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const isRecordKind = (k: string): k is RecordKind => (RECORD_KINDS as readonly string[]).includes(k);

/** How a record reaches the agency it belongs to. */
export type AgencyLink =
  /** A column names the agency (agency_id; an agency's own id). */
  | { column: string }
  /** A column names the case, whose agency it is (deliveries, payments). */
  | { viaCase: string }
  /** A column names the follow-up task, whose subject (a case, inspection or service visit) names the agency. */
  | { viaTask: string }
  /** An entity belongs to every agency with a record that names it. */
  | { viaRecords: true };

export interface RecordAccess {
  table: string;
  key: string;
  agency: AgencyLink;
  /** The column naming the entity a record is about (entities are reached through these). */
  entityColumn?: string;
  /** Columns of personal data and their kind (masked per role: personal-data.ts). */
  personal: Partial<Record<string, PersonalKind>>;
  /** Agency staff may import this kind (their own agency's records only); supervisors and admins import every kind. */
  agencyMayImport: boolean;
}

export const RECORD_ACCESS: Record<RecordKind, RecordAccess> = {
  licences: {
    table: 'licences',
    key: 'id',
    agency: { column: 'agency_id' },
    entityColumn: 'entity_uscc',
    personal: {},
    agencyMayImport: true,
  },
  inspections: {
    table: 'inspections',
    key: 'id',
    agency: { column: 'agency_id' },
    entityColumn: 'entity_uscc',
    personal: {},
    agencyMayImport: true,
  },
  cases: { table: 'cases', key: 'id', agency: { column: 'agency_id' }, entityColumn: 'entity_uscc', personal: {}, agencyMayImport: true },
  deliveries: { table: 'deliveries', key: 'id', agency: { viaCase: 'case_id' }, personal: {}, agencyMayImport: true },
  payments: { table: 'payments', key: 'id', agency: { viaCase: 'case_id' }, personal: {}, agencyMayImport: true },
  service_visits: {
    table: 'service_visits',
    key: 'id',
    agency: { column: 'agency_id' },
    entityColumn: 'entity_uscc',
    personal: {},
    agencyMayImport: true,
  },
  // The citizen's words may carry a name or a number: free text is masked like a phone number.
  hotline_tickets: {
    table: 'hotline_tickets',
    key: 'id',
    agency: { column: 'agency_id' },
    entityColumn: 'entity_uscc',
    personal: { content: 'free_text' },
    agencyMayImport: false,
  },
  delegations: { table: 'delegations', key: 'id', agency: { column: 'agency_id' }, personal: {}, agencyMayImport: true },
  followup_answers: {
    table: 'followup_answers',
    key: 'id',
    agency: { viaTask: 'task_id' },
    personal: { transcript: 'free_text' },
    agencyMayImport: false,
  },
  entities: {
    table: 'entities',
    key: 'uscc',
    agency: { viaRecords: true },
    personal: { legal_rep: 'name', address: 'address', phone: 'phone' },
    agencyMayImport: false,
  },
  agencies: { table: 'agencies', key: 'id', agency: { column: 'id' }, personal: {}, agencyMayImport: false },
  officers: {
    table: 'officers',
    key: 'id',
    agency: { column: 'agency_id' },
    personal: { id_number: 'id_number', phone: 'phone' },
    agencyMayImport: false,
  },
};

/** The subjects a follow-up task may name (followup_tasks.subject_kind → its table). */
export const FOLLOWUP_SUBJECTS: Record<string, RecordKind> = { case: 'cases', inspection: 'inspections', service_visit: 'service_visits' };
