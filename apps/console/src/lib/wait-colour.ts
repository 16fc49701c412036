// Waits coloured against the target: fine, close to it (80%), past it (100%).
export type WaitLevel = 'ok' | 'warn' | 'over';

export const WARN_RATIO = 0.8;

export function waitLevel(waitedSeconds: number, targetSeconds: number): WaitLevel {
  const ratio = waitedSeconds / Math.max(1, targetSeconds);
  if (ratio >= 1) return 'over';
  if (ratio >= WARN_RATIO) return 'warn';
  return 'ok';
}

export function secondsSince(iso: string | null | undefined, now: number): number {
  if (!iso) return 0;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : Math.max(0, Math.floor((now - t) / 1000));
}

/** 75 -> "1:15", 3725 -> "1:02:05". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(r).padStart(2, '0')}`;
}
