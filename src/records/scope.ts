// The rows of a kind a caller may see: their region's subtree, and for agency roles only their
// agency's rows — named in the row, or through the record the row belongs to (a payment through its
// case). Lists, single records, exports and the import's overwrite check all use this one condition.
import { isAgencyRole, scopeFilter, type Caller } from '../auth/caller.ts';
import { sql, raw, type Sql } from '../store/sql.ts';
import { regionPrefix } from '../domain/region.ts';
import type { RecordKindSpec } from './types.ts';

export function recordScope(caller: Caller, spec: RecordKindSpec, alias: string): Sql {
  // A row whose region is its own code (a township): the region's subtree only.
  if (spec.regionColumn) return sql`(${raw(`${alias}.${spec.regionColumn}`)} LIKE ${regionPrefix(caller.regionCode) + '%'})`;
  const scope = spec.agencyScope;
  if (scope === null) return scopeFilter(caller, alias, null);
  if ('column' in scope) return scopeFilter(caller, alias, scope.column);
  const region = scopeFilter(caller, alias, null);
  if (!isAgencyRole(caller.role) || !caller.agencyId) return region;
  const { column, table, agencyColumn } = scope.link;
  return sql`(${region} AND EXISTS (SELECT 1 FROM ${raw(table)} l WHERE l.id = ${raw(`${alias}.${column}`)} AND l.${raw(agencyColumn)} = ${caller.agencyId}))`;
}
