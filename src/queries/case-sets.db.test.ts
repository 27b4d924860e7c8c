import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personApplication } from '../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, makeUser, systemCtx, type TestAgency } from '../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';
import { chinaDate } from '../domain/calendar/index.ts';
import { type CaseState, isOverdue } from '../domain/case/index.ts';
import { dueCases } from '../jobs/reminders.ts';

let database: TestDatabase;
let server: TestServer;
let agency: TestAgency;
let operator: string;
let approver: string;
let supervisor: string;
const now = fixedClock(new Date('2026-03-02T02:00:00Z')); // Monday 2026-03-02, 10:00 in Beijing
/** Tracking number → the state the case was brought to. */
const made = new Map<string, string>();

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  agency = await makeAgency(ctx);
  server = await startTestServer(database, now);
  operator = await server.apiToken(agency.users.operator.username);
  approver = await server.apiToken(agency.users.approver.username);
  supervisor = await server.apiToken((await makeUser(ctx, 'supervisor')).username);
});
after(async () => {
  await server.close();
  await database.close();
});

async function step(tn: string, body: Record<string, unknown>, token = operator) {
  const r = await server.request('POST', `/api/v1/cases/${tn}/events`, {
    token,
    body: { date: '2026-03-04', ...body },
  });
  assert.equal(r.status, 201, r.text);
}

/** A case brought through the events to a state (and, for in_progress, how it got there). */
async function caseIn(label: string, steps: Record<string, unknown>[]) {
  const r = await server.request('POST', '/api/v1/applications', {
    body: personApplication(agency.creditCode, { description: `请公开本机关2025年度${label}相关的政府信息` }),
  });
  assert.equal(r.status, 201, r.text);
  const tn = r.body.trackingNumber as string;
  for (const s of steps) await step(tn, s, s.type === 'reopened' ? approver : operator);
  made.set(tn, label);
  return tn;
}

test('in every state, the dashboard, the staff queue and the daily reminder count the same overdue cases', async () => {
  now.set(new Date('2026-03-04T02:00:00Z'));
  const decide = { type: 'decided', outcome: 'granted' };
  await caseIn('registered', []);
  await caseIn('awaiting_correction', [{ type: 'correction_requested', items: '请写明所需信息的年度' }]);
  await caseIn('in_progress', [
    { type: 'consultation_started', party: 'agency', partyName: '区教育局' },
    { type: 'consultation_ended' },
  ]);
  await caseIn('in_progress, consulting', [
    { type: 'consultation_started', party: 'third_party', partyName: '某公司' },
  ]);
  await caseIn('awaiting_payment', [{ type: 'fee_notice_sent', mode: 'per_volume', pages: 50 }]);
  await caseIn('decided', [decide]);
  await caseIn('served', [decide, { type: 'served', method: '邮寄' }]);
  await caseIn('closed', [decide, { type: 'served', method: '邮寄' }, { type: 'closed' }]);
  await caseIn('withdrawn', [{ type: 'withdrawn' }]);
  await caseIn('extension pending', [{ type: 'extension_requested', reason: '需调取档案' }]);
  await caseIn('reopened', [
    decide,
    { type: 'served', method: '邮寄' },
    { type: 'closed' },
    { type: 'reopened', reason: '复议决定责令重新答复' },
  ]);
  const states = await database.db
    .selectFrom('applications')
    .select(['tracking_number', 'state', 'reply_due', 'extension_pending'])
    .where('agency_id', '=', agency.id)
    .execute();
  const seen = new Set(states.map((s) => s.state));
  for (const s of [
    'registered',
    'awaiting_correction',
    'in_progress',
    'awaiting_payment',
    'decided',
    'served',
    'closed',
  ])
    assert.ok(seen.has(s), `a case in ${s}`);

  // Two months on, every running clock has run out.
  now.set(new Date('2026-05-11T02:00:00Z'));
  const today = chinaDate(now());
  const expected = states
    .filter((s) => isOverdue(s.state as CaseState, s.reply_due, today, s.extension_pending))
    .map((s) => s.tracking_number)
    .sort();
  // registered, in_progress after its consultation, the reopened case: not the one still consulting (clock
  // paused), nor the one whose extension awaits the head (extension_pending), nor those waiting on the
  // applicant, nor those answered.
  assert.deepEqual(expected.map((tn) => made.get(tn)).sort(), ['in_progress', 'registered', 'reopened']);

  const stats = await server.request('GET', `/api/v1/supervision/stats?region=620602&year=2026`, { token: supervisor });
  assert.equal(stats.status, 200, stats.text);
  const row = stats.body.agencies.find((a: { agencyId: string }) => a.agencyId === agency.id);
  assert.equal(row.overdue, expected.length, 'the dashboard');
  const queue = await server.request('GET', `/api/v1/cases?queue=overdue&agencyId=${agency.id}`, { token: supervisor });
  assert.deepEqual(queue.body.items.map((c: { trackingNumber: string }) => c.trackingNumber).sort(), expected, 'queue');
  const queues = await server.request('GET', '/api/v1/queues', { token: operator });
  assert.deepEqual(
    queues.body.overdue.map((c: { trackingNumber: string }) => c.trackingNumber).sort(),
    expected,
    'the workbench',
  );
  const reminded = (await dueCases(database.db, today)).filter((c) => c.agencyId === agency.id && c.deadline.overdue);
  assert.deepEqual(reminded.map((c) => c.trackingNumber).sort(), expected, 'the reminder');

  // Open: every case not closed, in the dashboard and in the open queue alike.
  const open = states
    .filter((s) => s.state !== 'closed')
    .map((s) => s.tracking_number)
    .sort();
  assert.equal(row.open, open.length);
  const openQueue = await server.request('GET', `/api/v1/cases?queue=open&agencyId=${agency.id}`, { token: operator });
  assert.deepEqual(openQueue.body.items.map((c: { trackingNumber: string }) => c.trackingNumber).sort(), open);
  // Waiting on the applicant: the correction and the fee.
  const waiting = await server.request('GET', '/api/v1/queues', { token: operator });
  assert.deepEqual(waiting.body.waitingOnApplicant.map((c: { state: string }) => c.state).sort(), [
    'awaiting_correction',
    'awaiting_payment',
  ]);
});
