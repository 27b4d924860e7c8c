import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personApplication } from '../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, TEST_PASSWORD, type TestAgency } from '../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';
import { LOCKOUT_RULES } from '../commands/auth/lockout.ts';
import { ROUTE_GUARDS } from './rate-limits.ts';

let database: TestDatabase;
/** As deployed without TRUST_PROXY: X-Forwarded-For means nothing. */
let direct: TestServer;
/** Behind a proxy at 127.0.0.1 (TRUST_PROXY=127.0.0.1): X-Forwarded-For names the client. */
let proxied: TestServer;
let agency: TestAgency;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
let rotation = 0;
const rotating = () => ({ 'x-forwarded-for': `203.0.${Math.floor(++rotation / 250) % 250}.${rotation % 250}` });

before(async () => {
  database = await testDatabase();
  agency = await makeAgency(systemCtx(database, now), { name: '凉州区限流测试局' });
  direct = await startTestServer(database, now);
  proxied = await startTestServer(database, now, { trustProxy: ['127.0.0.1'] });
});
after(async () => {
  await direct.close();
  await proxied.close();
  await database.close();
});

/** A urlencoded body (the portal's tracking form posts the number and code). */
const formBody = (q: string) => ({ body: q, headers: { 'content-type': 'application/x-www-form-urlencoded' } });

async function apply(server: TestServer, headers: Record<string, string> = {}) {
  return server.request('POST', '/api/v1/applications', {
    body: personApplication(agency.creditCode, { description: `请公开限流测试信息 ${++rotation}` }),
    headers,
  });
}

/** Sends until a 429 or `limit + 1` requests; returns the answers. */
async function hammer(limit: number, send: () => Promise<{ status: number }>) {
  const seen: { status: number }[] = [];
  for (let i = 0; i <= limit; i++) {
    const r = await send();
    seen.push(r);
    if (r.status === 429) break;
  }
  return seen;
}

function assertTooMany(r: { status: number; body: { error: { code: string; message: string } }; headers: Headers }) {
  assert.equal(r.status, 429);
  assert.equal(r.body.error.code, 'rate_limited');
  assert.match(r.body.error.message, /请求过于频繁，请 \d+ 秒后再试/);
  assert.match(r.headers.get('retry-after') ?? '', /^\d+$/);
}

test('every entry of the table is a route of the server, and every public form and code check has one', () => {
  const served = new Set(
    (direct.app as unknown as { routeTable: { method: string; url: string }[] }).routeTable.map(
      (r) => `${r.method} ${r.url}`,
    ),
  );
  assert.deepEqual(
    Object.keys(ROUTE_GUARDS).filter((k) => !served.has(k)),
    [],
    'no stale entries',
  );
  for (const k of [
    'POST /api/v1/auth/login',
    'POST /api/v1/auth/totp/enrol',
    'POST /api/v1/auth/totp/confirm',
    'GET /apply',
    'POST /apply',
    'POST /api/v1/applications',
    'POST /track',
    'GET /track',
    'GET /api/v1/applications/track',
    'GET /api/v1/applications/letters/:id/:format',
    'POST /track/rate',
    'POST /items/:id/rate',
    'GET /deadline',
    'POST /api/v1/deadline',
  ])
    assert.ok(ROUTE_GUARDS[k], k);
});

test('each route answers with its limit from the table (the table wins over the route)', async () => {
  const pathOf = (url: string) => url.replace(':id', 'x').replace(':format', 'pdf');
  for (const [key, guard] of Object.entries(ROUTE_GUARDS)) {
    const [method, url] = key.split(' ') as [string, string];
    const r = await proxied.request(method, pathOf(url), {
      ...(method === 'POST' ? { body: {} } : {}),
      headers: { 'x-forwarded-for': '198.51.100.1' },
    });
    assert.ok(r.status < 500, `${key}: ${r.status}`);
    assert.equal(r.headers.get('x-ratelimit-limit'), String(guard.max), key);
  }
});

test('without TRUST_PROXY a rotating X-Forwarded-For escapes no limit: login, intake, tracking', async () => {
  const login = await hammer(ROUTE_GUARDS['POST /api/v1/auth/login']!.max, () =>
    direct.request('POST', '/api/v1/auth/login', {
      body: { username: 'nobody', password: 'x' },
      headers: rotating(),
    }),
  );
  assertTooMany(login.at(-1) as never);

  const intake = await hammer(ROUTE_GUARDS['POST /api/v1/applications']!.max, () => apply(direct, rotating()));
  assertTooMany(intake.at(-1) as never);
  assert.equal(intake.filter((r) => r.status === 201).length, ROUTE_GUARDS['POST /api/v1/applications']!.max);

  const made = await apply(proxied, { 'x-forwarded-for': '198.51.100.2' });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const q = `number=${made.body.trackingNumber}&code=${made.body.queryCode}`;
  const api = await hammer(ROUTE_GUARDS['GET /api/v1/applications/track']!.max, () =>
    direct.request('GET', `/api/v1/applications/track?${q}`, { headers: rotating() }),
  );
  assertTooMany(api.at(-1) as never);
  const page = await hammer(ROUTE_GUARDS['POST /track']!.max, () =>
    direct.request('POST', '/track', { ...formBody(q), headers: { ...formBody(q).headers, ...rotating() } }),
  );
  assertTooMany(page.at(-1) as never);
});

