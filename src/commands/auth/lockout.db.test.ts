import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, TEST_PASSWORD, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { createUser } from '../users/create-user.ts';
import { LOCKOUT_RULES } from './lockout.ts';
import { totpCode } from './totp.ts';

// Clients are told apart by X-Forwarded-For from a proxy the server trusts (127.0.0.1, as TRUST_PROXY would).
let database: TestDatabase;
let server: TestServer;
let agency: TestAgency;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const WRONG = 'Wrong-Passw0rd!';
let serial = 0;

const post = (path: string, client: string, body: Record<string, string>) =>
  server.request('POST', path, { body, headers: { 'x-forwarded-for': client } });
const login = (client: string, username: string, password = TEST_PASSWORD) =>
  post('/api/v1/auth/login', client, { username, password });
const answer = (r: { status: number; body: { error?: unknown } }) => JSON.stringify([r.status, r.body.error]);
async function newUser() {
  const username = `lockout-user-${++serial}`;
  await createUser(systemCtx(database, now), {
    username,
    displayName: '锁定测试',
    password: TEST_PASSWORD,
    roles: [{ role: 'operator', agencyId: agency.id }],
  });
  return username;
}

before(async () => {
  database = await testDatabase();
  agency = await makeAgency(systemCtx(database, now), { name: '凉州区锁定测试局' });
  server = await startTestServer(database, now, { trustProxy: ['127.0.0.1'] });
});
after(async () => {
  await server.close();
  await database.close();
});

test('a locked account answers exactly as an unknown one: 401, the same words, even to the right password', async () => {
  const known = await newUser();
  const unknown = 'no-such-user';
  for (let i = 0; i < LOCKOUT_RULES.pair.maxFailures; i++) {
    const a = await login('10.1.0.1', known, WRONG);
    const b = await login('10.1.0.1', unknown, WRONG);
    assert.equal(a.status, 401);
    assert.equal(answer(a), answer(b), `failure ${i + 1}`);
  }
  const right = await login('10.1.0.1', known, TEST_PASSWORD);
  const other = await login('10.1.0.1', unknown, TEST_PASSWORD);
  assert.equal(right.status, 401, 'locked for this client');
  assert.equal(answer(right), answer(other));
  assert.match(right.body.error.message, /用户名或密码错误/);
  const audit = await database.pool.query(
    "select count(*)::int as n from audit_events where action = 'auth.locked' and entity_id = (select id::text from users where username = $1)",
    [known],
  );
  assert.equal(audit.rows[0].n, 1, 'the locking failure is audited');
  // The owner, at another client with no failures, is not locked out by someone else.
  assert.equal((await login('10.1.0.2', known)).status, 200);
  // The lock ends after 15 minutes.
  now.advance(LOCKOUT_RULES.pair.minutes * 60_000 + 1000);
  assert.equal((await login('10.1.0.1', known)).status, 200);
});

test('attempts sent all at once are counted before they are checked: no more than five are tried', async () => {
  const user = await newUser();
  const burst = await Promise.all(Array.from({ length: 15 }, () => login('10.7.0.1', user, WRONG)));
  assert.ok(burst.every((r) => r.status === 401));
  const tried = await database.pool.query(
    "select count(*)::int as n from audit_events where action in ('auth.login_failed', 'auth.locked') and entity_id = (select id::text from users where username = $1)",
    [user],
  );
  assert.equal(tried.rows[0].n, LOCKOUT_RULES.pair.maxFailures);
  assert.equal((await login('10.7.0.1', user)).status, 401, 'and the pair is locked');
  now.advance(LOCKOUT_RULES.pair.minutes * 60_000 + 1000);
});

test('a right password without its second factor, or refused for another reason, counts no failure', async () => {
  const admin = agency.users.agency_admin.username;
  for (let i = 0; i < 2 * LOCKOUT_RULES.pair.maxFailures; i++) {
    const r = await login('10.8.0.1', admin);
    assert.equal(r.status, 401);
    assert.equal(r.body.error.totpRequired, true, 'asks for the code, not locked');
  }
});

