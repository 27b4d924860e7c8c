import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, makeUser, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let database: TestDatabase;
let server: TestServer;
let agency: TestAgency;
let adminToken: string;
const now = fixedClock();

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  agency = await makeAgency(ctx);
  const admin = await makeUser(ctx, 'sysadmin');
  server = await startTestServer(database, now);
  adminToken = await server.login(admin.username);
});
after(async () => {
  await server.close();
  await database.close();
});

test('POST /api/v1/deadline: public calculator, one case or an array, with the trace', async () => {
  const one = await server.request('POST', '/api/v1/deadline', {
    body: { received: { date: '2020-01-20', channel: 'online' }, events: [] },
  });
  assert.equal(one.status, 200);
  assert.equal(one.body.replyDue, '2020-02-25');
  assert.equal(one.body.correctionNoticeDue, '2020-02-06');
  assert.match(one.body.trace.at(-1).text, /第三十三条/);
  const many = await server.request('POST', '/api/v1/deadline', {
    body: [
      { received: { date: '2020-01-20', channel: 'online' }, events: [] },
      { received: { date: '2024-09-27', channel: 'post' }, events: [] },
    ],
  });
  assert.deepEqual(
    many.body.map((r: { replyDue: string }) => r.replyDue),
    ['2020-02-25', '2024-10-30'],
  );
});

test('POST /api/v1/deadline: invalid input answers 400 with the reason in Chinese', async () => {
  const cases: [unknown, RegExp][] = [
    [{ received: { date: '2021-02-30', channel: 'online' }, events: [] }, /不是有效日期/],
    [
      {
        received: { date: '2021-03-01', channel: 'online' },
        events: [{ type: 'consultation_ended', date: '2021-03-02' }],
      },
      /没有未结束的征求意见/,
    ],
    [
      {
        received: { date: '2021-03-01', channel: 'online' },
        events: [{ type: 'extension_approved', date: '2021-03-02', workdays: 30 }],
      },
      /最长20个工作日/,
    ],
    [
      { received: { date: '2021-03-01', channel: 'online' }, events: [{ type: 'fee_paid', date: '2021-02-02' }] },
      /早于收到申请日期/,
    ],
    ['not json at all', /JSON|请提交/],
  ];
  for (const [body, re] of cases) {
    const r = await server.request('POST', '/api/v1/deadline', { body });
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.match(r.body.error.message, re);
  }
});

test('calendar admin: only system admins may change days; the change is audited and shown', async () => {
  const op = await server.login(agency.users.operator.username);
  const denied = await server.request('PUT', '/api/v1/calendar/days/2026-03-10', {
    token: op,
    body: { kind: 'holiday', reason: '地方节日' },
  });
  assert.equal(denied.status, 404);
  const bad = await server.request('PUT', '/api/v1/calendar/days/2026-02-30', {
    token: adminToken,
    body: { kind: 'holiday', reason: '地方节日' },
  });
  assert.equal(bad.status, 400);
  const ok = await server.request('PUT', '/api/v1/calendar/days/2026-03-10', {
    token: adminToken,
    body: { kind: 'holiday', regionCode: '620602', name: '地方纪念日', reason: '凉州区人民政府通知' },
  });
  assert.equal(ok.status, 200, ok.text);
  const district = await server.request('GET', '/api/v1/calendar/2026?region=620602');
  assert.ok(district.body.days.some((d: { date: string; work: boolean }) => d.date === '2026-03-10' && !d.work));
  const national = await server.request('GET', '/api/v1/calendar/2026');
  assert.ok(!national.body.days.some((d: { date: string }) => d.date === '2026-03-10'));
  // The agency's region calendar applies to its deadlines.
  const dl = await server.request('POST', '/api/v1/deadline', {
    body: { agency: agency.creditCode, cases: { received: { date: '2026-03-09', channel: 'in_person' }, events: [] } },
  });
  const plain = await server.request('POST', '/api/v1/deadline', {
    body: { received: { date: '2026-03-09', channel: 'in_person' }, events: [] },
  });
  assert.ok(dl.body.replyDue > plain.body.replyDue);
  const audit = await server.request('GET', '/api/v1/audit?action=calendar.', { token: adminToken });
  assert.equal(audit.body.items[0].action, 'calendar.day_set');
});

test('entering a year notice makes 2027 official (no longer provisional)', async () => {
  const before = await server.request('POST', '/api/v1/deadline', {
    body: { received: { date: '2026-12-20', channel: 'online' }, events: [] },
  });
  assert.equal(before.body.provisional, true);
  const r = await server.request('POST', '/api/v1/calendar/years', {
    token: adminToken,
    body: { year: 2027, notice: '国务院办公厅关于2027年部分节假日安排的通知' },
  });
  assert.equal(r.status, 201, r.text);
  const after = await server.request('POST', '/api/v1/deadline', {
    body: { received: { date: '2026-12-20', channel: 'online' }, events: [] },
  });
  assert.equal(after.body.provisional, false);
});
