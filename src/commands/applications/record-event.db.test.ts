import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personApplication } from '../../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let database: TestDatabase;
let server: TestServer;
let strict: TestAgency;
let plain: TestAgency;
const tokens = { strictOperator: '', strictApprover: '', operator: '', approver: '' };
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  strict = await makeAgency(ctx, { name: '须经负责人批准答复的局' });
  plain = await makeAgency(ctx, { name: '公开专员可答复的局' });
  await database.db
    .updateTable('agencies')
    .set({ settings: JSON.stringify({ requireApprovalForDecision: true }) })
    .where('id', '=', strict.id)
    .execute();
  server = await startTestServer(database, now);
  tokens.strictOperator = await server.apiToken(strict.users.operator.username);
  tokens.strictApprover = await server.apiToken(strict.users.approver.username);
  tokens.operator = await server.apiToken(plain.users.operator.username);
  tokens.approver = await server.apiToken(plain.users.approver.username);
});
after(async () => {
  await server.close();
  await database.close();
});

async function newCase(a: TestAgency, what: string) {
  const r = await server.request('POST', '/api/v1/applications', {
    body: personApplication(a.creditCode, { description: `请公开本机关2025年度${what}的相关文件` }),
  });
  assert.equal(r.status, 201, r.text);
  return r.body.trackingNumber as string;
}
const event = (tn: string, token: string, body: Record<string, unknown>) =>
  server.request('POST', `/api/v1/cases/${tn}/events`, { token, body: { date: '2026-03-02', ...body } });
const offered = async (tn: string, token: string) =>
  (await server.request('GET', `/api/v1/cases/${tn}`, { token })).body.allowedEvents as string[];

test('where decisions need the head’s approval, the operator is not offered 作出答复 and is refused it', async () => {
  const tn = await newCase(strict, '行政许可');
  assert.ok(!(await offered(tn, tokens.strictOperator)).includes('decided'));
  assert.ok((await offered(tn, tokens.strictOperator)).includes('fee_notice_sent'));
  const refused = await event(tn, tokens.strictOperator, { type: 'decided', outcome: 'granted' });
  assert.equal(refused.status, 403);
  assert.match(refused.body.error.message, /负责人/);
  assert.ok((await offered(tn, tokens.strictApprover)).includes('decided'));
  assert.equal((await event(tn, tokens.strictApprover, { type: 'decided', outcome: 'granted' })).status, 201);
  // Elsewhere the operator decides.
  const other = await newCase(plain, '行政处罚');
  assert.ok((await offered(other, tokens.operator)).includes('decided'));
  assert.equal((await event(other, tokens.operator, { type: 'decided', outcome: 'granted' })).status, 201);
});

test('every action the case view offers is one the command accepts, and steps done are not offered again', async () => {
  const tn = await newCase(plain, '财政预算');
  assert.ok(!(await offered(tn, tokens.operator)).includes('consultation_ended'), 'no consultation open');
  assert.equal((await event(tn, tokens.operator, { type: 'consultation_ended' })).status, 409);
  assert.equal((await event(tn, tokens.operator, { type: 'extension_requested', reason: '需调取档案' })).status, 201);
  assert.ok(!(await offered(tn, tokens.operator)).includes('extension_requested'), 'already asked');
  assert.ok((await offered(tn, tokens.approver)).includes('extension_approved'));
  assert.equal((await event(tn, tokens.approver, { type: 'extension_approved', workdays: 10 })).status, 201);
  assert.ok(!(await offered(tn, tokens.approver)).includes('extension_approved'), 'approved once');
  const again = await event(tn, tokens.approver, { type: 'extension_approved', workdays: 5 });
  assert.equal(again.status, 409);
  assert.match(again.body.error.message, /已批准延期答复/);
  for (const e of await offered(tn, tokens.operator)) assert.notEqual(e, 'extension_approved');
});

test('two decisions recorded at once: one is taken, the other refused with 409', async () => {
  const tn = await newCase(plain, '统计信息');
  const body = { type: 'decided', outcome: 'granted' };
  const [a, b] = await Promise.all([event(tn, tokens.operator, body), event(tn, tokens.approver, body)]);
  assert.deepEqual([a.status, b.status].sort(), [201, 409], `${a.text} ${b.text}`);
  const letters = await database.db
    .selectFrom('letters as l')
    .innerJoin('applications as a', 'a.id', 'l.application_id')
    .select('l.kind')
    .where('a.tracking_number', '=', tn)
    .execute();
  assert.deepEqual(letters.map((l) => l.kind).sort(), ['receipt', 'reply.granted']);
});