test('TOTP enrolment and confirmation check the password under the same lockout, and count failures', async () => {
  const user = await newUser();
  for (let i = 0; i < LOCKOUT_RULES.pair.maxFailures; i++)
    assert.notEqual((await login('10.2.0.1', user, WRONG)).status, 200);
  // Locked: enrolment does not hand out a secret, confirmation binds nothing.
  const enrol = await post('/api/v1/auth/totp/enrol', '10.2.0.1', { username: user, password: TEST_PASSWORD });
  assert.equal(enrol.status, 401, enrol.text);
  assert.equal(enrol.body.secret, undefined);
  const confirm = await post('/api/v1/auth/totp/confirm', '10.2.0.1', {
    username: user,
    password: TEST_PASSWORD,
    code: '123456',
  });
  assert.equal(confirm.status, 401);
  const row = await database.pool.query('select totp_secret_enc, totp_enabled from users where username = $1', [user]);
  assert.equal(row.rows[0].totp_secret_enc, null);
  assert.equal(row.rows[0].totp_enabled, false);

  // Wrong passwords on the enrolment lock the login of that client as well.
  const second = await newUser();
  for (let i = 0; i < LOCKOUT_RULES.pair.maxFailures; i++)
    assert.equal(
      (await post('/api/v1/auth/totp/enrol', '10.2.0.2', { username: second, password: WRONG })).status,
      401,
    );
  assert.equal((await login('10.2.0.2', second)).status, 401);

  // Wrong confirmation codes count too.
  const third = await newUser();
  const started = await post('/api/v1/auth/totp/enrol', '10.2.0.3', { username: third, password: TEST_PASSWORD });
  assert.equal(started.status, 200, started.text);
  const good = totpCode(started.body.secret, now());
  const bad = good === '000000' ? '000001' : '000000';
  for (let i = 0; i < LOCKOUT_RULES.pair.maxFailures; i++) {
    const r = await post('/api/v1/auth/totp/confirm', '10.2.0.3', {
      username: third,
      password: TEST_PASSWORD,
      code: bad,
    });
    assert.equal(r.status, 400);
  }
  const late = await post('/api/v1/auth/totp/confirm', '10.2.0.3', {
    username: third,
    password: TEST_PASSWORD,
    code: good,
  });
  assert.equal(late.status, 401, 'locked: even the right code binds nothing');
  assert.equal(
    (await database.pool.query('select totp_enabled from users where username = $1', [third])).rows[0].totp_enabled,
    false,
  );
  now.advance(LOCKOUT_RULES.pair.minutes * 60_000 + 1000);
});

test('one client failing across many accounts is locked out of every account; other clients are not', async () => {
  const user = await newUser();
  for (let i = 0; i < LOCKOUT_RULES.client.maxFailures; i++)
    assert.equal((await login('10.3.0.1', `guess-${i}`, WRONG)).status, 401);
  assert.equal((await login('10.3.0.1', user)).status, 401, 'the client is locked');
  assert.equal((await login('10.3.0.2', user)).status, 200, 'another client is not');
  now.advance(LOCKOUT_RULES.client.minutes * 60_000 + 1000);
  assert.equal((await login('10.3.0.1', user)).status, 200, 'and the lock ends');
});

test('an account attacked from many clients is refused to the clients that failed, not to its owner', async () => {
  const user = await newUser();
  for (let i = 0; i < LOCKOUT_RULES.account.maxFailures; i++)
    assert.notEqual((await login(`10.4.${Math.floor(i / 200)}.${i % 200}`, user, WRONG)).status, 200);
  // One failure from 10.4.0.0 alone would not lock it; the account's threshold does.
  assert.equal((await login('10.4.0.0', user)).status, 401, 'a client that failed is refused');
  assert.equal((await login('10.5.0.1', user)).status, 200, 'a client without failures logs in');
  // Once its own failures are older than the client window, the client is clean again.
  now.advance(LOCKOUT_RULES.client.minutes * 60_000 + 1000);
  assert.equal((await login('10.4.0.0', user)).status, 200);
  now.advance(LOCKOUT_RULES.account.minutes * 60_000);
});

test('the counters hold no address or name in clear, and old rows are pruned', async () => {
  const rows = (await database.pool.query('select * from auth_failures')).rows;
  assert.ok(rows.length > 0);
  const text = JSON.stringify(rows);
  assert.doesNotMatch(text, /10\.\d+\.\d+\.\d+|lockout-user|guess-/);
  // Every window and lock above has ended: each new failure prunes a hundred of them.
  for (let i = 0; i < 3; i++) await login('10.6.0.1', 'someone', WRONG);
  const left = (await database.pool.query('select scope from auth_failures order by scope')).rows.map((r) => r.scope);
  assert.deepEqual(left, ['account', 'client', 'pair'], 'only the new failure is left');
});
