// The range shown beside a wait estimate (`estimatedWaitRange` in the API) and how a wait reads
// on a screen or a slip, decided once for the server, the kiosk, the phone and the printer.
import type { Lang, WaitRange } from './domain';
import { WAIT_RANGE } from './routing/wait-range';


/**
 * The range sent with an estimate, from the forecasts' [low, high]: null without an estimate or a
 * range, or when the visitor is called at once (a range of 0-0 says nothing). Widened if need be
 * so it always holds the estimate.
 */
export function waitRangeOf(range: readonly [number, number] | null | undefined, estimateSeconds: number | null): WaitRange | null {
  if (!range || estimateSeconds === null) return null;
  const low = Math.max(0, Math.round(Math.min(range[0], estimateSeconds)));
  const high = Math.round(Math.max(range[1], estimateSeconds));
  if (!Number.isFinite(high) || high <= 0) return null;
  return { lowSeconds: low, highSeconds: high };
}

/**
 * A range for a ticket at issue, before the live forecasts have run with it: the range of a ticket
 * of the same service taken at the latest refresh (`serviceRange` around `serviceEstimate`),
 * moved to this ticket's estimate with the same relative width. The ratios are taken on the wait
 * plus WAIT_RANGE.slackSeconds, as WAIT_RANGE does, so a service whose ticket would be called at
 * once does not make an absurd width. Null when the service has no range or the ticket no estimate.
 */
export function scaledWaitRange(
  serviceRange: readonly [number, number] | null | undefined,
  serviceEstimate: number | null | undefined,
  estimateSeconds: number | null,
): WaitRange | null {
  if (!serviceRange || serviceEstimate === null || serviceEstimate === undefined || estimateSeconds === null) return null;
  const slack = WAIT_RANGE.slackSeconds;
  const base = Math.max(0, serviceEstimate) + slack;
  const scale = (x: number): number => ((estimateSeconds + slack) * (Math.max(0, x) + slack)) / base - slack;
  return waitRangeOf([scale(serviceRange[0]), scale(serviceRange[1])], estimateSeconds);
}

/** How a wait reads, in whole minutes. */
export type WaitShown =
  | { kind: 'unknown' }
  /** The call is expected within a minute. */
  | { kind: 'under-minute' }
  /** No range: the single figure. */
  | { kind: 'about'; minutes: number }
  /** The range starts below a minute: "within N min". */
  | { kind: 'within'; highMinutes: number }
  | { kind: 'range'; lowMinutes: number; highMinutes: number };

/**
 * A wait as shown: the range in whole minutes (low rounded down, high up, so the shown range holds
 * the computed one), with low < high always; a range starting below a minute reads "within N
 * min", one ending within a minute "under a minute"; without a range, the single figure (whole
 * minutes rounded up, at least 1; below a minute, "under a minute").
 */
export function waitShown(estimateSeconds: number | null, range?: WaitRange | null): WaitShown {
  if (estimateSeconds === null) return { kind: 'unknown' };
  if (!range) return estimateSeconds < 60 ? { kind: 'under-minute' } : { kind: 'about', minutes: Math.ceil(estimateSeconds / 60) };
  const high = Math.ceil(Math.max(range.highSeconds, estimateSeconds) / 60);
  const low = Math.floor(Math.min(range.lowSeconds, estimateSeconds) / 60);
  if (high <= 1) return { kind: 'under-minute' };
  if (low <= 0) return { kind: 'within', highMinutes: high };
  return low < high ? { kind: 'range', lowMinutes: low, highMinutes: high } : { kind: 'range', lowMinutes: low, highMinutes: low + 1 };
}

/**
 * A wait as a list shows it after its label ("预计等候" / "Est. wait"), the same figures as the
 * phone: "15–25 分钟" / "15–25 min", "10 分钟内" / "within 10 min", "不到 1 分钟" / "under a
 * minute", without a range "约 20 分钟" / "about 20 min"; null when there is no estimate. The
 * numbers and the unit are joined by no-break spaces so a narrow cell never splits "15–25" from
 * its unit.
 */
export function waitMinutesText(lang: Lang, estimateSeconds: number | null, range?: WaitRange | null): string | null {
  const shown = waitShown(estimateSeconds, range);
  const zh = lang === 'zh';
  const NB = '\u00a0';
  switch (shown.kind) {
    case 'unknown':
      return null;
    case 'under-minute':
      return zh ? `不到${NB}1${NB}分钟` : `under a${NB}minute`;
    case 'about':
      return zh ? `约${NB}${shown.minutes}${NB}分钟` : `about ${shown.minutes}${NB}min`;
    case 'within':
      return zh ? `${shown.highMinutes}${NB}分钟内` : `within ${shown.highMinutes}${NB}min`;
    case 'range':
      return zh ? `${shown.lowMinutes}–${shown.highMinutes}${NB}分钟` : `${shown.lowMinutes}–${shown.highMinutes}${NB}min`;
  }
}
