// What the registry says about a record kind: where its rows live, how they are keyed and scoped,
// and the field spec of every column a file or an API call may carry. Names are the table's column
// names (the English names used throughout the code); labels and aliases are the headers an agency system's Excel export uses,
// so such a file imports as is.
import type { Caller } from '../auth/caller.ts';
import type { Store } from '../store/store.ts';

/** code: an identifier people copy or type (行政行为码): stored upper-case without spaces or hyphens. */
export type FieldType = 'string' | 'date' | 'timestamp' | 'decimal' | 'boolean' | 'enum' | 'uscc' | 'region' | 'integer' | 'code';

export interface EnumValue {
  code: string;
  label: string;
  aliases?: string[];
}

/** Reference tables a field's value may name a row of (checked per row against sets loaded once per batch). */
export type ReferenceTable = 'agency' | 'item' | 'inspection_item' | 'line' | 'regulation' | 'officer';

export interface FieldSpec {
  /** Column name in the table, and the canonical header / JSON key. */
  name: string;
  /** Chinese label: the header an agency export uses. */
  label: string;
  /** Other accepted headers. */
  aliases?: string[];
  type: FieldType;
  required: boolean;
  /** enum: the codes stored, each with the Chinese label accepted in its place. */
  values?: EnumValue[];
  /**
   * enum: several values in one cell, separated by ；;、，, or /: stored as their codes in the order of
   * `values`, each once, joined by ';' (a cell "吊销许可证件;没收非法财物" → "confiscate_goods;revoke_licence").
   */
  multiple?: true;
  /** string: the longest accepted value (characters). integer: min/max. */
  maxLength?: number;
  min?: number;
  max?: number;
  /** The value must name a row of this reference table (else the row is rejected). */
  ref?: ReferenceTable;
  /**
   * The value should name a row of this reference table; one that does not is landed all the same and
   * counted in the batch's notes: breaking that rule is what a supervision model exists to find (an
   * inspection of an item not on the published list).
   */
  listedIn?: ReferenceTable;
  /** The value names another row of the same kind, stored or earlier in the same batch (a parent agency). */
  selfRef?: true;
  /** Read and checked but not a column of the table (it only shapes another: the subject's source system). */
  stored?: false;
  /** The value names a record of this kind: its key in the same source system, or its Kedu id. */
  recordRef?: string;
  /**
   * The record it names belongs to this row's own agency (`agency_id` on both): an outcome of review and
   * its case, a coercive measure and its case. A row naming a stored record of another agency is refused.
   */
  sameAgency?: true;
  example: string;
  note?: string;
}

/** A check across fields of one row, on the normalised values: [field, message] of the problem, or null. */
export type RowRule = (get: (name: string) => string | null) => [string, string] | null;

/**
 * How an agency role's (执法部门, 执法人员) view of a kind is limited, beyond the region (the records
 * policy, src/policy/records.ts, turns it into SQL):
 *  - column: the row names its agency in this column;
 *  - link: the row names a record (column) of another table (table.id) which names the agency;
 *  - followupTask: the row names a follow-up task (this column) whose subject — a case, an inspection
 *    or a service visit — names the agency;
 *  - namedByRecords: an entity; it belongs to every agency with a record (of a kind with entity_uscc)
 *    that names it, wherever it is registered;
 *  - null: no agency — a list the county keeps (townships, its catalog lists), read by every role that
 *    reads records over the region; it reaches no agency, so it names none of an agency's entities.
 */
export type AgencyScope =
  | { column: string }
  | { link: { column: string; table: string; agencyColumn: string; /** what the linked record is called: 案件 */ label: string } }
  | { followupTask: string }
  | { namedByRecords: true }
  | null;

/** Kinds of personal data a column may hold; src/policy/personal-data.ts masks each per role. */
export type PersonalKind = 'id_number' | 'phone' | 'name' | 'address' | 'free_text';

export interface RecordKindSpec {
  /** The kind's name: the registry key, the `--kind` of the CLI, the path of /ingest/{kind} and /records/{kind}. */
  kind: string;
  table: string;
  /** Chinese name of the kind. */
  label: string;
  /** The column a single record is fetched by (GET /records/{kind}/{id}). */
  idColumn: string;
  /**
   * New rows get `${idPrefix}-${md5(key values joined by |) first 20 hex}` in idColumn (record-id.ts);
   * null: the key is the id (entities by uscc, agencies by their code).
   */
  idPrefix: string | null;
  /** The natural key a re-sent row is matched on. */
  key: readonly string[];
  fields: FieldSpec[];
  agencyScope: AgencyScope;
  /** Columns of personal data and their kind: masked per role in lists, records, exports and error files. */
  personal?: Partial<Record<string, PersonalKind>>;
  /** The column lists are ordered by, newest first; null: not listed under /records/{kind}. */
  listOrder: string | null;
  /** Whether a file or an API call may carry this kind. */
  importable: boolean;
  /** Whether agency roles (执法部门) may import this kind, only their own agency's rows; admins and supervisors import every importable kind. */
  agencyMayImport: boolean;
  /** Reference data (the registers and lists a county keeps) rather than the records of agency systems. */
  reference: boolean;
  /** Checks across fields of one row. */
  rules?: RowRule[];
  /** The source system of rows that name none and were imported without one (catalog rows: `local`). */
  defaultSourceSystem?: string;
  /**
   * Columns written from SQL over the row's typed fields (the field itself when a field has the name):
   * a constant, or a reference turned into a Kedu id. A function, so that it may use the registry.
   */
  computed?: { column: string; sql: () => string }[];
  /** The column holding the row's region when it is not region_code (a township's own code). */
  regionColumn?: string;
  /** The rows of docs/samples/<kind>.csv, by field name; default: three rows made from the examples. */
  samples?: Record<string, string>[];
  /** A row that lands in more than one table or needs work per row is written by this writer (src/ingest/writers). */
  writer?: 'baselines' | 'users';
  /** The cross-field rules in Chinese, for docs/import-formats.md. */
  rulesText?: string;
  /**
   * Checks of a row against stored rows (a plan's officers hold certificates, its entities are
   * registered): what they need is read once per batch, within the importer's jurisdiction, and the
   * rules run after `rules` on rows that passed every other check.
   */
  batchRules?: (store: Store, caller: Caller) => Promise<RowRule[]>;
}
