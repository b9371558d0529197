import { useCallback, useEffect, useState } from 'react';

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
