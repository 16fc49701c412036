// Paths of the counter: a window's sign-in, pause and calls, and a ticket's way through service,
// its rating and its printing.
import type { ErrorCode } from '@hallq/shared';
import { obj, oneOfValues, wrap } from './json';
import { operation, STAFF, type OperationSpec } from './operation';
import type { RequestSchemaName } from './schemas';

type Paths = Record<string, Record<string, unknown>>;

function windowAction(summary: string, body: RequestSchemaName, description?: string): Record<string, unknown> {
  return {
    post: operation({
      summary, description: description ?? 'Staff allowed at that window (their windowNumbers, or any when empty).',
      tag: 'Windows', roles: STAFF, params: ['windowId'], body, idempotent: true,
      errors: ['conflict', 'window_busy', 'window_not_signed_in'],
      answers: { 200: { description: 'The window after the change', schema: wrap('window', 'WindowView') } },
    }),
  };
}

function ticketAction(summary: string, body: RequestSchemaName, extra: Partial<OperationSpec> = {}, errors: ErrorCode[] = []): Record<string, unknown> {
  return {
    post: operation({
      summary, description: 'Staff signed in at the window that called the ticket.',
      tag: 'Tickets', roles: STAFF, params: ['ticketId'], body, idempotent: true,
      errors: ['invalid_transition', 'window_not_signed_in', ...errors],
      answers: { 200: { description: 'The ticket after the change', schema: wrap('ticket', 'Ticket') } },
      ...extra,
    }),
  };
}

export function counterPaths(): Paths {
  return {
    '/windows/{windowId}/sign-in': windowAction('Sign in at a window', 'EmptyBody'),
    '/windows/{windowId}/sign-out': windowAction('Sign out of a window', 'EmptyBody'),
    '/windows/{windowId}/pause': windowAction('Pause a window', 'PauseBody'),
    '/windows/{windowId}/resume': windowAction('Resume a paused window', 'EmptyBody'),
    '/windows/{windowId}/call-next': {
      post: operation({
        summary: 'Call the next ticket this window may serve',
        description: 'By the routing engine (skills and tiers, priority, appointments, starvation). 409 `window_busy` while the window still has a called or serving ticket.',
        tag: 'Windows', roles: STAFF, params: ['windowId'], body: 'EmptyBody', idempotent: true,
        errors: ['window_busy', 'window_not_signed_in', 'stage_not_allowed'],
        answers: {
          200: { description: 'The called ticket (`status: "called"`, `windowNumber` set)', schema: wrap('ticket', 'Ticket') },
          204: { description: 'Nothing is waiting for this window' },
        },
      }),
    },
    '/windows/{windowId}/call': {
      post: operation({
        summary: 'Call one waiting ticket out of order', description: 'The reason is logged.',
        tag: 'Windows', roles: STAFF, params: ['windowId'], body: 'CallTicketBody', idempotent: true,
        errors: ['window_busy', 'window_not_signed_in', 'invalid_transition', 'stage_not_allowed', 'not_window_skill'],
        answers: { 200: { description: 'The called ticket', schema: wrap('ticket', 'Ticket') } },
      }),
    },
    '/tickets/{ticketId}/recall': ticketAction('Call the ticket again', 'EmptyBody'),
    '/tickets/{ticketId}/no-show': ticketAction('The visitor did not come', 'EmptyBody', {
      description: 'Staff signed in at the window that called the ticket. Not before the hall\'s `noShowGraceSeconds` after the call (default 120) unless the ticket was recalled once: 409 `no_show_too_early` with `details.allowedAt`.',
    }, ['no_show_too_early']),
    '/tickets/{ticketId}/requeue': ticketAction('A visitor back after a no-show goes back to the queue (extension)', 'EmptyBody', {
      description: 'Any staff of the hall. Only with the hall\'s `noShowRule: "requeue_once"`, once per ticket, on its day: the ticket waits again at the back of the queue (its queue time is now), keeping its number. Otherwise 409 `requeue_not_allowed` (the visitor takes a new ticket).',
    }, ['requeue_not_allowed']),
    '/tickets/{ticketId}/start': ticketAction('Start serving the called ticket', 'EmptyBody'),
    '/tickets/{ticketId}/complete': ticketAction('Service done', 'CompleteBody'),
    '/tickets/{ticketId}/transfer': ticketAction('Back to waiting for another service or stage', 'TransferBody', {
      description: 'Keeps the number and the original issue time.',
    }, ['stage_not_allowed']),
    '/tickets/{ticketId}/cancel': ticketAction('Staff cancel a ticket', 'EmptyBody', { description: 'Any staff of the hall.' }),
    '/tickets/{ticketId}/rating': {
      post: operation({
        summary: 'Rate the service (好差评)',
        description: '1 非常满意, 2 满意, 3 基本满意, 4 不满意, 5 非常不满意; 4 and 5 need a reason and open a follow-up. One rating per ticket across the rating pad and the phone: 409 `already_rated` when it was rated (e.g. on the phone), with `details.level` and `details.by`.',
        tag: 'Ratings', roles: ['rating-pad', ...STAFF], params: ['ticketId'], body: 'RatingBody', idempotent: true,
        errors: ['invalid_transition', 'already_rated'],
        answers: { 201: { description: 'Rating recorded', schema: wrap('rating', 'Rating') } },
      }),
    },
    '/tickets/{ticketId}/print': {
      post: operation({
        summary: 'Print the ticket',
        description:
          'On the printer of the calling kiosk device, or the hall\'s default printer. ESC/POS: GB18030 text, a QR code of the status URL, a cut. ' +
          'The printer state is read first and nothing is sent to a printer that is not ready, so a retry never prints on a printer still at fault; the ticket stays valid either way. ' +
          'It is read again once the printer took every byte: paper out, cover open, an error or offline then is a 503 too, its `reason` saying the ticket may be missing or partly printed (a retry prints once the fault is cleared). ' +
          'A printer that took the job but does not answer that second read in time answers 200 with `warning: "print_unconfirmed"` (not 503: it may well have printed, and a retry could print a second slip); the supervisor\'s board shows the warning until a ticket is confirmed. ' +
          'A printer whose device has `printerStatusCheck: "none"` (or the hall default printer with `HALL_PRINTER_STATUS_CHECK=none`) gets the job without either status read. ' +
          'Paper near its end prints and answers `warning: "paper_near_end"` (the supervisor\'s board shows it). With no printer configured at all the answer is 503 with `details.cause: "no_printer_configured"`. ' +
          'One job at a time per printer: a job that could not start within 4 s is refused (503, `state: "error"`, the printer is busy). The answer comes within 8 s, waiting included: a job has at most 6 s to connect, read the status, send every byte and read the status again, and a printer that stops taking it part-way is cut off (503, `state: "offline"`, the reason saying whether the ticket may be partly printed).',
        tag: 'Tickets', roles: ['kiosk', ...STAFF], params: ['ticketId'], body: 'EmptyBody',
        errors: ['printer_unavailable'],
        answers: { 200: { description: 'Printed', schema: obj({ printed: { type: 'boolean', const: true }, warning: oneOfValues(['paper_near_end', 'print_unconfirmed']) }, ['warning']) } },
        errorDetails: {
          printer_unavailable: obj(
            { state: oneOfValues(['offline', 'paper_out', 'cover_open', 'error']), reason: { type: 'string' }, cause: oneOfValues(['no_printer_configured']) },
            ['reason', 'cause'],
          ),
        },
      }),
    },
  };
}
