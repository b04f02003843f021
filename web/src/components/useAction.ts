/** One state-changing call at a time: busy while it runs, its error kept for an ErrorAlert. */
import { useCallback, useState } from 'react';

export interface Action {
  busy: boolean;
  error: unknown;
  setError: (e: unknown) => void;
  /** Runs `call`, then `after` with its answer; false (and `error` set) when either failed. */
  run: <T>(call: () => Promise<T>, after?: (r: T) => void | Promise<unknown>) => Promise<boolean>;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <T,>(call: () => Promise<T>, after?: (r: T) => void | Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const r = await call();
      await after?.(r);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
