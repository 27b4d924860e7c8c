import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { TEST_SECRET_KEY, type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock } from '../../test/helpers/factory.ts';
import { mailText, startSmtp } from '../../test/helpers/smtp.ts';
import { appendAudit, verifyAudit } from '../db/audit.ts';
import { auditKeysPlugin } from '../db/audit-keys.ts';
import type { DB } from '../db/schema.ts';
import { openCheckpoint } from '../domain/audit/checkpoint.ts';
import { dailyAuditCheckpoint } from './audit-checkpoint.ts';
import { smtpTransport } from './mailer.ts';
import { tick } from './scheduler.ts';

let database: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
/** The server's handle when AUDIT_CHECKPOINT_EMAIL is set. */
let db: Kysely<DB>;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const dir = () => join(database.dataDir, 'audit-checkpoints');

before(async () => {
  database = await testDatabase();
  smtp = await startSmtp();
  db = database.db.withPlugin(
    auditKeysPlugin({
      secretKey: TEST_SECRET_KEY,
      dataDir: database.dataDir,
      auditCheckpointEmail: 'archive@wuwei.gov.cn',
    }),
  );
});
after(async () => {
  await smtp.close();
  await database.close();
});

const append = (agencyId: string | null) =>
  db
    .transaction()
    .execute((trx) => appendAudit(trx, { at: now(), actorId: null, actorName: 't', agencyId, action: 'test.event' }));

test('the scheduler writes one checkpoint a day and mails it to AUDIT_CHECKPOINT_EMAIL', async () => {
  await append(randomUUID());
  await append(null);
  const deps = { db, now, transport: smtpTransport(smtp.url), mailFrom: 'gongkai <noreply@wuwei.gov.cn>' };
  await tick(deps);
  assert.equal(readdirSync(dir()).length, 1);
  const file = join(dir(), readdirSync(dir())[0]!);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  // The mail goes through the outbox like any other: delivered at the next pass.
  await tick(deps);
  assert.equal(readdirSync(dir()).length, 1, 'once a day, across passes and restarts');
  const mail = smtp.received.find((m) => m.to.includes('archive@wuwei.gov.cn'));
  assert.ok(mail, 'the checkpoint was mailed');
  const text = mailText(mail.raw);
  assert.match(text, /审计检查点/);
  // The mailed copy is the file: it opens with the checkpoint key and carries the file's signature.
  const kept = JSON.parse(readFileSync(file, 'utf8'));
  assert.ok(text.includes(kept.signature));
  assert.equal(openCheckpoint(readFileSync(file, 'utf8'), (s) => s).ok, false, 'not without the key');
  // The next day, a new file beside the first.
  now.advance(24 * 3600_000);
  await append(null);
  await tick(deps);
  assert.equal(readdirSync(dir()).length, 2);
  assert.equal((await verifyAudit(db)).ok, true);
});

test('a broken chain is never signed: the day’s run logs it and mails the problem instead', async () => {
  const agency = randomUUID();
  await append(agency);
  await append(agency);
  await database.pool.query('alter table audit_events disable trigger audit_events_no_update');
  await database.pool.query(`update audit_events set action = 'x' where chain = $1 and chain_seq = 1`, [agency]);
  await database.pool.query('alter table audit_events enable trigger audit_events_no_update');
  now.advance(24 * 3600_000);
  const before = readdirSync(dir()).length;
  const errors: unknown[] = [];
  const log = { info() {}, error: (o: unknown) => errors.push(o) } as unknown as Logger;
  const out = await dailyAuditCheckpoint(db, now(), log);
  assert.equal(out?.ok, false);
  assert.equal(readdirSync(dir()).length, before);
  assert.equal(errors.length, 1);
  assert.equal(out?.mailed, true);
  const run = await database.pool.query("select result from job_runs where job = 'audit_checkpoint' order by at desc");
  assert.deepEqual(run.rows[0].result, { broken: 1, refused: 0 });
  // Claimed for the day: the next pass does not verify again.
  assert.equal(await dailyAuditCheckpoint(db, now(), log), null);
  await tick({ db, now, transport: smtpTransport(smtp.url), mailFrom: 'x <x@x.cn>' });
  const alarm = smtp.received.find((m) => mailText(m.raw).includes('审计日志校验失败'));
  assert.ok(alarm);
  assert.match(mailText(alarm.raw), new RegExp(`机关（${agency}）的审计链第 1 条：内容被修改`));
});
