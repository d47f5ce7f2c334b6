// Names for the codes a record carries: catalog codes from the (cached) catalog, agencies, entities
// and officers by GET /records/:kind/:id — once per id and session, and only those on screen.
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../api.ts';
import { useCatalog } from '../catalog/use-catalog.ts';
import { useUser } from '../session.tsx';
import { NAMED_RECORDS, refOf, type Ref } from './record-kinds.ts';

const recordNames = new Map<string, Promise<string | null>>();

function recordName(userId: string, kind: 'agencies' | 'entities' | 'officers', id: string): Promise<string | null> {
  const key = `${userId}|${kind}|${id}`;
  let pending = recordNames.get(key);
  if (!pending) {
    pending = api.record(kind, id).then(
      ({ record }) => (typeof record.name === 'string' ? record.name : null),
      (error: unknown) => {
        // Outside the jurisdiction (403) or gone (404): show the code. Anything else may pass: retry later.
        if (!(error instanceof ApiError && (error.status === 403 || error.status === 404))) recordNames.delete(key);
        return null;
      },
    );
    recordNames.set(key, pending);
  }
  return pending;
}

export type NameOf = (column: string, value: unknown) => string | null;

/** A lookup column + value → name, for the given (column, value) pairs on screen. */
export function useNames(pairs: ReadonlyArray<readonly [string, unknown]>): NameOf {
  const user = useUser();
  const items = useCatalog('items');
  const inspectionItems = useCatalog('inspection-items');
  const regions = useCatalog('regions');
  const lines = useCatalog('lines');
  const whitelist = useCatalog('whitelist');
  const [resolved, setResolved] = useState<Map<string, string | null>>(() => new Map());

  const catalog = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of items.data ?? []) m.set(`items|${r.code}`, r.name);
    for (const r of inspectionItems.data ?? []) m.set(`inspection-items|${r.code}`, r.name);
    for (const r of regions.data ?? []) m.set(`regions|${r.code}`, r.name);
    for (const r of lines.data ?? []) m.set(`lines|${r.code}`, r.name);
    for (const r of whitelist.data ?? []) m.set(`whitelist|${r.code}`, r.name);
    return m;
  }, [items.data, inspectionItems.data, regions.data, lines.data, whitelist.data]);

  // The record ids to look up, as a stable string so the effect runs when the page changes only.
  const wanted = useMemo(() => {
    const keys = new Set<string>();
    for (const [column, value] of pairs) {
      const ref = refOf(column);
      if (ref && 'record' in ref && NAMED_RECORDS.has(ref.record) && typeof value === 'string' && value) keys.add(`${ref.record}|${value}`);
    }
    return [...keys].sort().join('\n');
  }, [pairs]);

  useEffect(() => {
    if (!wanted) return;
    let live = true;
    for (const key of wanted.split('\n')) {
      const [kind, id] = key.split('|') as ['agencies' | 'entities' | 'officers', string];
      void recordName(user.id, kind, id).then((name) => {
        if (live) setResolved((previous) => (previous.get(key) === name ? previous : new Map(previous).set(key, name)));
      });
    }
    return () => {
      live = false;
    };
  }, [wanted, user.id]);

  return (column, value) => {
    const ref: Ref | undefined = refOf(column);
    if (!ref || typeof value !== 'string') return null;
    if ('catalog' in ref) return catalog.get(`${ref.catalog}|${value}`) ?? null;
    return resolved.get(`${ref.record}|${value}`) ?? null;
  };
}
