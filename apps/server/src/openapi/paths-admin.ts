// Paths of configuration (services, windows, staff, devices, notices); the supervisor's figures
// are in paths-reports.ts. Configuration mirrors routes/hall-config.ts: GET for admins and
// supervisors, changes for admins, except the fields a supervisor may adjust during the day.
import { array, obj, ref, wrap } from './json';
import { operation, type Caller } from './operation';
import type { RequestSchemaName } from './schemas';

type Paths = Record<string, Record<string, unknown>>;

interface ConfigResource {
  path: string;
  key: string;
  schema: string;
  create: RequestSchemaName;
  patch: RequestSchemaName;
  /** What a supervisor may do: `*` = everything, a field list = PATCH of only those fields. */
  supervisor?: readonly string[] | '*';
  created?: string;
}

/** What a device's `printer` may be: what the print job can open (anything else is refused). */
const PRINTER_NOTE =
  'A kiosk\'s `printer` is a URL the server can open: `tcp://host[:port]` (default 9100), `usb://<vendor id>:<product id>` (4 hex digits each, e.g. `usb://04b8:0202`), ' +
  '`serial:///dev/ttyS0` or `serial://COM3` with an optional `?baud=` (300..4000000, default 9600), or `file:///dev/usb/lp0` (an absolute path); anything else is 400 `validation_failed` ' +
  'on `printer`. Devices listed carry `online` (a live connection now) and `lastSeenAt`.';

const RESOURCES: readonly ConfigResource[] = [
  { path: 'services', key: 'service', schema: 'Service', create: 'ServiceBody', patch: 'ServicePatch', supervisor: ['closedOn', 'active'] },
  { path: 'windows', key: 'window', schema: 'HallWindow', create: 'WindowBody', patch: 'WindowPatch', supervisor: ['skills'] },
  { path: 'staff', key: 'staff', schema: 'StaffMember', create: 'StaffBody', patch: 'StaffPatch' },
  { path: 'devices', key: 'device', schema: 'Device', create: 'DeviceBody', patch: 'DevicePatch', created: 'CreatedDevice' },
  { path: 'notices', key: 'notice', schema: 'Notice', create: 'NoticeBody', patch: 'NoticePatch', supervisor: '*' },
];

function configPaths(r: ConfigResource): Paths {
  const tag = 'Configuration';
  const changers: Caller[] = r.supervisor ? ['admin', 'supervisor'] : ['admin'];
  const whole: Caller[] = r.supervisor === '*' ? ['admin', 'supervisor'] : ['admin'];
  const patchNote = Array.isArray(r.supervisor)
    ? ` A supervisor may send only: ${r.supervisor.join(', ')} (403 otherwise).`
    : '';
  const supervisorFields = Array.isArray(r.supervisor) ? { 'x-supervisor-fields': [...r.supervisor] } : {};
  return {
    [`/halls/{hallId}/${r.path}`]: {
      get: operation({
        summary: `List ${r.path}`, tag, roles: ['admin', 'supervisor'], params: ['hallId'],
        answers: { 200: { description: `The hall's ${r.path}`, schema: obj({ [r.path]: array(ref(r.schema)) }) } },
      }),
      post: operation({
        summary: `Create a ${r.key === 'staff' ? 'staff member' : r.key}`,
        description: r.created === 'CreatedDevice' ? `The device token is in the answer this once; it is never shown again. ${PRINTER_NOTE}` : undefined,
        tag, roles: whole, params: ['hallId'], body: r.create, idempotent: true, errors: ['conflict'],
        answers: { 201: { description: 'Created', schema: r.created ? ref(r.created) : wrap(r.key, r.schema) } },
      }),
    },
    [`/halls/{hallId}/${r.path}/{id}`]: {
      patch: operation({
        summary: `Change a ${r.key === 'staff' ? 'staff member' : r.key}`, description: `Only the fields sent change.${patchNote}${r.key === 'device' ? ` ${PRINTER_NOTE}` : ''}${r.key === 'service' ? ' Taking away a stage that tickets are still at (waiting, called or being served) is 409 `conflict`.' : ''}${r.key === 'staff' ? ' Setting `active: false` revokes the person\'s sessions and signs them out of their window (closed); while that window still has a ticket called or being served it is 409 `conflict`.' : ''}`,
        tag, roles: changers, params: ['hallId', 'id'], body: r.patch, errors: r.key === 'staff' ? ['conflict', 'last_admin'] : ['conflict'],
        answers: { 200: { description: 'After the change', schema: wrap(r.key, r.schema) } },
        extensions: supervisorFields,
      }),
      delete: operation({
        summary: `Delete a ${r.key === 'staff' ? 'staff member' : r.key}`,
        description:
          `${r.key === 'staff' ? 'The last active admin of a hall cannot be demoted, deactivated or deleted: 409 `last_admin`. ' : ''}` +
          `${r.key === 'service' ? 'A service with tickets still waiting, called or being served is not deleted: 409 `conflict` (serve, transfer or cancel them first; `active: false` stops new tickets). ' : ''}` +
          'A DELETE takes no body: one sent is 400 `bad_request` (an empty JSON object `{}` counts as none).',
        tag, roles: whole, params: ['hallId', 'id'], errors: r.key === 'staff' ? ['conflict', 'last_admin'] : ['conflict'],
        answers: { 204: { description: 'Deleted' } },
      }),
    },
  };
}

export function adminPaths(): Paths {
  const out: Paths = {};
  for (const r of RESOURCES) Object.assign(out, configPaths(r));
  return out;
}
