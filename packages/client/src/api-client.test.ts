import { ApiError, createApiClient, newIdempotencyKey } from './api-client';

type Call = { url: string; init: RequestInit };
function fakeFetch(responder: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fn = (async (url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    return responder(call);
  }) as unknown as typeof fetch;
  return { fn, calls };
}

describe('api client', () => {
  test('sends the bearer token, JSON body and the Idempotency-Key of a retried action', async () => {
    const f = fakeFetch(() => new Response(JSON.stringify({ ticket: { number: 'A001' } }), { status: 201 }));
    const api = createApiClient({ baseUrl: 'http://hall', getToken: () => 'tok', fetch: f.fn });
    const key = newIdempotencyKey();
    await api.post('/halls/demo/tickets', { serviceId: 's' }, { idempotencyKey: key });
    await api.post('/halls/demo/tickets', { serviceId: 's' }, { idempotencyKey: key });
    expect(f.calls).toHaveLength(2);
    for (const c of f.calls) {
      expect(c.url).toBe('http://hall/api/v1/halls/demo/tickets');
      const h = c.init.headers as Record<string, string>;
      expect(h.authorization).toBe('Bearer tok');
      expect(h['idempotency-key']).toBe(key);
      expect(c.init.body).toBe('{"serviceId":"s"}');
    }
    expect(key).toMatch(/^[0-9a-f]{32}$/);
  });

  test('an error body becomes an ApiError with the server code, message and details', async () => {
    const body = { error: { code: 'quota_reached', message: 'today is full', details: { quota: 100 } } };
    const f = fakeFetch(() => new Response(JSON.stringify(body), { status: 409 }));
    const api = createApiClient({ baseUrl: '', getToken: () => null, fetch: f.fn });
    await expect(api.post('/x')).rejects.toMatchObject({ status: 409, code: 'quota_reached', message: 'today is full', details: { quota: 100 } });
  });

  test('no answer at all is an offline ApiError; 204 is undefined', async () => {
    const down = createApiClient({ baseUrl: '', getToken: () => null, fetch: fakeFetch(() => Promise.reject(new TypeError('fetch failed'))).fn });
    const err = await down.get('/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).offline).toBe(true);
    const empty = createApiClient({ baseUrl: '', getToken: () => null, fetch: fakeFetch(() => new Response(null, { status: 204 })).fn });
    await expect(empty.post('/call-next')).resolves.toBeUndefined();
  });
});
