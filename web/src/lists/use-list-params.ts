// A list's state in the URL — search words, filters, date range, sort, page — so that a list can be
// linked to, the back button steps through its filters, and an export reads what the list shows.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export const PAGE_SIZES = [10, 20, 50, 100];

export interface ListParams<K extends string> {
  values: Partial<Record<K, string>>;
  page: number;
  pageSize: number;
  /** Sets filters (undefined/'' removes one); any change but the page goes back to page 1. */
  set: (changes: Partial<Record<K | 'page' | 'pageSize', string | undefined>>) => void;
  /** A stable key of the values, for the load's dependencies. */
  key: string;
}

export function useListParams<K extends string>(keys: readonly K[]): ListParams<K> {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;
  const values = useMemo(() => {
    const v: Partial<Record<K, string>> = {};
    for (const k of keys) {
      const x = params.get(k);
      if (x) v[k] = x;
    }
    return v;
  }, [params, keys]);
  const set: ListParams<K>['set'] = (changes) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes) as [string, string | undefined][]) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: !('page' in changes) });
  };
  return { values, page, pageSize, set, key: JSON.stringify(values) };
}
