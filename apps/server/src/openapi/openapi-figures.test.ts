// The supervisor's figures and follow-up work in the document (stats, compare, reports, 好差评
// export, follow-ups, planner, organisations): who may call, what they answer and refuse, and the
// query parameters generated from the zod schemas the routes parse with.
import { buildOpenApiDocument } from './index';

type Json = Record<string, unknown>;
const doc = buildOpenApiDocument() as Json & { paths: Record<string, Record<string, Json>>; components: Record<string, Record<string, Json>> };
const schema = (name: string): Json => doc.components.schemas![name] as Json;

/** The supervisor's figures and follow-up work: admins and supervisors only. */
const SUPERVISOR_ROUTES: Array<[string, string]> = [
  ['get', '/halls/{hallId}/stats'],
  ['get', '/halls/{hallId}/stats/compare'],
  ['get', '/halls/{hallId}/reports/{kind}.{format}'],
  ['get', '/halls/{hallId}/reports/haochaping.json'],
  ['get', '/halls/{hallId}/follow-ups'],
  ['post', '/follow-ups/{id}/steps'],
  ['get', '/halls/{hallId}/planning/forecast'],
  ['post', '/halls/{hallId}/planning/plan'],
  ['get', '/halls/{hallId}/organisations'],
  ['post', '/halls/{hallId}/ticket-preview'],
];

describe('OpenAPI document: the supervisor\'s routes', () => {
  it.each(SUPERVISOR_ROUTES)('%s %s is for admins and supervisors', (method, path) => {
    expect(doc.paths[path]![method]!['x-roles']).toEqual(['admin', 'supervisor']);
  });

  it('documents the statuses and error codes of the supervisor\'s routes', () => {
    const responses = (method: string, path: string): Record<string, Json> => doc.paths[path]![method]!.responses as Record<string, Json>;
    for (const [method, path] of SUPERVISOR_ROUTES) {
      const expected = [method === 'get' ? '200' : undefined, path.endsWith('/organisations') ? undefined : '400', '401', '403', '404'].filter(Boolean);
      expect([method, path, Object.keys(responses(method, path))]).toEqual([method, path, expect.arrayContaining(expected)]);
      expect(responses(method, path)['404']!['x-error-codes']).toEqual(['not_found']);
    }
    const step = responses('post', '/follow-ups/{id}/steps');
    expect(Object.keys(step)).toEqual(['201', '400', '401', '403', '404', '409', '413', '415', '417', '431']);
    expect(step['409']!['x-error-codes']).toEqual(expect.arrayContaining(['invalid_transition', 'idempotency_conflict']));
    expect(responses('post', '/halls/{hallId}/planning/plan')['200']).toBeDefined();
    expect(responses('get', '/halls/{hallId}/stats')['400']!['x-error-codes']).toEqual(['bad_request', 'validation_failed']);
  });

  it('takes the query parameters of the new routes from the zod schemas they are parsed with', () => {
    const query = (method: string, path: string): unknown[] =>
      (doc.paths[path]![method]!.parameters as Json[]).filter((p) => p.in === 'query').map((p) => [p.name, p.required]);
    expect(query('get', '/halls/{hallId}/stats/compare')).toEqual([['from', true], ['to', true], ['beforeFrom', true], ['beforeTo', true]]);
    expect(query('get', '/halls/{hallId}/reports/haochaping.json')).toEqual([['from', true], ['to', true]]);
    expect(query('get', '/halls/{hallId}/planning/forecast')).toEqual([['from', false], ['to', false], ['days', false]]);
    expect(query('get', '/halls/{hallId}/follow-ups')).toEqual([['status', false]]);
    const status = (doc.paths['/halls/{hallId}/follow-ups']!.get!.parameters as Json[]).find((p) => p.name === 'status')!.schema as Json;
    expect(status.enum).toEqual(['all', 'active', 'overdue', 'open', 'assigned', 'called_back', 'rectified', 'reviewed', 'closed']);
    expect((doc.paths['/follow-ups/{id}/steps']!.post!.requestBody as Json).required).toBe(true);
    expect((doc.paths['/halls/{hallId}/planning/plan']!.post!.requestBody as Json).required).toBe(false);
    expect(schema('FollowUpStepBody')['x-refinements']).toHaveLength(3);
  });
});
