import { useCallback, useEffect, useRef, useState } from 'react';

export type Resource<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'ready'; data: T };

/**
 * Runs `load` whenever `key` changes (null = nothing to load), cancelling the previous request so a slow
 * answer for an old selection never overwrites a newer one.
 */
export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string | null; attempt: number; resource: Resource<T> }>({
    key: null,
    attempt: 0,
    resource: { status: 'idle' },
  });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState({ key, attempt, resource: { status: 'loading' } });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, attempt, resource: { status: 'ready', data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ key, attempt, resource: { status: 'error', error, retry } });
      },
    );
    return () => controller.abort();
    // `load` is rebuilt on each render by callers; `key` is what identifies the request.
  }, [key, attempt, retry]);

  if (key === null) return { status: 'idle' };
  // Until the effect for a new key has run, report loading instead of the previous key's data.
  if (state.key !== key || state.attempt !== attempt) return { status: 'loading' };
  return state.resource;
}

/**
 * The resource's data, or while a new request runs the data of the last one that succeeded, so that a
 * chart stays on screen until the next one is ready. `stale` says the data is of an earlier request.
 */
export function useLatestReady<T>(resource: Resource<T>): { data: T | null; stale: boolean } {
  const latest = useRef<T | null>(null);
  if (resource.status === 'ready') latest.current = resource.data;
  if (resource.status === 'error' || resource.status === 'idle') return { data: null, stale: false };
  return { data: latest.current, stale: resource.status !== 'ready' };
}
