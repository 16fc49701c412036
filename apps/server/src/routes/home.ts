// Visitors from home: the public hall page's data, booking slots and bookings, the remote queue
// and its arrival (the code on the hall's displays, or a kiosk scan of the ticket's QR).
import { Router, type RequestHandler, type Response } from 'express';
import { ArriveBody, BookingBody, BookingCode, EmptyBody, localDate, RemoteTicketBody, SlotsQuery } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { bearer, STAFF } from '../http/auth';
import { command } from '../http/command';
import { publicTicketLimit } from '../http/public-ticket-limit';
import { RateLimiter } from '../http/rate-limit';
import { parse } from '../http/validate';
import { actorOf, hallOf, ownHall, VISITOR } from '../services/core';
import { AppError, invalidTransition } from '../services/errors';
import type { ArrivalCodes } from '../services/home/arrival-code';
import { book, bookingByCode, bookingView, cancelBooking, listSlots } from '../services/home/booking-service';
import { publicHall } from '../services/home/public-hall';
import { bookingSms, isPhone, LogSmsSender, type SmsSender } from '../services/home/sms';
import { localTime } from '../services/clock';
import { arrive, ticketByPublicId } from '../services/home/remote-queue';
import { issueInHall } from '../services/issue-service';
import { publicStatus } from '../services/public-status';

export interface HomeLimits {
  /** Bookings and remote tickets one address may take per 10 minutes. */
  createsPer10Min: number;
  /** Unknown booking codes or tickets one address may ask about per minute. */
  missesPerMinute: number;
  /** Wrong arrival codes per ticket per 10 minutes. */
  wrongArrivalCodes: number;
}

export const DEFAULT_HOME_LIMITS: HomeLimits = { createsPer10Min: 30, missesPerMinute: 30, wrongArrivalCodes: 5 };

export function homeRouter(deps: AppDeps, codes: ArrivalCodes, limits: HomeLimits = DEFAULT_HOME_LIMITS, sms: SmsSender = new LogSmsSender(deps.logger)): Router {
  const r = Router();
  const core = deps; // AppDeps is the use cases' Core
  const creates = new RateLimiter(limits.createsPer10Min, 10 * 60_000, deps.clock);
  const misses = new RateLimiter(limits.missesPerMinute, 60_000, deps.clock);
  const wrongCodes = new RateLimiter(limits.wrongArrivalCodes, 10 * 60_000, deps.clock);
  const refuse = (res: Response, limiter: RateLimiter, key: string, message: string): AppError => {
    res.setHeader('Retry-After', String(limiter.retryAfterSeconds(key)));
    return new AppError('rate_limited', message);
  };
  const limitCreates: RequestHandler = (req, res, next) => {
    if (!creates.hit(req.ip ?? '')) return next(refuse(res, creates, req.ip ?? '', 'too many bookings or tickets from this address; try again later'));
    next();
  };
  // Unknown codes and ids are counted per address (guessing), known ones never are.
  const guarded: RequestHandler = (req, res, next) => {
    if (misses.blocked(req.ip ?? '')) return next(refuse(res, misses, req.ip ?? '', 'too many unknown codes from this address; slow down'));
    res.on('finish', () => {
      if (res.statusCode === 404) misses.hit(req.ip ?? '');
    });
    next();
  };
  const hall = (p: Record<string, unknown>) => hallOf(core, p.hallId as string);

  r.get('/public/halls/:hallId', guarded, (req, res) => {
    res.json(publicHall(core, hall(req.params)));
  });

  r.get('/public/halls/:hallId/slots', guarded, (req, res) => {
    const m = hall(req.params);
    const q = parse(SlotsQuery, { serviceId: req.query.serviceId, date: req.query.date });
    res.json({ slots: listSlots(core, m, q.serviceId, parse(localDate, q.date)) });
  });

  r.post('/public/halls/:hallId/bookings', limitCreates, async (req, res) => {
    const body = parse(BookingBody, req.body);
    const m = hall(req.params);
    let made: ReturnType<typeof book> | null = null;
    await command(deps, req, res, (tx) => {
      made = book(core, tx, m, body);
      return { status: 201, body: { booking: made } };
    });
    // After the commit, and never in the way of the answer: a failed SMS loses no booking.
    const booked = made as ReturnType<typeof book> | null;
    if (booked && body.contact && isPhone(body.contact)) {
      const slot = localTime(Date.parse(booked.start), m.hall.timezone);
      sms
        .send({ to: body.contact, kind: 'booking_confirmed', text: bookingSms('booking_confirmed', booked.code, `${slot.date} ${slot.time}`, m.hall.name.zh) })
        .catch((err: unknown) => deps.logger.warn({ err }, 'booking SMS failed'));
    }
  });

  r.get('/public/bookings/:code', guarded, (req, res) => {
    const code = parse(BookingCode, req.params.code);
    res.json({ booking: bookingView(core, bookingByCode(core, code)) });
  });

  r.post('/public/bookings/:code/cancel', guarded, async (req, res) => {
    parse(EmptyBody, req.body);
    const code = parse(BookingCode, req.params.code);
    await command(deps, req, res, (tx) => ({ status: 200, body: { booking: cancelBooking(core, tx, code) } }));
  });

  r.get('/halls/:hallId/arrival-code', deps.authenticate, deps.allow('display', ...STAFF), (req, res) => {
    const m = ownHall(core, deps.identity(res), req.params.hallId as string);
    res.json(codes.current(m.hall.id, core.clock()));
  });

  r.post('/public/halls/:hallId/remote-tickets', limitCreates, async (req, res) => {
    const body = parse(RemoteTicketBody, req.body);
    const m = hall(req.params);
    await command(deps, req, res, (tx) => ({ status: 201, body: { ticket: issueInHall(core, tx, m, VISITOR, body, true) } }));
  });

  // A kiosk that scanned the ticket's QR sends its device token and no code.
  r.post('/public/tickets/:publicId/arrive', publicTicketLimit(deps), async (req, res) => {
    const body = parse(ArriveBody, req.body);
    // The token is optional, but one sent must be a valid bearer token.
    const token = bearer(req);
    const identity = token ? deps.auth.resolve(token) : null;
    if (req.headers.authorization !== undefined && !identity) throw new AppError('unauthorized', 'the token is not valid');
    const publicId = req.params.publicId as string;
    const t = ticketByPublicId(core, publicId);
    const m = hallOf(core, t.hallId);
    if (t.remote === true && !t.arrivedAt && t.status !== 'waiting') throw invalidTransition(t.status, 'arrive');
    const kiosk = identity !== null && identity.hallId === t.hallId && (identity.role === 'kiosk' || STAFF.includes(identity.role));
    if (!kiosk && t.remote === true && !t.arrivedAt && (m.hall.arrivalCodeRequired ?? true)) {
      if (wrongCodes.blocked(publicId)) throw refuse(res, wrongCodes, publicId, 'too many wrong arrival codes; ask at the kiosk or the help desk');
      if (body.arrivalCode === undefined || !codes.verify(m.hall.id, body.arrivalCode, core.clock())) {
        wrongCodes.hit(publicId);
        throw new AppError('arrival_code_invalid', 'this is not the arrival code shown on the hall screens now');
      }
    }
    await command(deps, req, res, (tx) => {
      arrive(core, tx, ticketByPublicId(core, publicId), kiosk ? 'kiosk' : 'arrival-code', kiosk ? actorOf(identity) : VISITOR);
      return { status: 200, body: publicStatus(core, publicId) };
    });
  });

  return r;
}