test('with TRUST_PROXY=127.0.0.1 X-Forwarded-For is the client: one client is limited, another is not', async () => {
  const made = await apply(proxied, { 'x-forwarded-for': '198.51.100.3' });
  const q = `number=${made.body.trackingNumber}&code=${made.body.queryCode}`;
  const one = { 'x-forwarded-for': '198.51.100.4' };
  const post = (headers: Record<string, string>) =>
    proxied.request('POST', '/track', { ...formBody(q), headers: { ...formBody(q).headers, ...headers } });
  const seen = await hammer(ROUTE_GUARDS['POST /track']!.max, () => post(one));
  assertTooMany(seen.at(-1) as never);
  assert.equal(seen.length, ROUTE_GUARDS['POST /track']!.max + 1);
  const other = await post({ 'x-forwarded-for': '198.51.100.5' });
  assert.equal(other.status, 303);
});

test('query codes are under the lockout: wrong codes lock the number for that client, not for others', async () => {
  const made = await apply(proxied, { 'x-forwarded-for': '198.51.100.6' });
  const tn = made.body.trackingNumber as string;
  const good = `number=${tn}&code=${made.body.queryCode}`;
  const bad = `number=${tn}&code=ZZZZZZZZ`;
  const from = (client: string) => ({ headers: { 'x-forwarded-for': client } });
  for (let i = 0; i < LOCKOUT_RULES.pair.maxFailures; i++)
    assert.equal((await proxied.request('GET', `/api/v1/applications/track?${bad}`, from('192.0.2.1'))).status, 404);
  const locked = await proxied.request('GET', `/api/v1/applications/track?${good}`, from('192.0.2.1'));
  assert.equal(locked.status, 429, 'even the right code waits');
  assert.match(locked.body.error.message, /查询码错误次数过多/);
  assert.match(locked.headers.get('retry-after') ?? '', /^\d+$/);
  const page = await proxied.request('POST', '/track', {
    ...formBody(good),
    headers: { ...formBody(good).headers, ...from('192.0.2.1').headers },
  });
  assert.equal(page.status, 429, 'the page too');
  assert.equal((await proxied.request('GET', `/api/v1/applications/track?${good}`, from('192.0.2.2'))).status, 200);

  // The letters and the rating check the code as well, and count.
  const letter = await database.pool.query(
    'select l.id from letters l join applications a on a.id = l.application_id where a.tracking_number = $1',
    [tn],
  );
  for (let i = 0; i < LOCKOUT_RULES.pair.maxFailures; i++)
    assert.equal(
      (await proxied.request('GET', `/api/v1/applications/letters/${letter.rows[0].id}/docx?${bad}`, from('192.0.2.3')))
        .status,
      404,
    );
  assert.equal((await proxied.request('GET', `/api/v1/applications/track?${good}`, from('192.0.2.3'))).status, 429);
  const rate = () =>
    proxied.request('POST', '/track/rate', {
      body: `number=${tn}&code=ZZZZZZZZ&score=5`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '192.0.2.4' },
    });
  for (let i = 0; i < LOCKOUT_RULES.pair.maxFailures; i++) assert.equal((await rate()).status, 404);
  assert.equal((await rate()).status, 429);

  // One client guessing across numbers is locked out of every number.
  for (let i = 0; i < LOCKOUT_RULES.client.maxFailures; i++)
    await proxied.request(
      'GET',
      `/api/v1/applications/track?number=GK2026-9${String(i).padStart(5, '0')}&code=ZZZZZZZZ`,
      from('192.0.2.5'),
    );
  assert.equal((await proxied.request('GET', `/api/v1/applications/track?${good}`, from('192.0.2.5'))).status, 429);

  now.advance(LOCKOUT_RULES.client.minutes * 60_000 + 1000);
  assert.equal((await proxied.request('GET', `/api/v1/applications/track?${good}`, from('192.0.2.1'))).status, 200);
  assert.equal((await proxied.request('GET', `/api/v1/applications/track?${good}`, from('192.0.2.5'))).status, 200);
});

test('login CSRF: a form-encoded or text/plain login is refused in Chinese; a cross-site one too; JSON works', async () => {
  const username = agency.users.operator.username;
  const client = { 'x-forwarded-for': '192.0.2.50' };
  const form = await proxied.request('POST', '/api/v1/auth/login', {
    body: `username=${username}&password=${encodeURIComponent(TEST_PASSWORD)}`,
    headers: { ...client, 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(form.status, 400, form.text);
  assert.match(form.body.error.message, /JSON/);
  assert.equal(form.headers.get('set-cookie'), null);
  const plain = await proxied.request('POST', '/api/v1/auth/login', {
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
    headers: { ...client, 'content-type': 'text/plain' },
  });
  assert.equal(plain.status, 400);
  const crossSite = await proxied.request('POST', '/api/v1/auth/login', {
    body: { username, password: TEST_PASSWORD },
    headers: { ...client, 'sec-fetch-site': 'cross-site' },
  });
  assert.equal(crossSite.status, 403);
  assert.match(crossSite.body.error.message, /其他网站/);
  const console = await proxied.request('POST', '/api/v1/auth/login', {
    body: { username, password: TEST_PASSWORD },
    headers: { ...client, 'sec-fetch-site': 'same-origin' },
  });
  assert.equal(console.status, 200, console.text);
});

test('X-Forwarded-For from a peer not in TRUST_PROXY is logged once as a warning', async () => {
  const { default: pino } = await import('pino');
  const lines: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (s: string) => void lines.push(s) });
  const logged = await startTestServer(database, now, { logger });
  for (let i = 0; i < 2; i++) await logged.request('GET', '/healthz', { headers: { 'x-forwarded-for': '192.0.2.9' } });
  await logged.close();
  assert.equal(lines.filter((l) => l.includes('TRUST_PROXY')).length, 1);
  assert.ok(!lines.join('').includes('192.0.2.9'), 'no client address in the log');
});
