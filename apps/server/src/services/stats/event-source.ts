// Reads the part of a hall's event log a local date range needs, by event time (`at`), through
// the (hall_id, type, at) index. Events of tickets issued in the range can come later: a call
// after midnight, a rating given on the phone days later; so the read runs on past the range end.
import { HALL_EVENT_TYPES, LIFECYCLE_SLACK_MS, RATING_SLACK_MS, type HallEvent, type HallEventType } from '@hallq/shared';
import type { Db } from '../../storage/db';
import { toEvent, type EventRow } from '../../storage/log-repo';

export { LIFECYCLE_SLACK_MS, RATING_SLACK_MS };

export function eventsBetween(db: Db, hallId: string, types: readonly HallEventType[], start: number, end: number): HallEvent[] {
  const marks = types.map(() => '?').join(', ');
  const rows = db
    .prepare(`SELECT * FROM events WHERE hall_id = ? AND type IN (${marks}) AND at >= ? AND at < ? ORDER BY seq`)
    .all(hallId, ...types, start, end) as EventRow[];
  return rows.map(toEvent);
}

const LIFECYCLE = HALL_EVENT_TYPES.filter((t) => t.startsWith('ticket.') && t !== 'ticket.rated');

/** Every event the KPIs of [start, end) need, in seq order. */
export function statsEvents(db: Db, hallId: string, start: number, end: number): HallEvent[] {
  const lifecycle = eventsBetween(db, hallId, LIFECYCLE, start, end + LIFECYCLE_SLACK_MS);
  const windows = eventsBetween(db, hallId, ['window.changed'], start, end);
  const ratings = eventsBetween(db, hallId, ['ticket.rated'], start, end + RATING_SLACK_MS);
  return [...lifecycle, ...windows, ...ratings].sort((a, b) => a.seq - b.seq);
}
