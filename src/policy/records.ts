// Records (the four business modules, entities, agencies, officers): who may list, read, export and
// import them, and the SQL that keeps every query inside what the caller may read.
//
// - admin, supervisor: the records of their region's subtree.
// - agency_staff, officer: their own agency's records and what links to them — deliveries and payments
//   of their own cases, follow-up answers about their own cases, inspections and service visits,
//   entities their agency has a record of — and their own agency among the agencies.
// - invited_supervisor: no record-level data (the clues and reports they filed, and aggregate figures);
//   agency names are public (the report form picks one).
// - discipline_liaison: the records cited as evidence by the clues of their region transferred to
//   discipline inspection (and the tickets and entities those clues name); agency names.
import type { Caller } from '../auth/caller.ts';
import { isAgencyRole, ROLE_LABELS } from '../auth/caller.ts';
import type { Store } from '../store/store.ts';
import { sql, raw, joinSql, type Sql } from '../store/sql.ts';
import { NOTHING, definePolicy, regionSql } from './policy.ts';
import { maskRow } from './personal-data.ts';
import { FOLLOWUP_SUBJECTS, RECORD_ACCESS, RECORD_KINDS, type RecordKind } from './record-kinds.ts';

export type RecordAction = 'list' | 'read' | 'export' | 'import';

/** Roles that read records row by row (the invited supervisor does not; agency names excepted). */
const readsRecords = (caller: Caller, kind: RecordKind) => caller.role !== 'invited_supervisor' || kind === 'agencies';

export const recordsPolicy = definePolicy<{ kind: RecordKind }, RecordAction>({
  actions: ['list', 'read', 'export', 'import'],
  check(caller, action, { kind }) {
    switch (action) {
      case 'list':
      case 'read':
        return readsRecords(caller, kind) ? null : `${ROLE_LABELS[caller.role]}不查看逐条执法数据，可查看本人反映线索的办理进度和统计数据`;
      case 'export':
        // An export is a read in bulk, of the same rows and masked alike: those who read records row by
        // row in their own scope (not the liaison, whose few cited records are read one by one).
        return readsRecords(caller, kind) && caller.role !== 'discipline_liaison'
          ? null
          : `${ROLE_LABELS[caller.role]}账号不能导出执法数据`;
      case 'import':
        if (!RECORD_ACCESS[kind].importable) return `${KIND_LABELS[kind]}不能导入`;
        if (caller.role === 'admin' || caller.role === 'supervisor') return null;
        if (caller.role !== 'agency_staff') return `${ROLE_LABELS[caller.role]}账号不能导入数据`;
        if (!caller.agencyId) return '执法部门账号未指定所属执法主体，不能导入';
        return RECORD_ACCESS[kind].agencyMayImport ? null : `执法部门账号不能导入${KIND_LABELS[kind]}数据`;
    }
  },
});

/** Chinese names of the kinds, for messages (the registry's labels). */
export const KIND_LABELS = Object.fromEntries(RECORD_KINDS.map((k) => [k, RECORD_ACCESS[k].label])) as Record<RecordKind, string>;

const col = (alias: string, column: string) => raw(`${alias ? `${alias}.` : ''}${column}`);

/** The rows of `kind` that reach the agency, as SQL over alias (uncorrelated subqueries: one hash join each). */
export function agencyLinkSql(kind: RecordKind, agencyId: string, alias: string): Sql {
  const link = RECORD_ACCESS[kind].agency;
  // A list the county keeps reaches no agency.
  if (link === null) return NOTHING;
  if ('column' in link) return sql`${col(alias, link.column)} = ${agencyId}`;
  if ('link' in link) {
    const { column, table, agencyColumn } = link.link;
    return sql`${col(alias, column)} IN (SELECT k.id FROM ${raw(table)} k WHERE k.${raw(agencyColumn)} = ${agencyId})`;
  }
  if ('followupTask' in link) {
    const subjects = Object.entries(FOLLOWUP_SUBJECTS).map(
      ([subject, kind]) =>
        sql`SELECT ft.id FROM followup_tasks ft JOIN ${raw(RECORD_ACCESS[kind].table)} s ON s.id = ft.subject_id
          WHERE ft.subject_kind = ${subject} AND ${agencyLinkSql(kind, agencyId, 's')}`,
    );
    return sql`${col(alias, link.followupTask)} IN (${joinSql(subjects, ' UNION ALL ')})`;
  }
  const naming = RECORD_KINDS.filter((k) => RECORD_ACCESS[k].entityColumn).map((k) => {
    const a = RECORD_ACCESS[k];
    return sql`SELECT r.${raw(a.entityColumn!)} FROM ${raw(a.table)} r WHERE ${agencyLinkSql(k, agencyId, 'r')}`;
  });
  return sql`${col(alias, RECORD_ACCESS[kind].key)} IN (${joinSql(naming, ' UNION ')})`;
}

