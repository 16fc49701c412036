// The OpenAPI 3.1 document served at GET /api/v1/openapi.json (app.ts loads this module when it
// exists). Request bodies come from the zod schemas the routes validate with; answers are
// hand-written from the shared view types; the realtime contract sits under `x-realtime`.
import { PROTOCOL_VERSION } from '@hallq/shared';
import { realtimeContract } from './events';
import { adminPaths } from './paths-admin';
import { counterPaths } from './paths-counter';
import { hallPaths } from './paths-halls';
import { reportPaths } from './paths-reports';
import { homePaths } from './paths-home';
import { responseSchemas } from './responses';
import { requestSchemas } from './schemas';

function serverVersion(): string {
  // Read at run time: the package file sits two levels up both from src/openapi and dist/openapi.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require('../../package.json') as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

const DESCRIPTION = [
  'The hall server\'s contract with its own apps (kiosk, displays, console) and with other systems. Names are fixed within v1; fields may be added, never renamed or removed.',
  '',
  '- Base path `/api/v1`; JSON in and out; ids are strings; times are ISO-8601 UTC; durations are whole seconds (`...Seconds`).',
  '- Errors: HTTP 4xx/5xx with body `{"error": {"code": "snake_case_code", "message": "...", "details": ...}}`: 400 bad input, 401 no/invalid token, ' +
    '403 role not allowed, 404 unknown id, 409 state conflict, 413 body too large, 429 rate limited. A rejected request changes nothing.',
  '- Auth: `Authorization: Bearer <token>`, a staff session (from `POST /auth/login`) or a device token (created by an admin). ' +
    'Roles: `admin`, `supervisor`, `officer`, `helper` (staff); `kiosk`, `display`, `rating-pad` (devices). `x-roles` on each operation lists who may call it (`anyone`: no token).',
  '- `Idempotency-Key` header, optional, on POSTs that change state: the same key from the same token returns the first result and creates nothing new.',
  '- Rate limits are keyed on what is abused, never on the address alone (a hall\'s guest Wi-Fi puts every phone behind one address): requests about one ticket per `publicId` ' +
    '(one a second, sustained, is always allowed); unknown `publicId`s and booking codes (404s) per address; wrong passwords per account (growing delays), the address only far more loosely; ' +
    'bookings and remote tickets per address; a kiosk\'s ticket issue per device. Authenticated staff and device requests are not limited per address. Every 429 carries `Retry-After` (seconds).',
  `- Realtime: Socket.IO on the same port, protocol version ${PROTOCOL_VERSION}; see \`x-realtime\`.`,
].join('\n');

const pathParam = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }): Record<string, unknown> => ({
  name, in: 'path', required: true, description, schema,
});

export function buildOpenApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'HallQ hall server API', version: serverVersion(), description: DESCRIPTION },
    servers: [{ url: '/api/v1' }],
    tags: [
      { name: 'System' }, { name: 'Auth' }, { name: 'Devices' }, { name: 'Halls' }, { name: 'Tickets' }, { name: 'Windows' },
      { name: 'Ratings' }, { name: 'Appointments' }, { name: 'Public', description: 'The visitor\'s phone: no token, the publicId is the secret' },
      { name: 'Configuration' }, { name: 'Reports' }, { name: 'Follow-ups', description: '好差评: the follow-up of each bad rating' },
      { name: 'Planning', description: 'Staffing planner' },
      { name: 'Home', description: 'Visitors from home: the public hall page, bookings, the remote queue and Web Push' },
    ],
    paths: { ...hallPaths(), ...counterPaths(), ...adminPaths(), ...reportPaths(), ...homePaths() },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A staff session token (from login) or a device token.' },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key', in: 'header', required: false,
          description: 'Same key from the same token: the first result is returned and nothing new is created; reused with another request: 409 idempotency_conflict.',
          schema: { type: 'string', minLength: 1, maxLength: 200 },
        },
        hallId: pathParam('hallId', 'Hall id (the demo hall is `demo`)'),
        windowId: pathParam('windowId', 'Window id'),
        ticketId: pathParam('ticketId', 'Ticket id'),
        publicId: pathParam('publicId', 'The ticket\'s secret public id (at least 128 random bits)'),
        id: pathParam('id', 'Id of the configuration item'),
        followUpId: pathParam('id', 'Follow-up id (`followUpId` of the bad rating that opened it)'),
        code: pathParam('code', 'Appointment or booking code (4-12 digits)'),
        kind: pathParam('kind', 'Report kind', { type: 'string', enum: ['daily', 'tickets', 'ratings', 'contractor'] }),
        format: pathParam('format', 'File format', { type: 'string', enum: ['csv', 'xlsx'] }),
      },
      schemas: { ...requestSchemas(), ...responseSchemas() },
    },
    'x-realtime': realtimeContract(),
  };
}
