// The reference rows a batch is checked against, loaded once per batch (a few thousand codes each:
// regions, ~4,600 agencies, the item catalogs), so per-row checks are set lookups.
import type { Store } from '../store/store.ts';
import type { RecordKindSpec } from '../records/registry.ts';

export interface References {
  regions: Set<string>;
  /** agency id → the agency's region code */
  agencies: Map<string, string>;
  items: Set<string>;
  inspectionItems: Set<string>;
}

export async function loadReferences(store: Store, spec: RecordKindSpec): Promise<References> {
  const needs = (ref: string) => spec.fields.some((f) => f.ref === ref);
  const codes = async (sql: string) => new Set((await store.query<{ code: string }>(sql)).map((r) => r.code));
  return {
    regions: await codes('SELECT code FROM regions'),
    agencies: needs('agency')
      ? new Map(
          (await store.query<{ id: string; region_code: string }>('SELECT id, region_code FROM agencies')).map((r) => [
            r.id,
            r.region_code,
          ]),
        )
      : new Map(),
    items: needs('item') ? await codes('SELECT code FROM items') : new Set(),
    inspectionItems: needs('inspection_item') ? await codes('SELECT code FROM inspection_items') : new Set(),
  };
}
