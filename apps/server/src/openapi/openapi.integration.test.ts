// The server publishes the document: GET /api/v1/openapi.json needs no token.
import { startTestServer, type TestServer } from '../test-support/test-server';
import { buildOpenApiDocument } from './index';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

it('serves the OpenAPI document at /api/v1/openapi.json', async () => {
  const res = await t.api('GET', '/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  expect(res.body).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
});
