// The rating pad's steps, as a pure reducer: a completed ticket -> five levels -> (bad: reason)
// -> the server's answer -> back to idle. Thanks only for a rating the server accepted; a refusal
// (already rated, e.g. on the phone) is said as such; a rating that could not be sent is kept and
// retried, never dropped by a timeout or by the next ticket. Timeouts are events too, so the flow
// is testable without a clock.
import { isBadRating, type RatingLevel } from '@hallq/shared';

export type RatingPhase =
  | { kind: 'idle' }
  | { kind: 'rate'; ticketId: string; number: string }
  | { kind: 'reason'; ticketId: string; number: string; level: RatingLevel; error: 'need_reason' | 'failed' | null }
  | { kind: 'sending'; ticketId: string; number: string; level: RatingLevel; reason: string | null }
  | { kind: 'failed'; ticketId: string; number: string; level: RatingLevel; reason: string | null }
  | { kind: 'thanks' }
  /** The server refused the rating: `by` says where the ticket was already rated. */
  | { kind: 'refused'; number: string; code: string; by: RatedBy | null };

export type RatedBy = 'visitor' | 'rating-pad' | 'staff';

export type RatingAction =
  | { type: 'completed'; ticketId: string; number: string }
  | { type: 'choose'; level: RatingLevel }
  | { type: 'submit-reason'; reason: string }
  | { type: 'back' }
  | { type: 'sent' }
  | { type: 'send-failed' }
  | { type: 'refused'; code: string; by: RatedBy | null }
  | { type: 'retry' }
  | { type: 'timeout' };

export const IDLE: RatingPhase = { kind: 'idle' };

export function ratingFlow(phase: RatingPhase, action: RatingAction): RatingPhase {
  switch (action.type) {
    case 'completed':
      // A new visitor at the window replaces an unfinished rating (the previous one left), but
      // never one that is being sent or waits to be sent again.
      return phase.kind === 'sending' || phase.kind === 'failed' ? phase : { kind: 'rate', ticketId: action.ticketId, number: action.number };
    case 'choose':
      if (phase.kind !== 'rate') return phase;
      return isBadRating(action.level)
        ? { kind: 'reason', ticketId: phase.ticketId, number: phase.number, level: action.level, error: null }
        : { kind: 'sending', ticketId: phase.ticketId, number: phase.number, level: action.level, reason: null };
    case 'submit-reason': {
      if (phase.kind !== 'reason') return phase;
      const reason = action.reason.trim();
      if (!reason) return { ...phase, error: 'need_reason' };
      return { kind: 'sending', ticketId: phase.ticketId, number: phase.number, level: phase.level, reason };
    }
    case 'back':
      return phase.kind === 'reason' ? { kind: 'rate', ticketId: phase.ticketId, number: phase.number } : phase;
    case 'sent':
      return phase.kind === 'sending' ? { kind: 'thanks' } : phase;
    case 'send-failed':
      return phase.kind === 'sending' ? { ...phase, kind: 'failed' } : phase;
    case 'refused':
      return phase.kind === 'sending' ? { kind: 'refused', number: phase.number, code: action.code, by: action.by } : phase;
    case 'retry':
      return phase.kind === 'failed' ? { ...phase, kind: 'sending' } : phase;
    case 'timeout':
      return phase.kind === 'sending' || phase.kind === 'failed' ? phase : IDLE;
  }
}
