import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personApplication } from '../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, makeUser, systemCtx, type TestAgency } from '../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';
import { chinaDate } from '../domain/calendar/index.ts';
import { dueCases } from '../jobs/reminders.ts';

/** Review loops with words (issue #18): history written with the steps, 退回 with reasons, the head's workbench. */
let database: TestDatabase;
let server: TestServer;
let gov: TestAgency;
let dept: TestAgency;
const now = fixedClock(new Date('2026-03-02T02:00:00Z')); // Monday, 10:00 in Beijing
const tk = { operator: '', reviewer: '', approver: '', supervisor: '' };

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  gov = await makeAgency(ctx, { name: '区人民政府（审查记录）', kind: 'government' });
  dept = await makeAgency(ctx, { name: '区市场监管局（审查记录）', parentAgencyId: gov.id });
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

const post = (path: string, token: string, body: unknown = {}, headers?: Record<string, string>) =>
  server.request('POST', path, { token, body, headers });
const get = (path: string, token: string) => server.request('GET', path, { token });

async function newCase(what: string) {
  const r = await server.request('POST', '/api/v1/applications', {
    body: personApplication(dept.creditCode, { description: `请公开本机关2025年度${what}的相关文件` }),
  });
  assert.equal(r.status, 201, r.text);
  return r.body.trackingNumber as string;
}
const event = (tn: string, token: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  post(`/api/v1/cases/${tn}/events`, token, { date: chinaDate(now()), ...body }, headers);

test('an item returned without a comment is refused on its field; with one, the history names who, when and why', async () => {
  const made = await post('/api/v1/catalogue/items', tk.operator, {
    title: '关于开展食品安全抽检工作的通知',
    genre: 'notice',
    bodyHtml: '<p>现通知如下。</p>',
  });
  assert.equal(made.status, 201, made.text);
  const id = made.body.id as string;
  const base = `/api/v1/catalogue/items/${id}`;
  assert.equal((await post(`${base}/submit`, tk.operator)).status, 200);

  for (const body of [{}, { comment: '   ' }, { reason: '请修改后重新提交' }]) {
    const bare = await post(`${base}/return`, tk.reviewer, body);
    assert.equal(bare.status, 400, bare.text);
    assert.equal(bare.body.error.details[0].path, 'comment');
    assert.match(bare.body.error.details[0].message, /退回须填写退回意见/);
  }
  const still = await get(base, tk.operator);
  assert.equal(still.body.state, 'in_review', 'a refused return changes nothing');

  const ret = await post(`${base}/return`, tk.reviewer, { comment: '第二段的抽检范围写错了，请核对后重新提交' });
  assert.equal(ret.status, 200, ret.text);
  const h = await get(`${base}/reviews`, tk.operator);
  assert.equal(h.status, 200, h.text);
  assert.deepEqual(
    h.body.items.map((e: { decision: string }) => e.decision),
    ['submitted', 'returned'],
  );
  const last = h.body.items[1];
  assert.equal(last.decisionLabel, '退回');
  assert.equal(last.comment, '第二段的抽检范围写错了，请核对后重新提交');
  assert.equal(last.by, `${dept.name}reviewer`, 'the display name, not the login name');
  assert.equal(new Date(last.at).getTime(), now().getTime());

  const wb = await get('/api/v1/workbench/reviews', tk.operator);
  assert.equal(wb.status, 200, wb.text);
  const mine = wb.body.returned.find((r: { id: string }) => r.id === id);
  assert.ok(mine, 'the operator sees the return on the workbench');
  assert.equal(mine.by, `${dept.name}reviewer`);
  assert.equal(mine.comment, '第二段的抽检范围写错了，请核对后重新提交');
  // Resubmitted, it leaves the returned list.
  assert.equal((await post(`${base}/submit`, tk.operator)).status, 200);
  const again = await get('/api/v1/workbench/reviews', tk.operator);
  assert.ok(!again.body.returned.some((r: { id: string }) => r.id === id));
  // Another agency's staff see neither the history nor the return.
  const other = await makeAgency(systemCtx(database, now), { name: '别的局（审查记录）' });
  const stranger = await server.apiToken(other.users.operator.username);
  assert.equal((await get(`${base}/reviews`, stranger)).status, 404);
});

test('the supervisor returns an annual report only with a comment, written to its history', async () => {
  const base = `/api/v1/reports/${dept.id}/2025`;
  assert.equal((await post(`${base}/submit`, tk.operator)).status, 200);
  const bare = await post(`${base}/return`, tk.supervisor, {});
  assert.equal(bare.status, 400, bare.text);
  assert.equal(bare.body.error.details[0].path, 'comment');
  const ret = await post(`${base}/return`, tk.supervisor, { comment: '行政许可数据与上年结转不一致' });
  assert.equal(ret.status, 200, ret.text);
  const h = await get(`${base}/reviews`, tk.operator);
  assert.deepEqual(
    h.body.items.map((e: { decision: string; comment: string | null }) => [e.decision, e.comment]),
    [
      ['submitted', null],
      ['returned', '行政许可数据与上年结转不一致'],
    ],
  );
  const wb = await get('/api/v1/workbench/reviews', tk.operator);
  const r = wb.body.returned.find((x: { kind: string }) => x.kind === 'annual_report');
  assert.equal(r.id, `${dept.id}/2025`);
  assert.equal(r.comment, '行政许可数据与上年结转不一致');
});

test('the head approves one extension and refuses another from the workbench; each step has its words', async () => {
  now.set(new Date('2026-03-02T02:00:00Z'));
  const a = await newCase('行政许可');
  const b = await newCase('行政处罚');
  for (const tn of [a, b])
    assert.equal((await event(tn, tk.operator, { type: 'extension_requested', reason: '需调取档案' })).status, 201);

  const asOperator = await get('/api/v1/workbench/reviews', tk.operator);
  const seen = asOperator.body.extensions.find((x: { trackingNumber: string }) => x.trackingNumber === a);
  assert.deepEqual([seen.mayApprove, seen.mayRefuse], [false, false], 'the operator may not decide');
  const wb = await get('/api/v1/workbench/reviews', tk.approver);
  const ext = wb.body.extensions.find((x: { trackingNumber: string }) => x.trackingNumber === a);
  assert.deepEqual([ext.mayApprove, ext.mayRefuse], [true, true]);
  assert.equal(ext.reason, '需调取档案');
  assert.equal(ext.requestedBy, `${dept.name}operator`);
  assert.equal(ext.deadline.status, 'extension_pending');

  // The operator is refused the head's steps.
  assert.equal((await event(a, tk.operator, { type: 'extension_refused', reason: '不同意' })).status, 403);
  const noReason = await event(b, tk.approver, { type: 'extension_refused', reason: '' });
  assert.equal(noReason.status, 400, noReason.text);
  assert.equal((await event(a, tk.approver, { type: 'extension_approved', workdays: 20, reason: '同意' })).status, 201);
  const refused = await event(b, tk.approver, { type: 'extension_refused', reason: '档案已在本机关，无需延期' });
  assert.equal(refused.status, 201, refused.text);
  assert.equal(refused.body.replyDue, (await get(`/api/v1/cases/${b}`, tk.operator)).body.clock.replyDue);

  const after = await get('/api/v1/workbench/reviews', tk.approver);
  assert.ok(!after.body.extensions.some((x: { trackingNumber: string }) => [a, b].includes(x.trackingNumber)));
  const hb = await get(`/api/v1/cases/${b}/reviews`, tk.operator);
  assert.deepEqual(
    hb.body.items.map((e: { decisionLabel: string; comment: string }) => [e.decisionLabel, e.comment]),
    [
      ['申请延期', '需调取档案'],
      ['不批准', '档案已在本机关，无需延期'],
    ],
  );
  const caseB = await get(`/api/v1/cases/${b}`, tk.approver);
  assert.equal(caseB.body.extensionPending, false);
  assert.ok(!caseB.body.allowedEvents.includes('extension_refused'), 'nothing left to refuse');
  // Refused, the extension step is done: neither asked for again nor approved afterwards.
  const opB = await get(`/api/v1/cases/${b}`, tk.operator);
  assert.ok(!opB.body.allowedEvents.includes('extension_requested'));
  assert.ok(!caseB.body.allowedEvents.includes('extension_approved'));
  assert.equal((await event(b, tk.operator, { type: 'extension_requested', reason: '再次申请' })).status, 409);
  assert.equal(caseB.body.events.at(-1).actor, `${dept.name}approver`, 'the timeline names people');
});

test('a pending extension is not overdue: the queue, the dashboard and the reminder agree', async () => {
  now.set(new Date('2026-03-02T02:00:00Z'));
  const pending = await newCase('行政强制');
  const late = await newCase('行政检查');
  assert.equal((await event(pending, tk.operator, { type: 'extension_requested', reason: '需会商' })).status, 201);
  now.set(new Date('2026-05-11T02:00:00Z'));
  const today = chinaDate(now());
  const queue = await get(`/api/v1/cases?queue=overdue&agencyId=${dept.id}`, tk.operator);
  const overdue = queue.body.items.map((c: { trackingNumber: string }) => c.trackingNumber);
  assert.ok(overdue.includes(late));
  assert.ok(!overdue.includes(pending), 'the queue');
  const queues = await get('/api/v1/queues', tk.operator);
  assert.ok(!queues.body.overdue.some((c: { trackingNumber: string }) => c.trackingNumber === pending));
  const stats = await get(`/api/v1/supervision/stats?region=620602&year=2026`, tk.supervisor);
  const row = stats.body.agencies.find((x: { agencyId: string }) => x.agencyId === dept.id);
  assert.equal(row.overdue, overdue.length, 'the dashboard');
  const reminded = (await dueCases(database.db, today)).filter((c) => c.agencyId === dept.id && c.deadline.overdue);
  assert.deepEqual(reminded.map((c) => c.trackingNumber).sort(), [...overdue].sort(), 'the reminder');
  const view = await get(`/api/v1/cases/${pending}`, tk.operator);
  assert.equal(view.body.clock.status.status, 'extension_pending');
  assert.equal(view.body.clock.status.overdue, false);
  // Past the reply period the head may still refuse, not approve (条例第三十三条第一款).
  const wb = await get('/api/v1/workbench/reviews', tk.approver);
  const ext = wb.body.extensions.find((x: { trackingNumber: string }) => x.trackingNumber === pending);
  assert.deepEqual([ext.mayApprove, ext.mayRefuse], [false, true]);
});

test('an appeal or event posted twice with one Idempotency-Key is recorded once and answered the same', async () => {
  now.set(new Date('2026-03-02T02:00:00Z'));
  const tn = await newCase('信访');
  const body = { kind: 'reconsideration', filedDate: '2026-03-02', result: 'pending' };
  const key = { 'idempotency-key': 'appeal-dblclick-0001' };
  const [first, second] = await Promise.all([
    post(`/api/v1/cases/${tn}/appeals`, tk.operator, body, key),
    post(`/api/v1/cases/${tn}/appeals`, tk.operator, body, key),
  ]);
  assert.equal(first.status, 201, first.text);
  assert.equal(second.status, 201, second.text);
  assert.equal(first.body.id, second.body.id);
  const third = await post(`/api/v1/cases/${tn}/appeals`, tk.operator, body, key);
  assert.equal(third.body.id, first.body.id);
  const view = await get(`/api/v1/cases/${tn}`, tk.operator);
  assert.equal(view.body.appeals.length, 1);
  // The same key for another body is refused; another key records another appeal.
  const changed = await post(`/api/v1/cases/${tn}/appeals`, tk.operator, { ...body, note: '另一份复议申请' }, key);
  assert.equal(changed.status, 409, changed.text);
  const other = await post(`/api/v1/cases/${tn}/appeals`, tk.operator, body, { 'idempotency-key': 'appeal-0002x' });
  assert.notEqual(other.body.id, first.body.id);
  const bad = await post(`/api/v1/cases/${tn}/appeals`, tk.operator, body, { 'idempotency-key': 'x' });
  assert.equal(bad.status, 400);

  // Events: a consultation started twice by a double click is one event.
  const ev = { type: 'consultation_started', party: 'third_party', partyName: '某公司' };
  const evKey = { 'idempotency-key': 'event-dblclick-0001' };
  const [e1, e2] = await Promise.all([event(tn, tk.operator, ev, evKey), event(tn, tk.operator, ev, evKey)]);
  assert.equal(e1.status, 201, e1.text);
  assert.deepEqual(e2.body, e1.body);
  const events = (await get(`/api/v1/cases/${tn}`, tk.operator)).body.events;
  assert.equal(events.filter((e: { type: string }) => e.type === 'consultation_started').length, 1);
  // Kept per user: the same key from another user is that user's own.
  const stored = await database.db.selectFrom('idempotency_keys').select('scope').execute();
  assert.ok(stored.some((s) => s.scope === `appeal:${dept.users.operator.id}`));
});

test('where replies need the head, the approver’s workbench lists the cases to decide; the operator’s does not', async () => {
  now.set(new Date('2026-03-02T02:00:00Z'));
  await database.db
    .updateTable('agencies')
    .set({ settings: JSON.stringify({ requireApprovalForDecision: true }) })
    .where('id', '=', dept.id)
    .execute();
  const tn = await newCase('价格监督');
  const head = await get('/api/v1/workbench/reviews', tk.approver);
  assert.ok(head.body.decisions.some((d: { trackingNumber: string }) => d.trackingNumber === tn));
  const op = await get('/api/v1/workbench/reviews', tk.operator);
  assert.deepEqual(op.body.decisions, []);
  assert.equal((await event(tn, tk.approver, { type: 'decided', outcome: 'granted' })).status, 201);
  const after = await get('/api/v1/workbench/reviews', tk.approver);
  assert.ok(!after.body.decisions.some((d: { trackingNumber: string }) => d.trackingNumber === tn));
  await database.db
    .updateTable('agencies')
    .set({ settings: JSON.stringify({}) })
    .where('id', '=', dept.id)
    .execute();
});
