import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personApplication } from '../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, type TestAgency } from '../../test/helpers/factory.ts';
import { mailText, startSmtp } from '../../test/helpers/smtp.ts';
import { submitApplication } from '../commands/applications/intake.ts';
import { smtpTransport } from './mailer.ts';
import { tick } from './scheduler.ts';

let database: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let agency: TestAgency;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));

before(async () => {
  database = await testDatabase();
  smtp = await startSmtp();
  const ctx = systemCtx(database, now);
  agency = await makeAgency(ctx);
  await database.db
    .updateTable('users')
    .set({ email: 'officer@wuwei.gov.cn' })
    .where('id', '=', agency.users.operator.id)
    .execute();
});
after(async () => {
  await smtp.close();
  await database.close();
});

test('mail for a new application reaches the applicant and the officer through SMTP', async () => {
  const ctx = { ...systemCtx(database, now), actor: null };
  const r = await submitApplication(ctx, personApplication(agency.creditCode));
  const deps = { db: database.db, now, transport: smtpTransport(smtp.url), mailFrom: 'gongkai <noreply@wuwei.gov.cn>' };
  const first = await tick(deps);
  assert.equal(first.mail.sent, 2);
  const toApplicant = smtp.received.find((m) => m.to.includes('zhangsan@example.cn'))!;
  assert.ok(mailText(toApplicant.raw).includes(r.trackingNumber));
  assert.ok(smtp.received.some((m) => m.to.includes('officer@wuwei.gov.cn')));
  const again = await tick(deps);
  assert.equal(again.mail.sent, 0);
});

test('SMTP down: mail stays in the outbox and goes out once SMTP is back', async () => {
  const ctx = { ...systemCtx(database, now), actor: null };
  await submitApplication(
    ctx,
    personApplication(agency.creditCode, { description: '请公开2026年食品抽检计划全文内容' }),
  );
  const down = await tick({
    db: database.db,
    now,
    transport: smtpTransport('smtp://127.0.0.1:1'),
    mailFrom: 'x <x@x.cn>',
  });
  assert.equal(down.mail.failed, 1);
  const pending = await database.db.selectFrom('mail_outbox').select('id').where('status', '=', 'pending').execute();
  assert.equal(pending.length, 2);
  const before = smtp.received.length;
  const up = await tick({ db: database.db, now, transport: smtpTransport(smtp.url), mailFrom: 'x <x@x.cn>' });
  assert.equal(up.mail.sent, 2);
  assert.equal(smtp.received.length, before + 2);
});

test('due-soon reminders go out once a day, even after a restart', async () => {
  now.set(new Date('2026-03-25T01:00:00Z')); // 09:00 Beijing; the cases are due 2026-03-30
  const deps = { db: database.db, now, transport: smtpTransport(smtp.url), mailFrom: 'x <x@x.cn>' };
  const before = smtp.received.length;
  const first = await tick(deps);
  assert.equal(first.reminders.ran, true);
  assert.equal(first.reminders.messages, 1);
  const reminder = smtp.received.slice(before).find((m) => mailText(m.raw).includes('期限提醒'));
  assert.ok(reminder, 'reminder received');
  assert.ok(mailText(reminder.raw).includes('剩余'));
  // A "restarted" scheduler (a fresh call) on the same day sends nothing more.
  const second = await tick({ ...deps });
  assert.equal(second.reminders.ran, false);
  assert.equal(smtp.received.length, before + 1);
  // Before 08:00 Beijing time nothing runs; the next day it runs again.
  now.set(new Date('2026-03-25T23:00:00Z')); // 07:00 on 03-26
  assert.equal((await tick(deps)).reminders.ran, false);
  now.set(new Date('2026-03-26T01:00:00Z'));
  assert.equal((await tick(deps)).reminders.ran, true);
});

test('from 1 January, agencies without a published report for the past year are reminded once a day', async () => {
  now.set(new Date('2027-01-05T01:00:00Z'));
  const deps = { db: database.db, now, transport: smtpTransport(smtp.url), mailFrom: 'x <x@x.cn>' };
  const before = smtp.received.length;
  const first = await tick(deps);
  assert.equal(first.reportReminders.ran, true);
  assert.ok(smtp.received.slice(before).some((m) => mailText(m.raw).includes('年报提醒')));
  const second = await tick(deps);
  assert.equal(second.reportReminders.ran, false);
});
