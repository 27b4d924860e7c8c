import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personApplication } from '../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, makeUser, systemCtx, type TestAgency } from '../../test/helpers/factory.ts';
import { submitApplication } from '../commands/applications/intake.ts';
import type { Actor } from '../domain/access/index.ts';
import { letterForApplicant, letterForStaff } from '../queries/letters.ts';
import { QUERY_CODE_NOT_KEPT } from './letter-seal.ts';
import { openMail, outboxDedupeKey } from './outbox.ts';
import { decrypt } from './pii.ts';
import { preparePersonalData } from './seal-at-rest.ts';

// Migration 0015's start-up step: rows written in clear by earlier versions are sealed once, losslessly.
const KEY = Buffer.alloc(32, 7);
const NAME = '郭志远';
const PARTY = '马晓梅';
const DELIVERY = '邮寄至凉州区北关市场南巷十七号院收发室';

let database: TestDatabase;
let agency: TestAgency;
let supervisor: Actor;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
let tn: string;
let code: string;
let appId: string;
const legacy = {
  receipt: [] as string[],
  consult: [] as string[],
};
let answerBefore: unknown;

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  agency = await makeAgency(ctx);
  supervisor = (await makeUser(ctx, 'supervisor', '620602')).actor;
  const base = personApplication(agency.creditCode);
  const body = { ...base, applicant: { ...base.applicant, name: NAME } };
  const r = await submitApplication({ ...ctx, actor: null }, body, 'legacy-answer-0001');
  tn = r.trackingNumber;
  code = r.queryCode;
  appId = (
    await database.db
      .selectFrom('applications')
      .select('id')
      .where('tracking_number', '=', tn)
      .executeTakeFirstOrThrow()
  ).id;
  // What a version before 0015 left: letters with the name and code printed, clear mail, a clear answer,
  // the delivery in clear.
  legacy.receipt = [
    `${NAME}：`,
    `本机关已于2026年3月2日收到您（单位）提出的政府信息公开申请，申请获取“关于${NAME}所提问题的答复”。`,
    `申请编号：${tn}　查询码：${code}`,
    '凉州区市场监督管理局\n\n2026年3月2日',
  ];
  legacy.consult = [`${PARTY}：`, `本机关收到政府信息公开申请（编号：${tn}），可能涉及贵方的合法权益。`];
  await database.db
    .insertInto('application_events')
    .values({
      agency_id: agency.id,
      application_id: appId,
      seq: 2,
      type: 'consultation_started',
      date: '2026-03-02',
      data: JSON.stringify({ party: 'third_party', partyName: PARTY }),
    })
    .execute();
  await database.pool.query(
    `insert into letters (agency_id, application_id, kind, title, body, issued_date, event_seq) values
       ($5, $1, 'receipt', $2, $3, '2026-03-02', 1), ($5, $1, 'third_party', '征求第三方意见书', $4, '2026-03-02', 2)`,
    [appId, `${NAME}的登记回执`, JSON.stringify(legacy.receipt), JSON.stringify(legacy.consult), agency.id],
  );
  await database.pool.query(
    `insert into mail_outbox (legacy_to_address, subject, legacy_body, dedupe_key, last_error) values
       ('guo@example.org', $1, $2, 'due:2026-03-02:guo@example.org', '550 <guo@example.org> unknown')`,
    [`已收到您的申请（${tn}）`, `${NAME}：\n申请编号：${tn}\n查询码：${code}\n`],
  );
  const ans = await database.pool.query(`select response from idempotency_keys where key = 'legacy-answer-0001'`);
  answerBefore = decrypt(KEY, ans.rows[0].response.sealed);
  await database.pool.query(`update idempotency_keys set response = $1 where key = 'legacy-answer-0001'`, [
    JSON.stringify(answerBefore),
  ]);
  await database.pool.query('update applications set delivery = $1, delivery_enc = null where id = $2', [
    DELIVERY,
    appId,
  ]);
});
after(() => database.close());

