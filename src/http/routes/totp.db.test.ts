import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personApplication } from '../../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import {
  fixedClock,
  makeAgency,
  systemCtx,
  TEST_PASSWORD,
  TEST_TOTP_SECRET,
  type TestAgency,
} from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { lockoutKeys } from '../../commands/auth/lockout.ts';
import { totpCode } from '../../commands/auth/totp.ts';
import { createUser } from '../../commands/users/create-user.ts';

let database: TestDatabase;
let server: TestServer;
let agency: TestAgency;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const login = (username: string, extra: Record<string, string> = {}) =>
  server.request('POST', '/api/v1/auth/login', { body: { username, password: TEST_PASSWORD, ...extra } });

before(async () => {
  database = await testDatabase();
  agency = await makeAgency(systemCtx(database, now), { name: '凉州区市场监督管理局' });
  server = await startTestServer(database, now);
});
after(async () => {
  await server.close();
  await database.close();
});

test('an administrator needs the code; a code works once; a wrong code counts towards the lockout', async () => {
  const admin = agency.users.agency_admin.username;
  const bare = await login(admin);
  assert.equal(bare.status, 401);
  assert.equal(bare.body.error.totpRequired, true);
  now.advance(30_000);
  const code = totpCode(TEST_TOTP_SECRET, now());
  assert.equal((await login(admin, { totp: code })).status, 200);
  const replay = await login(admin, { totp: code });
  assert.equal(replay.status, 401, 'the same code again is refused');
  const { pair } = lockoutKeys(Buffer.alloc(32, 7), 'login', admin, '127.0.0.1').keys;
  const failed = await database.pool.query('select failures from auth_failures where key = $1', [pair]);
  assert.equal(failed.rows[0].failures, 1);
});

test('an administrator without a second factor enrols with the password, then logs in with a code', async () => {
  const ctx = systemCtx(database, now);
  await createUser(ctx, {
    username: 'new-admin',
    displayName: '新管理员',
    password: TEST_PASSWORD,
    roles: [{ role: 'agency_admin', agencyId: agency.id }],
  });
  const refused = await login('new-admin');
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.totpEnrolmentRequired, true);
  assert.match(refused.body.error.message, /双因素认证/);
  const wrongPw = await server.request('POST', '/api/v1/auth/totp/enrol', {
    body: { username: 'new-admin', password: 'wrong-Passw0rd!' },
  });
  assert.equal(wrongPw.status, 401);
  const enrol = await server.request('POST', '/api/v1/auth/totp/enrol', {
    body: { username: 'new-admin', password: TEST_PASSWORD },
  });
  assert.equal(enrol.status, 200, enrol.text);
  assert.match(enrol.body.uri, /^otpauth:\/\/totp\/gongkai:new-admin\?/);
  const bad = await server.request('POST', '/api/v1/auth/totp/confirm', {
    body: { username: 'new-admin', password: TEST_PASSWORD, code: '000000' },
  });
  assert.equal(bad.status, 400);
  const ok = await server.request('POST', '/api/v1/auth/totp/confirm', {
    body: { username: 'new-admin', password: TEST_PASSWORD, code: totpCode(enrol.body.secret, now()) },
  });
  assert.equal(ok.status, 200, ok.text);
  now.advance(30_000);
  assert.equal((await login('new-admin', { totp: totpCode(enrol.body.secret, now()) })).status, 200);
  // Another enrolment now needs a current code, not just the password.
  const again = await server.request('POST', '/api/v1/auth/totp/enrol', {
    body: { username: 'new-admin', password: TEST_PASSWORD },
  });
  assert.equal(again.status, 401);
  const secretStored = await database.pool.query('select totp_secret_enc from users where username = $1', [
    'new-admin',
  ]);
  assert.ok(!String(secretStored.rows[0].totp_secret_enc).includes(enrol.body.secret), 'stored encrypted');
});

test('staff other than administrators may log in without a second factor', async () => {
  assert.equal((await login(agency.users.operator.username)).status, 200);
});

test('rate limits: logins and the public form answer 429 in Chinese when hammered from one address', async () => {
  let r = await login('nobody');
  for (let i = 0; i < 70 && r.status !== 429; i++) r = await login('nobody');
  assert.equal(r.status, 429);
  assert.match(r.body.error.message, /请求过于频繁/);
  let f = await server.request('POST', '/apply', {
    body: 'description=x',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  for (let i = 0; i < 30 && f.status !== 429; i++)
    f = await server.request('POST', '/apply', {
      body: 'description=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  assert.equal(f.status, 429);
});

test('secrets never reach the log: passwords, codes, session and API tokens, query codes in URLs', async () => {
  const { createLogger } = await import('../../cli/runtime.ts');
  const lines: string[] = [];
  const logger = createLogger('trace', { write: (s: string) => void lines.push(s) });
  const logged = await startTestServer(database, now, { logger });
  now.advance(30_000);
  const code = totpCode(TEST_TOTP_SECRET, now());
  const r = await logged.request('POST', '/api/v1/auth/login', {
    body: { username: agency.users.agency_admin.username, password: TEST_PASSWORD, totp: code },
  });
  assert.equal(r.status, 200, r.text);
  const { token, csrfToken } = r.body;
  assert.equal((await logged.request('GET', '/api/v1/me', { token })).status, 200);
  const applied = await logged.request('POST', '/api/v1/applications', {
    body: personApplication(agency.creditCode),
  });
  assert.equal(applied.status, 201, applied.text);
  const { trackingNumber, queryCode } = applied.body;
  const tracked = await logged.request('GET', `/api/v1/applications/track?number=${trackingNumber}&code=${queryCode}`);
  assert.equal(tracked.status, 200, tracked.text);
  await logged.close();
  const log = lines.join('');
  assert.ok(log.includes('/api/v1/auth/login'), 'requests are logged');
  assert.ok(log.includes(trackingNumber), 'the tracked URL is logged');
  for (const secret of [TEST_PASSWORD, code, token, csrfToken, TEST_TOTP_SECRET, queryCode])
    assert.ok(!log.includes(secret), `the log holds no ${secret.slice(0, 3)}…`);
});
