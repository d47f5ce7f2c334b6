// The reference catalog, loaded once per table and session: pages share it (the items page and the
// records pages both need item names) and a second visit costs no request. Keyed by user, because
// the exemption list depends on the caller's region.
import { api, type CatalogTable, type CatalogTables } from '../api.ts';
import { useUser } from '../session.tsx';
import { useLoad, type Load } from '../use-load.ts';

const cache = new Map<string, Promise<unknown[]>>();

export function loadCatalog<T extends CatalogTable>(userId: string, table: T): Promise<CatalogTables[T][]> {
  const key = `${userId}|${table}`;
  let pending = cache.get(key) as Promise<CatalogTables[T][]> | undefined;
  if (!pending) {
    // Not tied to one page's AbortSignal: another page may be waiting on the same promise.
    pending = api.catalog(table).then((body) => body.rows);
    cache.set(key, pending);
    // A failed load is not remembered: the retry button asks again.
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

export function useCatalog<T extends CatalogTable>(table: T): Load<CatalogTables[T][]> & { retry: () => void } {
  const user = useUser();
  return useLoad(() => loadCatalog(user.id, table), [user.id, table]);
}

/** code → entry, for looking names up. */
export function indexBy<T, K extends keyof T>(rows: readonly T[] | undefined, key: K): Map<T[K], T> {
  return new Map((rows ?? []).map((row) => [row[key], row]));
}
