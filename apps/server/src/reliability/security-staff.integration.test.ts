// Security promises about staff accounts (SECURITY.md): a hall always keeps an administrator,
// passwords are hashed at OWASP's scrypt cost and older hashes are upgraded at the next sign-in,
// and a session has an absolute lifetime however busy it is.
import crypto from 'node:crypto';
import { OWASP_SCRYPT, hashPassword, needsRehash, setPasswordCost, verifyPassword, verifyPasswordAsync } from '../services/auth-service';
import { loadConfig } from '../config';
import { startTestServer, type TestServer } from '../test-support/test-server';

describe('the last active admin', () => {
  let s: TestServer;
  let admin: string;
  beforeEach(async () => {
    s = await startTestServer();
    admin = await s.login('admin');
  });
  afterEach(() => s.close());

  const adminId = async (): Promise<string> =>
    (await s.api('GET', '/halls/demo/staff', { token: admin })).body.staff.find((x: { username: string }) => x.username === 'admin').id;

  test('cannot be demoted, deactivated or deleted: 409 last_admin, and nothing changes', async () => {
    const id = await adminId();
    for (const [method, body] of [
      ['PATCH', { role: 'supervisor' }],
      ['PATCH', { active: false }],
      ['DELETE', undefined],
    ] as const) {
      const r = await s.api(method, `/halls/demo/staff/${id}`, { token: admin, body });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('last_admin');
    }
    const me = (await s.api('GET', '/halls/demo/staff', { token: admin })).body.staff.find((x: { id: string }) => x.id === id);
    expect(me).toMatchObject({ role: 'admin', active: true });
    expect((await s.api('GET', '/me', { token: admin })).status).toBe(200);
  });

  test('with a second active admin, the first may step down; then the second is the last one', async () => {
    const second = await s.api('POST', '/halls/demo/staff', {
      token: admin,
      body: { username: 'admin2', name: 'Second admin', role: 'admin', password: 'Second-admin-1' },
    });
    expect(second.status).toBe(201);
    const id = await adminId();
    expect((await s.api('PATCH', `/halls/demo/staff/${id}`, { token: admin, body: { role: 'supervisor' } })).status).toBe(200);
    const other = await s.login('admin2', 'Second-admin-1');
    const r = await s.api('PATCH', `/halls/demo/staff/${second.body.staff.id}`, { token: other, body: { active: false } });
    expect(r.body.error?.code).toBe('last_admin');
  });

  test('an inactive admin does not count as the hall keeping one', async () => {
    const second = await s.api('POST', '/halls/demo/staff', {
      token: admin,
      body: { username: 'admin3', name: 'Inactive admin', role: 'admin', password: 'Third-admin-1', active: false },
    });
    expect(second.status).toBe(201);
    expect((await s.api('DELETE', `/halls/demo/staff/${await adminId()}`, { token: admin })).body.error.code).toBe('last_admin');
  });
});