/** Record ids cited by the transferred clues of the caller's region, by kind (the discipline liaison's records). */
export async function citedRecords(store: Store, caller: Caller): Promise<Map<RecordKind, Set<string>>> {
  const cited = new Map<RecordKind, Set<string>>();
  const add = (kind: string, id: string | null) => {
    if (!id || !(RECORD_KINDS as readonly string[]).includes(kind)) return;
    const k = kind as RecordKind;
    (cited.get(k) ?? cited.set(k, new Set()).get(k)!).add(id);
  };
  const clues = await store.query<{ id: string; evidence: string | null; entity_uscc: string | null }>(
    sql`SELECT c.id, c.evidence, c.entity_uscc FROM clues c WHERE c.status = 'transferred' AND ${regionSql(caller, 'c')}`,
  );
  for (const c of clues) {
    add('entities', c.entity_uscc);
    try {
      const e = JSON.parse(c.evidence ?? 'null') as { kind?: string; ids?: unknown[] } | null;
      if (e?.kind && Array.isArray(e.ids)) for (const id of e.ids) add(e.kind, String(id));
    } catch {
      // Evidence is written by Kedu as JSON; anything else cites nothing.
    }
  }
  if (clues.length) {
    const tickets = await store.query<{ id: string }>(
      sql`SELECT t.id FROM hotline_tickets t WHERE t.clue_id IN (${joinSql(
        clues.map((c) => sql`${c.id}`),
        ', ',
      )})`,
    );
    for (const t of tickets) add('hotline_tickets', t.id);
  }
  return cited;
}

/** The kind's rows of the caller's region subtree, by the kind's region column (a township by its own code). */
const kindRegionSql = (caller: Caller, kind: RecordKind, alias: string): Sql => regionSql(caller, alias, RECORD_ACCESS[kind].regionColumn);

/**
 * The rows of `kind` an agency role reads, as SQL over alias: those of the region that reach its agency;
 * an entity wherever it is registered; a list with no agency (null), the region's.
 */
function agencyRowsSql(caller: Caller, kind: RecordKind, agencyId: string, alias: string): Sql {
  const link = RECORD_ACCESS[kind].agency;
  if (link === null) return sql`(${kindRegionSql(caller, kind, alias)})`;
  // An entity may be registered outside the agency's county and still be one it inspected.
  if ('namedByRecords' in link) return sql`(${agencyLinkSql(kind, agencyId, alias)})`;
  return sql`(${kindRegionSql(caller, kind, alias)} AND ${agencyLinkSql(kind, agencyId, alias)})`;
}

/**
 * The SQL condition over `alias` that keeps a query of `kind` inside what the caller may read. Async
 * because the discipline liaison's records are those their region's transferred clues cite.
 */
export async function recordScope(store: Store, caller: Caller, kind: RecordKind): Promise<(alias: string) => Sql> {
  const key = RECORD_ACCESS[kind].key;
  switch (caller.role) {
    case 'admin':
    case 'supervisor':
      return (a) => sql`(${kindRegionSql(caller, kind, a)})`;
    case 'agency_staff':
    case 'officer': {
      const agencyId = caller.agencyId;
      if (!agencyId) return () => NOTHING;
      return (a) => agencyRowsSql(caller, kind, agencyId, a);
    }
    case 'invited_supervisor':
      return kind === 'agencies' ? (a) => sql`(${regionSql(caller, a)})` : () => NOTHING;
    case 'discipline_liaison': {
      if (kind === 'agencies') return (a) => sql`(${regionSql(caller, a)})`;
      const ids = [...((await citedRecords(store, caller)).get(kind) ?? [])];
      if (ids.length === 0) return () => NOTHING;
      return (a) =>
        sql`(${col(a, key)} IN (${joinSql(
          ids.map((i) => sql`${i}`),
          ', ',
        )}))`;
    }
  }
}

/**
 * The rows behind aggregate figures (the home page): the region's for every role but the agency roles,
 * which count their own agency's. Invited supervisors and liaisons see figures, not rows.
 */
export function aggregateScope(caller: Caller, kind: RecordKind, alias: string): Sql {
  if (isAgencyRole(caller.role)) {
    return caller.agencyId ? agencyRowsSql(caller, kind, caller.agencyId, alias) : NOTHING;
  }
  return sql`(${kindRegionSql(caller, kind, alias)})`;
}

/**
 * What rows a caller who may import writes: records of their region's subtree and, for agency staff,
 * of their own agency only (the importer checks each row against it; src/ingest/validate.ts, merge.ts).
 */
export function importScope(caller: Caller): { regionCode: string; agencyId: string | null } {
  return { regionCode: caller.regionCode, agencyId: isAgencyRole(caller.role) ? caller.agencyId : null };
}

/**
 * The agency the caller's figures and lists are limited to (agency roles: their own), or null when
 * they cover the whole jurisdiction. Figures that cannot be split by agency are refused to a caller
 * bound to one (the assistant's measures).
 */
export const boundAgency = (caller: Caller): string | null => (isAgencyRole(caller.role) ? (caller.agencyId ?? '') : null);

/** How the console names what the caller's record lists hold. */
export const recordScopeLabel = (caller: Caller): string => (boundAgency(caller) !== null ? '本部门' : '本辖区');

/** A record row as the caller may see it: personal columns masked per role. */
export function presentRecord<T extends Record<string, unknown>>(caller: Caller, kind: RecordKind, row: T): T {
  return maskRow(caller, RECORD_ACCESS[kind].personal, row);
}
