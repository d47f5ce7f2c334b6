// Import batches and their error files. A batch is its importer's: the owner reads it back, and so do
// the supervisors whose jurisdiction covers it (and the admin); nobody else — not a colleague of the
// same agency, not an invited supervisor or a liaison, who import nothing. The error file holds the
// rejected rows as sent, so its personal data is masked per role (personal-data.ts) like any list.
import type { Caller } from '../auth/caller.ts';
import { ROLE_LABELS } from '../auth/caller.ts';
import { sql, raw, type Sql } from '../store/sql.ts';
import { NOTHING, covers, definePolicy, regionSql } from './policy.ts';

export interface BatchFacts {
  region_code: string;
  created_by: string | null;
}

export type BatchAction = 'read';

const IMPORTERS = ['admin', 'supervisor', 'agency_staff'];

export const batchPolicy = definePolicy<{ batch: BatchFacts }, BatchAction>({
  actions: ['read'],
  check(caller, _action, { batch }) {
    if (caller.role === 'admin') return null;
    if (caller.role === 'supervisor') return covers(caller, batch.region_code) ? null : '该导入批次不在您的辖区内';
    if (caller.role === 'agency_staff') return batch.created_by === caller.userId ? null : '只能查看本人导入的批次';
    return `${ROLE_LABELS[caller.role]}不查看导入批次`;
  },
});

export const batchesPolicy = definePolicy<object, 'list'>({
  actions: ['list'],
  check(caller) {
    return IMPORTERS.includes(caller.role) ? null : `${ROLE_LABELS[caller.role]}不查看导入批次`;
  },
});

/** The batches a caller may read, as SQL over alias (the same rule as batchPolicy). */
export function batchScope(caller: Caller, alias = 'b'): Sql {
  switch (caller.role) {
    case 'admin':
    case 'supervisor':
      return sql`(${regionSql(caller, alias)})`;
    case 'agency_staff':
      return sql`(${raw(`${alias}.created_by`)} = ${caller.userId})`;
    default:
      return NOTHING;
  }
}
