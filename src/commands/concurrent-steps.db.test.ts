import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personApplication } from '../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, makeUser, systemCtx, type TestAgency } from '../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';

/** Workflow steps sent twice at once, as two users (or two tabs) would: one is taken, the other refused. */
let database: TestDatabase;
let server: TestServer;
let gov: TestAgency;
let dept: TestAgency;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const tk = { operator: '', reviewer: '', approver: '', supervisor: '' };

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  gov = await makeAgency(ctx, { name: '区人民政府（并发测试）', kind: 'government' });
  dept = await makeAgency(ctx, { name: '区市场监管局（并发测试）', parentAgencyId: gov.id });
  server = await startTestServer(database, now);
  tk.operator = await server.apiToken(dept.users.operator.username);
  tk.reviewer = await server.apiToken(dept.users.reviewer.username);
  tk.approver = await server.apiToken(dept.users.approver.username);
  tk.supervisor = await server.apiToken((await makeUser(ctx, 'supervisor', '620602')).username);
});
after(async () => {
  await server.close();
  await database.close();
});

const REFUSED = /已被他人处理，请刷新后重试|当前状态为/;
const itemStep = (id: string, step: string, token: string, body: unknown = {}) =>
  server.request('POST', `/api/v1/catalogue/items/${id}/${step}`, { token, body });

test('two approvals of one catalogue item at once: one publishes it, the other is refused with 409', async () => {
  for (let i = 0; i < 4; i++) {
    const r = await server.request('POST', '/api/v1/catalogue/items', {
      token: tk.operator,
      body: { title: `关于开展第${i + 1}批食品安全抽检工作的通知`, genre: 'notice', bodyHtml: '<p>现通知如下。</p>' },
    });
    assert.equal(r.status, 201, r.text);
    const id = r.body.id as string;
    assert.equal((await itemStep(id, 'submit', tk.operator)).status, 200);
    assert.equal((await itemStep(id, 'review', tk.reviewer, { disclosure: 'proactive' })).status, 200);
    const [a, b] = await Promise.all([itemStep(id, 'approve', tk.approver), itemStep(id, 'approve', tk.approver)]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409], `${a.text} ${b.text}`);
    assert.match((a.status === 409 ? a : b).body.error.message, REFUSED);
  }
  // One 索引号 per item: the refused approval took none.
  const seq = await database.db.selectFrom('index_sequences').select('last').where('agency_id', '=', dept.id).execute();
  assert.deepEqual(
    seq.map((s) => s.last),
    [4],
  );
  const audits = await database.db
    .selectFrom('audit_events')
    .select('action')
    .where('action', '=', 'catalogue.approve')
    .execute();
  assert.equal(audits.length, 4);
});

test('a supervisor returning and accepting one report at once: one decision is taken, the other refused', async () => {
  const base = `/api/v1/reports/${dept.id}/2026`;
  assert.equal((await server.request('POST', `${base}/submit`, { token: tk.operator })).status, 200);
  const [ret, acc] = await Promise.all([
    server.request('POST', `${base}/return`, { token: tk.supervisor, body: { comment: '请补充许可数据' } }),
    server.request('POST', `${base}/accept`, { token: tk.supervisor }),
  ]);
  assert.deepEqual([ret.status, acc.status].sort(), [200, 409], `${ret.text} ${acc.text}`);
  assert.match((ret.status === 409 ? ret : acc).body.error.message, REFUSED);
  const row = await database.db
    .selectFrom('annual_reports')
    .select(['status', 'comments'])
    .where('agency_id', '=', dept.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, ret.status === 200 ? 'returned' : 'accepted');
});

test('two edits of a report’s text at once both land', async () => {
  const base = `/api/v1/reports/${gov.id}/2026`;
  const token = await server.apiToken(gov.users.operator.username);
  const [a, b] = await Promise.all([
    server.request('PUT', `${base}/narrative`, { token, body: { overview: '本年度公开工作总体情况。' } }),
    server.request('PUT', `${base}/narrative`, { token, body: { problems: '存在的主要问题及改进情况。' } }),
  ]);
  assert.deepEqual([a.status, b.status], [200, 200], `${a.text} ${b.text}`);
  const row = await database.db
    .selectFrom('annual_reports')
    .select('narrative')
    .where('agency_id', '=', gov.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row.narrative, { overview: '本年度公开工作总体情况。', problems: '存在的主要问题及改进情况。' });
});

test('two updates of one appeal at once: the note one of them gives is kept by the other', async () => {
  const app = await server.request('POST', '/api/v1/applications', {
    body: personApplication(dept.creditCode, { description: '请公开2025年度行政许可决定书目录' }),
  });
  const tn = app.body.trackingNumber as string;
  const filed = await server.request('POST', `/api/v1/cases/${tn}/appeals`, {
    token: tk.operator,
    body: { kind: 'reconsideration', filedDate: '2026-03-02' },
  });
  assert.equal(filed.status, 201, filed.text);
  const patch = (body: unknown) =>
    server.request('PATCH', `/api/v1/appeals/${filed.body.id}`, { token: tk.operator, body });
  for (let i = 0; i < 3; i++) {
    const note = `复议机关第${i + 1}次来函`;
    const [a, b] = await Promise.all([patch({ result: 'pending', note }), patch({ result: 'pending' })]);
    assert.deepEqual([a.status, b.status], [200, 200]);
    const row = await database.db
      .selectFrom('appeals')
      .select('note')
      .where('id', '=', filed.body.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.note, note);
  }
});