describe('password hashing cost', () => {
  // Real hashing at 2^15..2^17 (about a second each at 2^17 on a small machine).
  jest.setTimeout(60_000);
  afterEach(() => setPasswordCost({ ...OWASP_SCRYPT, log2N: 14 }));

  test("new hashes use OWASP's scrypt cost N=2^17, r=8, p=1 by default, and verify", async () => {
    setPasswordCost(OWASP_SCRYPT);
    const h = hashPassword('Correct-Horse-9137');
    expect(h).toMatch(/^scrypt\$17\.8\.1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPasswordAsync('Correct-Horse-9137', h)).toBe(true);
    expect(await verifyPasswordAsync('correct-horse-9137', h)).toBe(false);
    expect(needsRehash(h)).toBe(false);
  });

  test('a server started without the setting hashes at 2^17', async () => {
    expect(loadConfig({}, ['node', 'main']).passwordScryptLog2N).toBe(17);
    const s = await startTestServer({ seed: null, env: { PASSWORD_SCRYPT_LOG2N: '17', ADMIN_PASSWORD: 'First-admin-17' } });
    try {
      const rows = s.server.db.prepare('SELECT password_hash AS h FROM staff').all() as Array<{ h: string }>;
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r.h.startsWith('scrypt$17.8.1$')).toBe(true);
    } finally {
      await s.close();
    }
  });

  test('an older hash (no parameters, N=2^14) still signs in and is rewritten at the new cost; a wrong password rewrites nothing', async () => {
    const s = await startTestServer({ env: { PASSWORD_SCRYPT_LOG2N: '15' } });
    try {
      const legacy = hashPassword('Old-password-1', { log2N: 14, r: 8, p: 1 }).replace(/^scrypt\$14\.8\.1\$/, 'scrypt$');
      expect(legacy.split('$')).toHaveLength(3);
      expect(verifyPassword('Old-password-1', legacy)).toBe(true);
      s.server.db.prepare("UPDATE staff SET password_hash = ? WHERE username = 'w01'").run(legacy);
      const stored = () => (s.server.db.prepare("SELECT password_hash AS h FROM staff WHERE username = 'w01'").get() as { h: string }).h;
      expect((await s.api('POST', '/auth/login', { body: { username: 'w01', password: 'wrong-password' } })).status).toBe(401);
      expect(stored()).toBe(legacy);
      expect((await s.api('POST', '/auth/login', { body: { username: 'w01', password: 'Old-password-1' } })).status).toBe(200);
      expect(stored()).toMatch(/^scrypt\$15\.8\.1\$/);
      expect(verifyPassword('Old-password-1', stored())).toBe(true);
      expect((await s.api('POST', '/auth/login', { body: { username: 'w01', password: 'Old-password-1' } })).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('session lifetime', () => {
  test('a session ends 24 hours after sign-in however busy it is (idle expiry is separate)', async () => {
    const s = await startTestServer();
    try {
      const token = await s.login('w01');
      for (let h = 0; h < 23; h++) {
        s.clock.advance(3600);
        expect((await s.api('GET', '/me', { token })).status).toBe(200);
      }
      s.clock.advance(3600 + 1);
      const r = await s.api('GET', '/me', { token });
      expect(r.status).toBe(401);
      expect((await s.api('GET', '/me', { token: await s.login('w01') })).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('hashing a staff password', () => {
  let s: TestServer;
  afterEach(() => s.close());

  // scrypt at the production cost takes hundreds of milliseconds: inside the write batch it would
  // hold up every request of the hall. It runs on the thread pool before the command.
  test('happens before the command, never inside the write batch', async () => {
    s = await startTestServer();
    const admin = await s.login('admin');
    const scrypt = jest.spyOn(crypto, 'scryptSync');
    const run = s.server.deps.run;
    let inBatch = 0;
    s.server.deps.run = (command) =>
      run((tx) => {
        const before = scrypt.mock.calls.length;
        try {
          return command(tx);
        } finally {
          inBatch += scrypt.mock.calls.length - before;
        }
      });
    try {
      const created = await s.api('POST', '/halls/demo/staff', {
        token: admin,
        body: { username: 'hashed1', name: 'Hashed', role: 'officer', password: 'First-password-1' },
      });
      expect(created.status).toBe(201);
      expect(created.body.staff).not.toHaveProperty('passwordHash');
      const changed = await s.api('PATCH', `/halls/demo/staff/${created.body.staff.id}`, { token: admin, body: { password: 'Second-password-2' } });
      expect(changed.status).toBe(200);
      expect(inBatch).toBe(0);
      expect((await s.api('POST', '/auth/login', { body: { username: 'hashed1', password: 'First-password-1' } })).status).toBe(401);
      expect((await s.api('POST', '/auth/login', { body: { username: 'hashed1', password: 'Second-password-2' } })).status).toBe(200);
      // Neither the password nor its hash is in the audit log.
      const audit = JSON.stringify(s.server.db.prepare("SELECT details FROM audit_log WHERE action LIKE 'staff.%'").all());
      expect(audit).not.toMatch(/password-|scrypt\$/i);
    } finally {
      scrypt.mockRestore();
    }
  });
});
