import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import {
  fixedClock,
  makeAgency,
  makeUser,
  systemCtx,
  TEST_PASSWORD,
  TEST_TOTP_SECRET,
  type TestAgency,
} from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { totpCode } from '../../commands/auth/totp.ts';

let database: TestDatabase;
let server: TestServer;
const now = fixedClock();
let own: TestAgency;
let other: TestAgency;
let farAway: TestAgency;

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  own = await makeAgency(ctx, { name: '凉州区测试局' });
  other = await makeAgency(ctx, { name: '凉州区另一局' });
  farAway = await makeAgency(ctx, { name: '城关区测试局', regionCode: '620102' });
  server = await startTestServer(database, now);
});
after(async () => {
  await server.close();
  await database.close();
});

describe('login', () => {
  test('returns a bearer token and a session cookie', async () => {
    const r = await server.request('POST', '/api/v1/auth/login', {
      body: { username: own.users.operator.username, password: TEST_PASSWORD },
    });
    assert.equal(r.status, 200);
    assert.match(r.body.token, /^gks_/);
    assert.match(r.headers.get('set-cookie') ?? '', /gk_session=.*HttpOnly.*SameSite=Lax/i);
    const me = await server.request('GET', '/api/v1/me', { token: r.body.token });
    assert.equal(me.status, 200);
    assert.equal(me.body.username, own.users.operator.username);
    assert.equal(me.body.roles[0].role, 'operator');
  });

  test('wrong password: 401 in Chinese; the fifth failure locks this client out, with the same answer', async () => {
    const username = own.users.reviewer.username;
    const wrong = () => server.request('POST', '/api/v1/auth/login', { body: { username, password: 'Wrong-pass1' } });
    const first = await wrong();
    assert.equal(first.status, 401);
    assert.match(first.body.error.message, /^用户名或密码错误/);
    for (let i = 0; i < 4; i++) assert.deepEqual((await wrong()).body, first.body);
    // Locked (not 423: a locked account must not be told from an unknown one).
    const right = await server.request('POST', '/api/v1/auth/login', { body: { username, password: TEST_PASSWORD } });
    assert.equal(right.status, 401);
    assert.deepEqual(right.body, first.body);
    now.advance(15 * 60_000 + 1000);
    const later = await server.request('POST', '/api/v1/auth/login', { body: { username, password: TEST_PASSWORD } });
    assert.equal(later.status, 200);
  });

  test('an unknown user gets the same answer as a wrong password', async () => {
    const r = await server.request('POST', '/api/v1/auth/login', { body: { username: 'nobody', password: 'x' } });
    assert.equal(r.status, 401);
    assert.match(r.body.error.message, /^用户名或密码错误/);
    const known = await server.request('POST', '/api/v1/auth/login', {
      body: { username: own.users.approver.username, password: 'Wrong-pass1' },
    });
    assert.deepEqual(known.body, r.body);
  });

  test('a session ends after 30 idle minutes', async () => {
    const token = await server.login(own.users.approver.username);
    assert.equal((await server.request('GET', '/api/v1/me', { token })).status, 200);
    now.advance(31 * 60_000);
    assert.equal((await server.request('GET', '/api/v1/me', { token })).status, 401);
  });

  test('API tokens work as bearer tokens and survive idle time', async () => {
    const session = await server.login(own.users.agency_admin.username);
    const created = await server.request('POST', '/api/v1/auth/tokens', { token: session, body: { name: '数据对接' } });
    assert.equal(created.status, 201);
    now.advance(3 * 3600_000);
    const me = await server.request('GET', '/api/v1/me', { token: created.body.token });
    assert.equal(me.status, 200);
  });
});

