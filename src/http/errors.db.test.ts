import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx } from '../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';
import type { DB } from '../db/schema.ts';
import { errorBody } from './contract/common.ts';

/**
 * Framework errors answer like every other error: `{ error: { code, message, details } }`, in Chinese (English
 * when the request asks for it), never a 5xx and never Fastify's English text.
 */
let database: TestDatabase;
let server: TestServer;
let operator = '';
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const EN = { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' };

before(async () => {
  database = await testDatabase();
  const agency = await makeAgency(systemCtx(database, now), { name: '凉州区市场监督管理局' });
  server = await startTestServer(database, now);
  operator = await server.apiToken(agency.users.operator.username);
});
after(async () => {
  await server.close();
  await database.close();
});

/** The answer is our error body with this status and code, its message as given (and no FST_ code). */
async function refused(
  r: { status: number; body: unknown; text: string },
  status: number,
  code: string,
  message: RegExp,
) {
  assert.equal(r.status, status, r.text);
  const body = errorBody.parse(r.body);
  assert.equal(body.error.code, code);
  assert.match(body.error.message, message);
  assert.doesNotMatch(r.text, /FST_|Bad Request|statusCode/);
  return body;
}

test('bad JSON, a wrong content type and a body too large', async () => {
  const bad = { body: '{"agency":', headers: { 'content-type': 'application/json' } };
  await refused(await server.request('POST', '/api/v1/applications', bad), 400, 'invalid', /不是有效的 JSON/);
  await refused(
    await server.request('POST', '/api/v1/applications', { ...bad, headers: { ...bad.headers, ...EN } }),
    400,
    'invalid',
    /not valid JSON/,
  );
  const xml = { body: '<a/>', headers: { 'content-type': 'application/xml' } };
  await refused(await server.request('POST', '/api/v1/applications', xml), 415, 'unsupported_media_type', /内容类型/);
  const big = { body: { description: 'x'.repeat(3 * 1024 * 1024) } };
  await refused(await server.request('POST', '/api/v1/applications', big), 413, 'payload_too_large', /过大/);
});

test('headers too large (431) answer our body, in both languages', async () => {
  const r = await fetch(`${server.url}/api/v1/locale`, { headers: { 'x-padding': 'x'.repeat(20_000) } });
  const text = await r.text();
  await refused({ status: r.status, body: JSON.parse(text), text }, 431, 'headers_too_large', /请求头过大.*headers/);
});

test('an over-long path parameter, malformed percent-encoding, NUL in a path or query', async () => {
  await refused(await server.request('GET', `/api/v1/calendar/${'9'.repeat(150)}`), 414, 'uri_too_long', /网址过长/);
  await refused(await server.request('GET', '/api/v1/calendar/%E0%A4%A'), 400, 'invalid', /网址不正确/);
  await refused(await server.request('GET', '/api/v1/calendar/%00'), 400, 'invalid', /无法识别的字符/);
  await refused(
    await server.request('GET', '/api/v1/cases/GK2026-%00', { token: operator }),
    400,
    'invalid',
    /无法识别的字符/,
  );
  await refused(
    await server.request('GET', '/api/v1/applications/track?number=%00&code=ABCDEFGH'),
    400,
    'invalid',
    /无法识别的字符/,
  );
  // A query that does not decode is read as it came, and answers as an unknown number would.
  await refused(
    await server.request('GET', '/api/v1/applications/track?number=%E0%A4%A&code=ABCDEFGH'),
    404,
    'not_found',
    /申请编号或查询码不正确/,
  );
});

test('malformed ids and unknown codes answer 400 or 404, never 500', async () => {
  const cases: [string, number][] = [
    ['/api/v1/cases/not-a-number', 400],
    ['/api/v1/cases/GK2026-999999', 404],
    ['/api/v1/agencies/91620602MA74XXXX1X', 400],
    ['/api/v1/agencies/00000000-0000-4000-8000-000000000000', 404],
    ['/api/v1/catalogue/items/x/submit', 400],
    ['/api/v1/catalogue/import/not-a-job', 400],
    ['/api/v1/reports/00000000-0000-4000-8000-000000000000/2025?format=exe', 400],
    ['/api/v1/supervision/assessment?region=abc&year=2025', 400],
  ];
  for (const [path, status] of cases) {
    const method = path.endsWith('/submit') ? 'POST' : 'GET';
    const r = await server.request(method, path, { token: operator, ...(method === 'POST' ? { body: {} } : {}) });
    assert.equal(r.status, status, `${path}: ${r.text}`);
    errorBody.parse(r.body);
  }
  const detail = (await server.request('GET', '/api/v1/cases/not-a-number', { token: operator })).body;
  assert.deepEqual(detail.error.details, [{ path: 'tn', message: '申请编号格式不正确（如 GK2026-000001）' }]);
});

test('an unknown API address is 404, a known one with another method 405 with Allow, in the asked language', async () => {
  await refused(await server.request('GET', '/api/v1/nothing-here'), 404, 'not_found', /接口不存在/);
  await refused(await server.request('GET', '/api/v1/nothing-here?lang=en'), 404, 'not_found', /No such API/);
  const r = await server.request('DELETE', '/api/v1/cases', { token: operator });
  await refused(r, 405, 'method_not_allowed', /不支持 DELETE/);
  assert.equal(r.headers.get('allow'), 'POST, GET');
  await refused(
    await server.request('PUT', '/api/v1/applications', { body: {}, headers: EN }),
    405,
    'method_not_allowed',
    /not allowed/,
  );
});

test('validation messages name the field, in Chinese by default and in English when asked', async () => {
  const zh = await refused(
    await server.request('POST', '/api/v1/applications', { body: { applicant: { type: 'natural_person' } } }),
    400,
    'invalid',
    /请选择受理机关/,
  );
  assert.ok(zh.error.details.some((d) => d.path === 'applicant.name' && d.message === '请填写姓名或名称'));
  const en = await refused(
    await server.request('POST', '/api/v1/applications', {
      body: { applicant: { type: 'natural_person', name: 'x'.repeat(101) } },
      headers: EN,
    }),
    400,
    'invalid',
    /Please choose the agency/,
  );
  assert.ok(
    en.error.details.some(
      (d) => d.path === 'applicant.name' && d.message === 'The name must be at most 100 characters',
    ),
  );
  for (const d of [...zh.error.details, ...en.error.details])
    assert.doesNotMatch(d.message, /无效输入|期望|Invalid input/);
});

test('too many requests answer 429 in the same body', async () => {
  const body = { username: 'nobody', password: 'x' };
  let last: Awaited<ReturnType<TestServer['request']>> | undefined;
  for (let i = 0; i < 12; i++) last = await server.request('POST', '/api/v1/auth/totp/enrol', { body });
  await refused(last!, 429, 'rate_limited', /请求过于频繁/);
});

test("a portal page whose database read fails answers an HTML page (503, 服务暂时不可用), in the visitor's language", async () => {
  // Portal reads on a database that refuses connections (no fallback behind it).
  const dead = new pg.Pool({ connectionString: 'postgres://gongkai@127.0.0.1:1/none', connectionTimeoutMillis: 1000 });
  dead.on('error', () => {});
  const broken = await startTestServer(database, now, {
    readDb: new Kysely<DB>({ dialect: new PostgresDialect({ pool: dead }) }),
  });
  try {
    for (const path of [
      '/',
      '/search?q=通知',
      `/items/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
      '/?lang=en',
    ]) {
      const r = await broken.request('GET', path);
      assert.equal(r.status, 503, path);
      assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(r.headers.get('cache-control'), 'no-store');
      assert.match(
        r.text,
        path.endsWith('lang=en') ? /<h1>Service temporarily unavailable<\/h1>/ : /<h1>服务暂时不可用<\/h1>/,
      );
      assert.doesNotMatch(r.text, /ECONNREFUSED|127\.0\.0\.1|"error"/);
    }
    // Staff and the API read the primary: unaffected.
    assert.equal((await broken.request('GET', '/api/v1/catalogue/items', { token: operator })).status, 200);
  } finally {
    await broken.close();
    await dead.end();
  }
});
