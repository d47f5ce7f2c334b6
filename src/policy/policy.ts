// What a policy is: for one kind of resource, the actions it knows and one function that says why a
// caller may not take an action on a resource — or null when they may. Policies are pure: they read
// the caller and the facts of the resource handed to them, never the store; where a rule needs rows
// (which records an agency's cases reach, which records a transferred clue cites) the policy's module
// also exports the SQL that applies the same rule in a query (src/policy/records.ts recordScope).
import { isAgencyRole, type Caller } from '../auth/caller.ts';
import { regionContains, regionPrefix } from '../domain/region.ts';
import { sql, raw, type Sql } from '../store/sql.ts';

export interface Policy<R, A extends string> {
  readonly actions: readonly A[];
  /** Why the caller may not take the action on the resource (Chinese, shown to the user), or null when they may. */
  check(caller: Caller, action: A, resource: R): string | null;
}

export const definePolicy = <R, A extends string>(p: Policy<R, A>): Policy<R, A> => p;

/** The caller's jurisdiction covers the region (its subtree). */
export const covers = (caller: Caller, regionCode: string): boolean => regionContains(caller.regionCode, regionCode);

/** `<alias>.<column> LIKE '<prefix>%'`: the rows of the caller's jurisdiction. */
export function regionSql(caller: Caller, alias: string, column = 'region_code'): Sql {
  return sql`${raw(`${alias ? `${alias}.` : ''}${column}`)} LIKE ${regionPrefix(caller.regionCode) + '%'}`;
}

/** Rows that carry only a region (campaigns, rounds, reports): those of the caller's jurisdiction, as SQL over alias. */
export const regionScope = (caller: Caller, alias: string): Sql => sql`(${regionSql(caller, alias)})`;

export const NOTHING: Sql = raw('(1 = 0)');
export const EVERYTHING: Sql = raw('(1 = 1)');

/** Reasons shared by several policies. */
export const REASONS = {
  outside: '不在您的辖区内',
  adminOnly: '仅管理员可以执行此操作',
} as const;

/**
 * Rows that carry a region and the agency they belong to (plans, cases, follow-up tasks): the caller's
 * jurisdiction and, for agency roles, their own agency's rows. agencyColumn null: a table without one
 * (entities, officers), where agency roles see their region only.
 */
export function regionAgencyScope(caller: Caller, alias: string, agencyColumn: string | null = 'agency_id'): Sql {
  const region = regionSql(caller, alias);
  if (caller.agencyId && isAgencyRole(caller.role) && agencyColumn)
    return sql`(${region} AND ${raw(`${alias ? `${alias}.` : ''}${agencyColumn}`)} = ${caller.agencyId})`;
  return sql`(${region})`;
}
