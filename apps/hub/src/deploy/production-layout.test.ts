// The documented production layout (docker-compose.yml at the repository root, nginx in front of
// two hub processes) cannot be run on a machine without a Docker engine; what can be checked
// without one is checked here: the YAML parses, the services reach each other by the names and
// ports they use, and the hubs get every setting they need.
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';

const ROOT = path.join(__dirname, '..', '..', '..', '..');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  depends_on?: string[] | Record<string, { condition: string }>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
}
interface Compose {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const compose = load(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as Compose;
const nginx = fs.readFileSync(path.join(ROOT, 'apps/hub/deploy/nginx.conf'), 'utf8');

test('docker-compose.yml parses: PostgreSQL, Redis, two hub processes and nginx', () => {
  expect(Object.keys(compose.services).sort()).toEqual(['hub1', 'hub2', 'nginx', 'postgres', 'redis']);
  expect(compose.services['postgres']!.healthcheck?.test.join(' ')).toMatch(/pg_isready/);
  expect(Object.keys(compose.volumes ?? {})).toContain('pgdata');
});

test('both hubs are built from the hub Dockerfile and reach PostgreSQL and Redis by their service names', () => {
  for (const name of ['hub1', 'hub2']) {
    const hub = compose.services[name]!;
    expect(hub.build).toEqual({ context: '.', dockerfile: 'apps/hub/Dockerfile' });
    expect(fs.existsSync(path.join(ROOT, hub.build!.dockerfile))).toBe(true);
    const env = hub.environment!;
    expect(new URL(env['DATABASE_URL']!.replace(/\$\{[^}]*\}/g, 'x')).host).toBe('postgres:5432');
    expect(new URL(env['REDIS_URL']!).host).toBe('redis:6379');
    expect(env['HUB_ADMIN_PASSWORD']).toMatch(/^\$\{HUB_ADMIN_PASSWORD:\?/);
    expect(hub.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' }, redis: {} });
  }
  // The database URL's user, password and name are the ones PostgreSQL is created with.
  const pg = compose.services['postgres']!.environment!;
  const url = new URL(compose.services['hub1']!.environment!['DATABASE_URL']!.replace(pg['POSTGRES_PASSWORD']!, 'pw'));
  expect([url.username, url.pathname]).toEqual([pg['POSTGRES_USER'], `/${pg['POSTGRES_DB']}`]);
  expect(compose.services['hub1']!.environment!['DATABASE_URL']).toContain(pg['POSTGRES_PASSWORD']!);
});

test('nginx mounts the checked-in configuration, which balances over both hubs on the port they listen on', () => {
  const lb = compose.services['nginx']!;
  const mount = lb.volumes!.find((v) => v.endsWith('/etc/nginx/conf.d/default.conf:ro'))!;
  expect(path.resolve(ROOT, mount.split(':')[0]!)).toBe(path.join(ROOT, 'apps/hub/deploy/nginx.conf'));
  expect(lb.depends_on).toEqual(['hub1', 'hub2']);
  const upstream = /upstream\s+\w+\s*\{([^}]*)\}/.exec(nginx)![1]!;
  const port = /PORT=(\d+)/.exec(fs.readFileSync(path.join(ROOT, 'apps/hub/Dockerfile'), 'utf8'))![1];
  expect(upstream.match(/server\s+[^;]+;/g)).toEqual([`server hub1:${port};`, `server hub2:${port};`]);
  expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
});
