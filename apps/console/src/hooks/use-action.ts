// Runs one user action against the server and keeps its error (translated) for display.
import { useCallback, useState } from 'react';
import { useI18n } from '../i18n';
import { describeError } from '../lib/errors';
import type { ShownError } from '../lib/errors';

export function useAction() {
  const { t } = useI18n();
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T>(f: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await f();
      } catch (err) {
        setError(describeError(err, t));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { run, error, setError, busy };
}
