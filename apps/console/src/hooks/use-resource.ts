// A configuration list from the server (services, staff, ...), reloadable after a change.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../lib/api';

/** A list answer: the server wraps lists by name (`{services: [...]}`); a bare array works too. */
export function listOf<T>(raw: unknown, key: string): T[] | null {
  if (Array.isArray(raw)) return raw as T[];
  if (raw && typeof raw === 'object' && Array.isArray((raw as Record<string, unknown>)[key])) return (raw as Record<string, T[]>)[key]!;
  return null;
}

export function useList<T>(hallId: string, key: string) {
  const r = useResource<unknown>(`/halls/${encodeURIComponent(hallId)}/${key}`);
  return { ...r, data: listOf<T>(r.data, key) };
}

export function useResource<T>(path: string | null) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    if (!path) return;
    api.get<T>(path).then(
      (d) => {
        setData(d);
        setError(null);
      },
      (e: unknown) => setError(e),
    );
  }, [path]);
  useEffect(reload, [reload]);
  return { data, error, reload };
}