describe('CSRF on cookie-authenticated writes', () => {
  test('refused without the token, accepted with it; bearer calls need none', async () => {
    now.advance(30_000);
    const login = await server.request('POST', '/api/v1/auth/login', {
      body: {
        username: own.users.agency_admin.username,
        password: TEST_PASSWORD,
        totp: totpCode(TEST_TOTP_SECRET, now()),
      },
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const path = `/api/v1/agencies/${own.id}`;
    const body = { contact: { phone: '0935-1234567' } };
    const without = await server.request('PATCH', path, { headers: { cookie }, body });
    assert.equal(without.status, 403);
    assert.match(without.body.error.message, /CSRF/);
    const withToken = await server.request('PATCH', path, {
      headers: { cookie, 'x-csrf-token': login.body.csrfToken },
      body,
    });
    assert.equal(withToken.status, 200);
    assert.equal(withToken.body.contact.phone, '0935-1234567');
    const bearer = await server.request('PATCH', path, { token: login.body.token, body });
    assert.equal(bearer.status, 200);
  });
});

describe('access policy through the API', () => {
  test('another agency answers 404 to an agency role, for reads and writes', async () => {
    const token = await server.login(own.users.operator.username);
    assert.equal((await server.request('GET', `/api/v1/agencies/${own.id}`, { token })).status, 200);
    assert.equal((await server.request('GET', `/api/v1/agencies/${other.id}`, { token })).status, 404);
    const patch = await server.request('PATCH', `/api/v1/agencies/${other.id}`, { token, body: { name: '改名' } });
    assert.equal(patch.status, 404);
    const list = await server.request('GET', '/api/v1/agencies', { token });
    assert.deepEqual(
      list.body.items.map((a: { id: string }) => a.id),
      [own.id],
    );
  });

  test('an operator sees its agency but may not change it (403); its admin may', async () => {
    const op = await server.login(own.users.operator.username);
    assert.equal(
      (await server.request('PATCH', `/api/v1/agencies/${own.id}`, { token: op, body: { shortName: 'x' } })).status,
      403,
    );
    const admin = await server.login(own.users.agency_admin.username);
    const r = await server.request('PATCH', `/api/v1/agencies/${own.id}`, {
      token: admin,
      body: { shortName: '测试' },
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.shortName, '测试');
  });

  test('a supervisor sees every agency of its region and none of another region', async () => {
    const ctx = systemCtx(database, now);
    const sup = await makeUser(ctx, 'supervisor', '620602');
    const token = await server.login(sup.username);
    const ids = (await server.request('GET', '/api/v1/agencies', { token })).body.items.map(
      (a: { id: string }) => a.id,
    );
    assert.ok(ids.includes(own.id) && ids.includes(other.id));
    assert.ok(!ids.includes(farAway.id));
    assert.equal((await server.request('GET', `/api/v1/agencies/${farAway.id}`, { token })).status, 404);
  });

  test('anonymous callers get 401 on staff APIs', async () => {
    assert.equal((await server.request('GET', '/api/v1/agencies')).status, 401);
  });
});

describe('bad input changes nothing', () => {
  test('an agency with a corrupted credit code: 400 in Chinese, no row, no audit event', async () => {
    const ctx = systemCtx(database, now);
    const admin = await makeUser(ctx, 'sysadmin');
    const token = await server.login(admin.username);
    const count = async () =>
      Number(
        (await database.pool.query('select (select count(*) from agencies) + (select count(*) from audit_events) as n'))
          .rows[0].n,
      );
    const before = await count();
    const r = await server.request('POST', '/api/v1/agencies', {
      token,
      body: { name: '错误局', creditCode: '11620602MB161547XM', kind: 'department', regionCode: '620602' },
    });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.message, '统一社会信用代码校验位不正确');
    const bad = await server.request('POST', '/api/v1/agencies', { token, body: '{"name":' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /JSON/);
    assert.equal(await count(), before);
  });

  test('a valid agency is created by a system admin, with its audit event', async () => {
    const ctx = systemCtx(database, now);
    const admin = await makeUser(ctx, 'sysadmin');
    const token = await server.login(admin.username);
    const r = await server.request('POST', '/api/v1/agencies', {
      token,
      body: {
        name: '武威市凉州区审计局',
        creditCode: '11620602MB161547XN'.replace('MB161547XN', '013935104H'),
        kind: 'department',
        regionCode: '620602',
      },
    });
    assert.equal(r.status, 201, r.text);
    const audit = await server.request('GET', `/api/v1/audit?entityId=${r.body.id}`, { token });
    assert.equal(audit.body.items[0].action, 'agency.created');
  });
});

describe('server basics', () => {
  test('/healthz reports the database; pages are zh-CN with security headers and no HSTS over HTTP', async () => {
    const h = await server.request('GET', '/healthz');
    assert.equal(h.status, 200);
    assert.equal(h.body.database.status, 'ok');
    const home = await server.request('GET', '/');
    assert.match(home.text, /<html lang="zh-CN">/);
    assert.ok(home.headers.get('content-security-policy'));
    assert.equal(home.headers.get('strict-transport-security'), null);
    assert.doesNotMatch(home.headers.get('content-security-policy')!, /upgrade-insecure-requests/);
    assert.ok(home.headers.get('x-request-id'));
  });
});