test('the first start seals every legacy row, audits it once, and a second start finds nothing to do', async () => {
  const logged: { warn: object[]; info: object[] } = { warn: [], info: [] };
  const log = { warn: (o: object) => logged.warn.push(o), info: (o: object) => logged.info.push(o) };
  const counts = await preparePersonalData(database.db, KEY, log);
  assert.deepEqual(counts, { letters: 2, mails: 1, answers: 1, deliveries: 1 });
  assert.deepEqual(logged.warn, [], 'the rewritten tables were compacted (VACUUM FULL)');
  assert.equal(logged.info.length, 1);
  const raw = JSON.stringify(
    (
      await database.pool.query(
        `select (select json_agg(l) from letters l) as l, (select json_agg(m) from mail_outbox m) as m,
                (select json_agg(i) from idempotency_keys i) as i, (select json_agg(a) from applications a) as a`,
      )
    ).rows,
  );
  for (const s of [NAME, PARTY, code, DELIVERY, 'guo@example.org']) assert.ok(!raw.includes(s), s);
  assert.deepEqual(await preparePersonalData(database.db, KEY), { letters: 0, mails: 0, answers: 0, deliveries: 0 });
  const audit = await database.db
    .selectFrom('audit_events')
    .select('after')
    .where('action', '=', 'system.personal_data_sealed')
    .execute();
  assert.equal(audit.length, 1);
});

test('sealed letters open to the original text for the handler, masked for the supervisor', async () => {
  const letters = await database.db.selectFrom('letters').select(['id', 'kind', 'title']).orderBy('kind').execute();
  const receipt = letters.find((l) => l.kind === 'receipt' && l.title.endsWith('的登记回执'))!;
  const consult = letters.find((l) => l.kind === 'third_party')!;
  assert.equal(receipt.title, '郭**的登记回执', 'titles are listed to every reader: masked');
  const ctx = (actor: Actor) => ({ ...systemCtx(database, now), actor });
  const full = await letterForStaff(ctx(agency.users.operator.actor), tn, receipt.id);
  assert.deepEqual(
    full.body,
    legacy.receipt.map((p) => p.replace(code, QUERY_CODE_NOT_KEPT)),
  );
  assert.deepEqual((await letterForStaff(ctx(agency.users.operator.actor), tn, consult.id)).body, legacy.consult);
  const masked = await letterForStaff(ctx(supervisor), tn, receipt.id);
  assert.equal(masked.body[0], '郭**：');
  assert.ok(!masked.body.join('').includes(NAME));
  assert.equal((await letterForStaff(ctx(supervisor), tn, consult.id)).body[0], '马**：');
  const own = await letterForApplicant(systemCtx(database, now), tn, code, receipt.id);
  assert.deepEqual(own.body, legacy.receipt, 'the applicant who supplies the code sees it printed again');
});

test('sealed mail, answers and deliveries open to what they were, without the query code in the mail', async () => {
  const mail = await database.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('subject', '=', `已收到您的申请（${tn}）`)
    .executeTakeFirstOrThrow();
  const opened = openMail(KEY, mail.sealed!);
  assert.equal(opened.to, 'guo@example.org');
  assert.equal(opened.body, `${NAME}：\n申请编号：${tn}\n查询码：${QUERY_CODE_NOT_KEPT}\n`);
  assert.equal(mail.dedupe_key, outboxDedupeKey(KEY, 'due:2026-03-02:guo@example.org'));
  assert.equal(mail.last_error, '550 <g***@example.org> unknown');
  const base = personApplication(agency.creditCode);
  const again = await submitApplication(
    { ...systemCtx(database, now), actor: null },
    { ...base, applicant: { ...base.applicant, name: NAME } },
    'legacy-answer-0001',
  );
  assert.deepEqual(again, (answerBefore as { result: unknown }).result, 'the replay answers as before');
  const app = await database.db
    .selectFrom('applications')
    .select(['delivery', 'delivery_enc'])
    .where('id', '=', appId)
    .executeTakeFirstOrThrow();
  assert.equal(app.delivery, '邮寄至凉州区***');
  assert.equal(decrypt(KEY, app.delivery_enc!), DELIVERY);
});
