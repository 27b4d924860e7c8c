import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, makeUser, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let database: TestDatabase;
let server: TestServer;
let a: TestAgency;
let b: TestAgency;
let supervisor = '';
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  a = await makeAgency(ctx, { name: '凉州区市场监督管理局' });
  b = await makeAgency(ctx, { name: '凉州区教育局' });
  const sup = await makeUser(ctx, 'supervisor', '620602');
  server = await startTestServer(database, now);
  supervisor = await server.apiToken(sup.username);
});
after(async () => {
  await server.close();
  await database.close();
});

test('the console is served under /console, its client routes too, with the OpenAPI description beside it', async () => {
  for (const path of ['/console', '/console/case/GK2026-000001']) {
    const r = await server.request('GET', path);
    assert.equal(r.status, 200, path);
    assert.match(r.text, /<div id="root"><\/div>/);
    assert.equal(r.headers.get('cache-control'), 'no-store');
  }
  const spec = await server.request('GET', '/api/v1/openapi.json');
  assert.equal(spec.status, 200);
  for (const p of ['/api/v1/cases', '/api/v1/catalogue/items', '/api/v1/supervision/assessment'])
    assert.ok(spec.body.paths[p], `${p} described`);
  assert.ok(!Object.keys(spec.body.paths).some((p) => !p.startsWith('/api/v1/')), 'only the API is described');
  const docs = await server.request('GET', '/api/v1/docs/');
  assert.equal(docs.status, 200);
});

test('meta and users for the console: labels from the domain, users only in scope', async () => {
  const token = await server.apiToken(a.users.agency_admin.username);
  const meta = await server.request('GET', '/api/v1/meta', { token });
  assert.equal(meta.status, 200);
  assert.ok(meta.body.outcomes.some((o: { label: string }) => o.label === '予以公开'));
  assert.equal(meta.body.caseEvents.decided, '作出答复决定');
  assert.equal((await server.request('GET', '/api/v1/meta')).status, 401);
  const users = await server.request('GET', '/api/v1/users', { token });
  const names = users.body.users.map((u: { username: string }) => u.username);
  assert.ok(names.includes(a.users.operator.username));
  assert.ok(!names.includes(b.users.operator.username), 'another agency’s staff are not listed');
});

test('the supervisor’s dashboard numbers; refused to an agency’s staff', async () => {
  const r = await server.request('GET', '/api/v1/supervision/stats?region=620602&year=2026', { token: supervisor });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.byMonth.length, 12);
  assert.deepEqual(
    r.body.agencies.map((x: { agency: string }) => x.agency).sort(),
    ['凉州区市场监督管理局', '凉州区教育局'].sort(),
  );
  const op = await server.apiToken(a.users.operator.username);
  assert.equal(
    (await server.request('GET', '/api/v1/supervision/stats?region=620602&year=2026', { token: op })).status,
    404,
  );
});
