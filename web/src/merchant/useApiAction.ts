// One REST action of a panel (create, revoke, set, rotate, delete): busy while it runs, the API's
// message when it fails, and a 401 handed to the session so the dashboard signs out.
import { useCallback, useEffect, useState } from "react";

export function useApiAction(onApiError: (error: unknown) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = useCallback(
    async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setError(undefined);
      try {
        return await action();
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
        onApiError(failure);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [onApiError],
  );
  return { run, busy, error };
}

/** Hands a query's error to the session (a 401 signs out), after render. */
export function useReportApiError(error: unknown, onApiError: (error: unknown) => void): void {
  useEffect(() => {
    if (error) onApiError(error);
  }, [error, onApiError]);
}
