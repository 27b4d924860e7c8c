import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personApplication } from '../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, type TestAgency } from '../../test/helpers/factory.ts';
import { mailText, startSmtp } from '../../test/helpers/smtp.ts';
import { submitApplication } from '../commands/applications/intake.ts';
import { enqueueMail, sealMail } from '../shared/outbox.ts';
import { deliverPending, type MailTransport, smtpTransport } from './mailer.ts';

// The outbox keeps recipient and body sealed; the mailer opens them only to hand them to SMTP.
let database: TestDatabase;
let agency: TestAgency;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const outbox = async () => JSON.stringify((await database.pool.query('select * from mail_outbox')).rows);

before(async () => {
  database = await testDatabase();
  smtp = await startSmtp();
  agency = await makeAgency(systemCtx(database, now));
});
after(async () => {
  await smtp.close();
  await database.close();
});

test('the confirmation mail is sealed at rest, goes out in full, and never prints the query code', async () => {
  const r = await submitApplication({ ...systemCtx(database, now), actor: null }, personApplication(agency.creditCode));
  const raw = await outbox();
  for (const s of ['zhangsan@example.cn', '张三', r.queryCode]) assert.ok(!raw.includes(s), s);
  const sent = await deliverPending(database.db, smtpTransport(smtp.url), 'gongkai <noreply@wuwei.gov.cn>');
  assert.deepEqual(sent, { sent: 1, failed: 0 });
  const mail = smtp.received.find((m) => m.to.includes('zhangsan@example.cn'))!;
  const text = mailText(mail.raw);
  assert.ok(text.includes('张三') && text.includes(r.trackingNumber), text);
  assert.ok(!text.includes(r.queryCode), 'the code is shown once, at submission');
});

test('a dedupe key naming an address is kept as a digest and still makes a message once', async () => {
  const msg = {
    to: 'officer@wuwei.gov.cn',
    subject: '【期限提醒】',
    body: '提醒',
    dedupeKey: 'due:officer@wuwei.gov.cn',
  };
  assert.equal(await database.db.transaction().execute((trx) => enqueueMail(trx, msg)), true);
  assert.equal(await database.db.transaction().execute((trx) => enqueueMail(trx, msg)), false);
  assert.ok(!(await outbox()).includes('officer@wuwei.gov.cn'));
});

test('an SMTP error is kept with the address masked; a row sealed under another key fails, not loops', async () => {
  const refusing: MailTransport = {
    async send(m) {
      throw new Error(`550 5.1.1 <${m.to}>: Recipient address rejected`);
    },
  };
  const down = await deliverPending(database.db, refusing, 'x <x@x.cn>');
  assert.equal(down.failed, 1);
  const errors = await database.db.selectFrom('mail_outbox').select('last_error').where('attempts', '>', 0).execute();
  assert.ok(errors.some((e) => e.last_error === '550 5.1.1 <o***@wuwei.gov.cn>: Recipient address rejected'));
  await database.db
    .insertInto('mail_outbox')
    .values({ subject: '他钥', sealed: sealMail(Buffer.alloc(32, 9), { to: 'a@b.cn', body: 'x' }) })
    .execute();
  await database.db.updateTable('mail_outbox').set({ status: 'sent' }).where('subject', '!=', '他钥').execute();
  assert.deepEqual(await deliverPending(database.db, smtpTransport(smtp.url), 'x <x@x.cn>'), { sent: 0, failed: 1 });
  const foreign = await database.db
    .selectFrom('mail_outbox')
    .select(['status', 'last_error'])
    .where('subject', '=', '他钥')
    .executeTakeFirstOrThrow();
  assert.deepEqual(foreign, { status: 'failed', last_error: '无法解密（密钥与数据库不符）' });
});
