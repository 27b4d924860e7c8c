import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personApplication } from '../../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

/** 申请编号 past the six-digit boundary: application 1,000,000 is tracked, rated and found like application 1. */
let database: TestDatabase;
let server: TestServer;
let agency: TestAgency;
let operator: string;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));

before(async () => {
  database = await testDatabase();
  agency = await makeAgency(systemCtx(database, now), { name: '凉州区市场监督管理局' });
  server = await startTestServer(database, now);
  operator = await server.apiToken(agency.users.operator.username);
});
after(async () => {
  await server.close();
  await database.close();
});

const submit = async (description: string) => {
  const r = await server.request('POST', '/api/v1/applications', {
    body: personApplication(agency.creditCode, { description }),
  });
  assert.equal(r.status, 201, r.text);
  return r.body as { trackingNumber: string; queryCode: string };
};

test('999999 is followed by 1000000; old and new numbers are tracked, rated and searched', async () => {
  const old = await submit('请公开2025年度凉州区食品安全抽检计划');
  assert.match(old.trackingNumber, /^GK2026-\d{6}$/, 'six digits while the serial is small');
  await database.pool.query("select setval('application_tracking_seq', 999998)");
  const last6 = await submit('请公开2025年度凉州区药品安全专项整治方案');
  const first7 = await submit('请公开2025年度凉州区特种设备安全检查记录');
  assert.equal(last6.trackingNumber, 'GK2026-999999');
  assert.equal(first7.trackingNumber, 'GK2026-1000000');

  for (const a of [old, last6, first7]) {
    const api = await server.request(
      'GET',
      `/api/v1/applications/track?number=${a.trackingNumber}&code=${a.queryCode}`,
    );
    assert.equal(api.status, 200, `${a.trackingNumber}: ${api.text}`);
    assert.equal(api.body.trackingNumber, a.trackingNumber);
    // The portal takes the pair by POST only (never in a URL), then shows the case in a short session.
    const posted = await server.request('POST', '/track', {
      body: new URLSearchParams({ number: a.trackingNumber, code: a.queryCode }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(posted.status, 303, `${a.trackingNumber}: ${posted.text}`);
    const cookie = (posted.headers.get('set-cookie') ?? '').split(';')[0]!;
    const portal = await server.request('GET', '/track', { headers: { cookie } });
    assert.equal(portal.status, 200, a.trackingNumber);
    assert.ok(portal.text.includes(`申请 ${a.trackingNumber}`));
    const staff = await server.request('GET', `/api/v1/cases/${a.trackingNumber}`, { token: operator });
    assert.equal(staff.status, 200, staff.text);
  }

  // Rated once answered, by the seven-digit number.
  const decided = await server.request('POST', `/api/v1/cases/${first7.trackingNumber}/events`, {
    token: operator,
    body: { type: 'decided', date: '2026-03-02', outcome: 'granted' },
  });
  assert.equal(decided.status, 201, decided.text);
  const rate = await server.request('POST', '/track/rate', {
    body: new URLSearchParams({ number: first7.trackingNumber, code: first7.queryCode, score: '5' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(rate.status, 201, rate.text);

  // The staff list finds each by the whole number, its beginning and its serial alone.
  const found = async (q: string) =>
    (
      await server.request('GET', `/api/v1/cases?pageSize=100&q=${encodeURIComponent(q)}`, { token: operator })
    ).body.items.map((i: { trackingNumber: string }) => i.trackingNumber);
  assert.deepEqual(await found('GK2026-1000000'), ['GK2026-1000000']);
  assert.deepEqual(await found('1000000'), ['GK2026-1000000']);
  assert.deepEqual(await found('999999'), ['GK2026-999999']);
  assert.deepEqual(await found('000000'), [], 'the last six digits of 1000000 are not a serial');
  assert.deepEqual(await found(String(Number(old.trackingNumber.slice(-6)))), [old.trackingNumber]);
  assert.ok((await found('GK2026-10')).includes('GK2026-1000000'));

  // A malformed number is still a clear 404 / 400, never a 5xx.
  const bad = await server.request('POST', '/track', {
    body: new URLSearchParams({ number: 'GK2026-1234567890123', code: first7.queryCode }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(bad.status, 404, bad.text);
  const badCase = await server.request('GET', '/api/v1/cases/GK2026-12345', { token: operator });
  assert.equal(badCase.status, 400);
});
