// Lists the clue pages pick from, loaded once per session and user: the models (names for the
// model filter and the clue's basis) and the agencies of the caller's jurisdiction (whom a clue can
// be assigned to, GET /records/agencies, which the server scopes to the caller).
import { api, type ModelEntry, type RecordRow } from '../api.ts';
import { useUser } from '../session.tsx';
import { useLoad } from '../use-load.ts';

export interface AgencyOption {
  id: string;
  name: string;
  regionCode: string;
}

/** The records API pages at most 500 rows: a province's 4,600 agencies would need a search (see docs/console.md). */
export const AGENCY_LIMIT = 500;

const cache = new Map<string, Promise<unknown>>();

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let pending = cache.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = load();
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

export function loadModelList(userId: string): Promise<ModelEntry[]> {
  return once(`${userId}|models`, () => api.models().then((b) => b.rows));
}

export function loadAgencies(userId: string): Promise<AgencyOption[]> {
  return once(`${userId}|agencies`, () =>
    api
      .records('agencies', 1, AGENCY_LIMIT)
      .then((b) =>
        b.rows
          .map((r: RecordRow) => ({ id: String(r.id), name: String(r.name ?? r.id), regionCode: String(r.region_code ?? '') }))
          .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.name.localeCompare(b.name, 'zh-CN')),
      ),
  );
}

export function useModelList() {
  const user = useUser();
  return useLoad(() => loadModelList(user.id), [user.id]);
}

export function useAgencies(enabled = true) {
  const user = useUser();
  return useLoad(() => (enabled ? loadAgencies(user.id) : Promise.resolve([] as AgencyOption[])), [user.id, enabled]);
}
