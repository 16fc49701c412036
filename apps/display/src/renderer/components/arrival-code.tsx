import { useEffect, useState } from 'react';
import type { ApiClient } from '@hallq/client';
import type { HallConfig } from '@hallq/shared';

interface Props {
  api: ApiClient | null;
  hall: HallConfig | null;
  label: string;
}

/**
 * The arrival code for visitors who took their place from home: they type it on their phone to
 * show they are in the hall. It changes every few minutes; the screen fetches the new one when
 * the current one runs out.
 */
export function ArrivalCode({ api, hall, label }: Props) {
  const [code, setCode] = useState<string | null>(null);
  useEffect(() => {
    if (!api || !hall) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const load = async (): Promise<void> => {
      let next = 30_000;
      try {
        const r = await api.get<{ code: string; validUntil: string }>(`/halls/${encodeURIComponent(hall.id)}/arrival-code`);
        if (stopped) return;
        setCode(r.code);
        next = Math.min(60_000, Math.max(1000, Date.parse(r.validUntil) - Date.now() + 500));
      } catch {
        // Offline: keep the last code (the server accepts the previous one too) and retry.
      }
      if (!stopped) timer = setTimeout(() => void load(), next);
    };
    void load();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, hall]);
  if (!code) return null;
  return (
    <aside className="arrival-code" aria-label={label} data-testid="arrival-code">
      <span className="arrival-code-label">{label}</span>
      <span className="arrival-code-value">{code}</span>
    </aside>
  );
}
