import { ApiError } from '@hallq/client';
import type { ApiClient, RequestOptions } from '@hallq/client';
import { closedHours, closedReason, takeTicket } from './take-ticket';

const ticket = { id: 't1', publicId: 'p1', number: 'A001', statusUrl: 'http://h/t/p1' };

/** An API whose ticket POST answers from a script, recording each call's Idempotency-Key. */
function scriptedApi(answers: Array<Error | object>) {
  const keys: Array<string | undefined> = [];
  const bodies: unknown[] = [];
  const api = {
    post: jest.fn(async (_path: string, body: unknown, opts?: RequestOptions) => {
      keys.push(opts?.idempotencyKey);
      bodies.push(body);
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      if (next instanceof Error) throw next;
      return next;
    }),
  } as unknown as ApiClient;
  return { api, keys, bodies };
}

const offline = () => new ApiError(0, 'offline', 'network error');
const noSleep = { sleep: async () => undefined };
const req = { hallId: 'demo', serviceId: 'svc-reg', lang: 'zh' as const };

describe('taking a ticket', () => {
  it('retries a network blip with the same Idempotency-Key, so the server makes one ticket', async () => {
    const { api, keys } = scriptedApi([offline(), new ApiError(502, 'http_502', 'bad gateway'), { ticket }]);
    const onRetry = jest.fn();
    await expect(takeTicket(api, req, { ...noSleep, onRetry })).resolves.toEqual({ kind: 'issued', ticket });
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(onRetry).toHaveBeenCalledTimes(2);
  });

  it('gives up as "offline" after its retries and never pretends a ticket was issued', async () => {
    const { api, keys } = scriptedApi([offline(), offline(), offline(), offline()]);
    await expect(takeTicket(api, req, { ...noSleep, retryDelaysMs: [1, 1, 1] })).resolves.toEqual({ kind: 'offline' });
    expect(keys).toHaveLength(4);
  });

  it('each tap is a new action with a new key', async () => {
    const { api, keys } = scriptedApi([{ ticket }, { ticket }]);
    await takeTicket(api, req, noSleep);
    await takeTicket(api, req, noSleep);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it.each(['service_closed', 'hall_closed', 'quota_reached'])('answers %s as "closed" at once, with the details', async (code) => {
    const details = { openingHours: [{ days: [1], open: '08:30', close: '17:30' }] };
    const { api, keys } = scriptedApi([new ApiError(409, code, 'closed', details)]);
    await expect(takeTicket(api, req, noSleep)).resolves.toEqual({ kind: 'closed', code, message: 'closed', details });
    expect(keys).toHaveLength(1);
  });

  it('sends the appointment code and reports a refused code as invalid', async () => {
    const { api, bodies } = scriptedApi([new ApiError(404, 'not_found', 'no such appointment')]);
    await expect(takeTicket(api, { ...req, appointmentCode: '1234' }, noSleep)).resolves.toMatchObject({ kind: 'appointment_invalid' });
    expect(bodies[0]).toEqual({ serviceId: 'svc-reg', lang: 'zh', appointmentCode: '1234' });
  });

  it('reads the reason and hours a closed answer may carry', () => {
    expect(closedReason({ reason: { zh: '系统维护', en: 'Maintenance' } }, 'en')).toBe('Maintenance');
    expect(closedReason({ reason: '系统维护' }, 'zh')).toBe('系统维护');
    expect(closedReason({ dailyQuota: 1 }, 'zh')).toBeNull();
    expect(closedHours({ openingHours: null })).toBeNull();
    expect(closedHours({ dailyQuota: 1 })).toBeUndefined();
  });
});
