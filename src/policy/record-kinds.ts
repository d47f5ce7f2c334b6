// The access facts of every record kind come from the record-kind registry (src/records/registry.ts):
// its table and id column, how a record reaches an agency (its own column, the case or the follow-up
// task it belongs to, or — for entities — the agency's records that name it), which columns hold
// personal data, and whether agency staff may import it. This file only gives the policies the short
// view of those facts they need; a new kind is added in the registry, never here.
import { KINDS, KIND_SPECS, isKind, type AgencyScope, type Kind, type PersonalKind } from '../records/registry.ts';

export const RECORD_KINDS: readonly Kind[] = KINDS;
export type RecordKind = Kind;
export const isRecordKind = isKind;

export interface RecordAccess {
  table: string;
  /** The column one record is read by. */
  key: string;
  /** Chinese name, for messages. */
  label: string;
  agency: AgencyScope;
  /** The column holding the record's region: region_code, or a township's own code. */
  regionColumn: string;
  /** The column naming the entity a record is about (entities are reached through these), or null. */
  entityColumn: string | null;
  personal: Partial<Record<string, PersonalKind>>;
  /** A file or an API call may carry it (admins and supervisors import every importable kind). */
  importable: boolean;
  agencyMayImport: boolean;
}

export const RECORD_ACCESS = Object.fromEntries(
  KINDS.map((kind) => {
    const s = KIND_SPECS[kind];
    const access: RecordAccess = {
      table: s.table,
      key: s.idColumn,
      label: s.label,
      agency: s.agencyScope,
      regionColumn: s.regionColumn ?? 'region_code',
      entityColumn: s.fields.some((f) => f.name === 'entity_uscc') ? 'entity_uscc' : null,
      personal: s.personal ?? {},
      importable: s.importable,
      agencyMayImport: s.importable && s.agencyMayImport,
    };
    return [kind, access];
  }),
) as Record<RecordKind, RecordAccess>;

/** The subjects a follow-up task may name (followup_tasks.subject_kind → its kind). */
export const FOLLOWUP_SUBJECTS: Record<string, RecordKind> = { case: 'cases', inspection: 'inspections', service_visit: 'service_visits' };
