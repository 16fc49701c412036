// Halls of the city: register one (its token is shown once; an Idempotency-Key makes a retry
// safe), list them, ingest and read events.
import { Router } from 'express';
import { HubError, parse } from '../http/errors';
import { CreateHallBody, EventsQuery, HallId } from '../http/schemas';
import { allowStaff, authenticate, identityOf } from '../http/auth';
import { idempotent } from '../http/idempotency';
import type { HubDeps } from '../hub-deps';
import { hallsNow } from '../services/hall-views';
import { IngestBody } from '../services/ingest-schema';
import { ingestBatch } from '../services/ingest';
import { newToken, tokenHash } from '../services/secrets';

export function hallsRouter(deps: HubDeps): Router {
  const r = Router();
  const auth = authenticate(deps.auth);

  r.get('/hub/halls', async (_req, res) => {
    res.json(await hallsNow(deps.pool, deps.now(), deps.config.offlineAfterMs, undefined, deps.liveRanges));
  });

  r.post('/hub/halls', auth, allowStaff(true), async (req, res) => {
    const body = parse(CreateHallBody, req.body);
    const reply = await idempotent(deps.pool, req, async (db) => {
      const token = newToken();
      const ins = await db.query(
        `INSERT INTO halls (id, name, district, lat, lng, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
        [body.id, body.name, body.district ?? null, body.location?.lat ?? null, body.location?.lng ?? null, tokenHash(token), deps.now()],
      );
      if ((ins.rowCount ?? 0) === 0) throw new HubError('hall_exists', `hall ${body.id} is already registered`);
      const [hall] = await hallsNow(db, deps.now(), deps.config.offlineAfterMs, body.id, deps.liveRanges);
      const who = identityOf(res);
      deps.logger.info({ hallId: body.id, by: who.kind === 'staff' ? who.staff.username : null }, 'hall registered');
      return { status: 201, body: { hall, token } };
    });
    res.status(reply.status).json(reply.body);
  });

  r.post('/hub/halls/:hallId/events', auth, async (req, res) => {
    const hallId = String(req.params['hallId']);
    const id = identityOf(res);
    if (id.kind !== 'hall' || id.hallId !== hallId) throw new HubError('forbidden', 'only the hall itself pushes its events');
    const body = parse(IngestBody, req.body);
    const result = await ingestBatch(deps.pool, hallId, body, deps.now(), deps.config.offlineAfterMs, deps.liveRanges);
    res.json({ ackSeq: result.ackSeq });
    // After the answer: the hall's pusher never waits for the city's sockets.
    if (result.hall) deps.publishHall(result.hall);
  });

  r.get('/hub/halls/:hallId/events', auth, allowStaff(), async (req, res) => {
    const hallId = parse(HallId, req.params['hallId']);
    const q = parse(EventsQuery, req.query);
    const known = await deps.pool.query('SELECT 1 FROM halls WHERE id = $1', [hallId]);
    if (known.rowCount === 0) throw new HubError('not_found', `no hall ${hallId}`);
    const { rows } = await deps.pool.query<{ seq: string; type: string; at: string; actor: unknown; payload: Record<string, unknown> }>(
      'SELECT seq, type, at, actor, payload FROM events WHERE hall_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [hallId, q.afterSeq, q.limit],
    );
    res.json({
      events: rows.map((e) => ({ ...e.payload, seq: Number(e.seq), type: e.type, at: new Date(Number(e.at)).toISOString(), hallId, actor: e.actor })),
    });
  });
  return r;
}
