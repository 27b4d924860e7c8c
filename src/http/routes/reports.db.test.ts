import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personApplication } from '../../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, makeUser, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let database: TestDatabase;
let server: TestServer;
let gov: TestAgency;
let dept: TestAgency;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const tk = { op: '', ap: '', sup: '', govAp: '' };

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  gov = await makeAgency(ctx, { name: '凉州区人民政府（测试）', kind: 'government' });
  dept = await makeAgency(ctx, { name: '凉州区市场监管局（测试）', parentAgencyId: gov.id });
  const sup = await makeUser(ctx, 'supervisor', '620602');
  server = await startTestServer(database, now);
  tk.op = await server.apiToken(dept.users.operator.username);
  tk.ap = await server.apiToken(dept.users.approver.username);
  tk.govAp = await server.apiToken(gov.users.approver.username);
  tk.sup = await server.apiToken(sup.username);
});
after(async () => {
  await server.close();
  await database.close();
});

const report = async (agencyId: string, token = tk.op) =>
  (await server.request('GET', `/api/v1/reports/${agencyId}/2026`, { token })).body;

test('recording a decision changes the year report by exactly one, in its row and applicant column', async () => {
  const r = await server.request('POST', '/api/v1/applications', { body: personApplication(dept.creditCode) });
  const tn = r.body.trackingNumber;
  const before = await report(dept.id);
  assert.equal(before.applications.new.natural_person, 1);
  assert.equal(before.applications.carried_forward.natural_person, 1);
  const e = await server.request('POST', `/api/v1/cases/${tn}/events`, {
    token: tk.op,
    body: {
      type: 'decided',
      date: '2026-03-02',
      outcome: 'unavailable_not_held',
      reasons: '经检索，本机关未制作该信息',
    },
  });
  assert.equal(e.status, 201, e.text);
  const afterR = await report(dept.id);
  const changed: string[] = [];
  for (const [row, cols] of Object.entries(afterR.applications as Record<string, Record<string, number>>)) {
    for (const [col, v] of Object.entries(cols))
      if (v !== before.applications[row][col]) changed.push(`${row}.${col}:${before.applications[row][col]}→${v}`);
  }
  assert.deepEqual(changed.sort(), [
    'carried_forward.natural_person:1→0',
    'carried_forward.total:1→0',
    'total.natural_person:0→1',
    'total.total:0→1',
    'unavailable_not_held.natural_person:0→1',
    'unavailable_not_held.total:0→1',
  ]);
});

test('the government report rolls up its departments', async () => {
  const g = await report(gov.id, tk.govAp);
  assert.equal(g.applications.new.total, 1);
  assert.deepEqual(
    g.departments.map((d: { id: string }) => d.id),
    [dept.id],
  );
});

test('workflow: a failing report is published only with an approver override; the portal shows published reports only', async () => {
  // Figures from other systems are blank: M fails.
  const early = await server.request('POST', `/api/v1/reports/${dept.id}/2026/publish`, { token: tk.ap });
  assert.equal(early.status, 409, 'a department publishes after its 主管部门 accepts');
  assert.equal((await server.request('POST', `/api/v1/reports/${dept.id}/2026/submit`, { token: tk.op })).status, 200);
  assert.equal(
    (await server.request('POST', `/api/v1/reports/${dept.id}/2026/accept`, { token: tk.op })).status,
    403,
    'operators cannot accept their own report',
  );
  const ret = await server.request('POST', `/api/v1/reports/${dept.id}/2026/return`, { token: tk.sup });
  assert.equal(ret.status, 400);
  assert.equal(
    (
      await server.request('POST', `/api/v1/reports/${dept.id}/2026/return`, {
        token: tk.sup,
        body: { comment: '请补充许可数据' },
      })
    ).status,
    200,
  );
  await server.request('POST', `/api/v1/reports/${dept.id}/2026/submit`, { token: tk.op });
  assert.equal((await server.request('POST', `/api/v1/reports/${dept.id}/2026/accept`, { token: tk.sup })).status, 200);
  assert.equal((await server.request('GET', `/agencies/${dept.id}/reports/2026`)).status, 404);
  const refused = await server.request('POST', `/api/v1/reports/${dept.id}/2026/publish`, { token: tk.ap });
  assert.equal(refused.status, 409);
  assert.match(refused.body.error.message, /校验不通过/);
  const ok = await server.request('POST', `/api/v1/reports/${dept.id}/2026/publish`, {
    token: tk.ap,
    body: { overrideReason: '许可等数据由上级系统另行公布' },
  });
  assert.equal(ok.status, 200, ok.text);
  const pageR = await server.request('GET', `/agencies/${dept.id}/reports/2026`);
  assert.equal(pageR.status, 200);
  assert.match(pageR.text, /三、收到和处理政府信息公开申请情况/);
  assert.match(pageR.text, /<svg/);
  const pdf = await fetch(`${server.url}/agencies/${dept.id}/reports/2026/download.pdf`);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
});

test('the supervisor sees every agency of the region with its report status, deadline and failing checks', async () => {
  const r = await server.request('GET', '/api/v1/reports/status?year=2026', { token: tk.sup });
  assert.equal(r.status, 200, r.text);
  const byId = Object.fromEntries(r.body.items.map((i: { agencyId: string }) => [i.agencyId, i]));
  assert.equal(byId[dept.id].status, 'published');
  assert.equal(byId[dept.id].deadline, '2027-01-31');
  assert.equal(byId[gov.id].deadline, '2027-03-31');
  assert.ok(byId[gov.id].failures > 0);
  const op = await server.request('GET', '/api/v1/reports/status?year=2026', { token: tk.op });
  assert.deepEqual(
    op.body.items.map((i: { agencyId: string }) => i.agencyId),
    [dept.id],
  );
});
