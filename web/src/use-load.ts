// One way to load data for a page: the state (loading | ready | error) that the page shows in
// data-state, a Chinese error message, a retry, and an abort when the inputs change or the page goes.
import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { ApiError, errorText } from './api.ts';

export type Load<T> =
  | { state: 'loading'; data: T | undefined }
  | { state: 'ready'; data: T }
  | { state: 'error'; data: T | undefined; message: string; /** HTTP status, 0 for the network */ status: number | undefined };

export function useLoad<T>(fetcher: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Load<T> & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<Load<T>>({ state: 'loading', data: undefined });
  useEffect(() => {
    const controller = new AbortController();
    // Keep the previous data while the next loads: a table keeps its rows instead of flashing empty.
    setLoad((previous) => ({ state: 'loading', data: previous.data }));
    fetcher(controller.signal)
      .then((data) => {
        if (!controller.signal.aborted) setLoad({ state: 'ready', data });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad((previous) => ({
          state: 'error',
          data: previous.data,
          message: errorText(error),
          status: error instanceof ApiError ? error.status : undefined,
        }));
      });
    return () => controller.abort();
    // The caller names what the fetcher reads (as with useEffect): the fetcher itself is new each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...load, retry };
}
