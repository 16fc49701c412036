// The part of a hall's event log a local date range needs, by event time (`at`). Events of tickets issued in the range can come later: a call
// after midnight, a rating given on the phone days later; so the read runs on past the range end.
import { HALL_EVENT_TYPES, LIFECYCLE_SLACK_MS, RATING_SLACK_MS, type HallEvent } from '@hallq/shared';
import type { HistoryRepo } from '../../storage/history-repo';

export { LIFECYCLE_SLACK_MS, RATING_SLACK_MS };

const LIFECYCLE = HALL_EVENT_TYPES.filter((t) => t.startsWith('ticket.') && t !== 'ticket.rated');

/** Every event the KPIs of [start, end) need, in seq order. */
export function statsEvents(history: HistoryRepo, hallId: string, start: number, end: number): HallEvent[] {
  const lifecycle = history.eventsBetween(hallId, LIFECYCLE, start, end + LIFECYCLE_SLACK_MS);
  const windows = history.eventsBetween(hallId, ['window.changed'], start, end);
  const ratings = history.eventsBetween(hallId, ['ticket.rated'], start, end + RATING_SLACK_MS);
  return [...lifecycle, ...windows, ...ratings].sort((a, b) => a.seq - b.seq);
}
