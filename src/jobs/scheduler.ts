import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.ts';
import { dailyAuditCheckpoint } from './audit-checkpoint.ts';
import { deliverPending, type MailTransport } from './mailer.ts';
import { runDueReminders } from './reminders.ts';
import { runReportReminders } from './report-reminders.ts';
import { upgradeSearchTokens } from './search-tokens.ts';

export const REMINDER_HOUR_BEIJING = 8;

/** One pass of the scheduled work: daily reminders (after 08:00 Beijing time), the outbox, search vectors to upgrade. */
export async function tick(deps: {
  db: Kysely<DB>;
  now: () => Date;
  transport: MailTransport | null;
  mailFrom: string;
  log?: Logger;
}) {
  const now = deps.now();
  const beijingHour = (now.getUTCHours() + 8) % 24;
  const morning = beijingHour >= REMINDER_HOUR_BEIJING;
  const reminders = morning ? await runDueReminders(deps.db, now) : { ran: false, messages: 0 };
  const reportReminders = morning ? await runReportReminders(deps.db, now) : { ran: false, messages: 0 };
  const mail = deps.transport ? await deliverPending(deps.db, deps.transport, deps.mailFrom) : { sent: 0, failed: 0 };
  const search = await upgradeSearchTokens(deps.db);
  await dailyAuditCheckpoint(deps.db, now, deps.log);
  if (reminders.ran || reportReminders.ran || mail.sent || mail.failed || search.upgraded)
    deps.log?.info({ reminders, reportReminders, mail, search }, '定时任务 (scheduled jobs)');
  return { reminders, reportReminders, mail, search };
}

const SCHEDULER_LOCK = 74_063_522; // advisory lock: one scheduler pass at a time across instances

/**
 * `tick` under a session advisory lock: with N app servers on one PostgreSQL, one of them does a pass and the
 * others skip it (null). Each job also claims its run in job_runs and the outbox rows with SKIP LOCKED, so a
 * job runs once even if a lock were lost mid-pass.
 */
export async function tickOnce(deps: Parameters<typeof tick>[0]) {
  return deps.db.connection().execute(async (db) => {
    const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${SCHEDULER_LOCK}) as ok`.execute(db);
    if (!got.rows[0]?.ok) return null;
    try {
      return await tick({ ...deps, db });
    } finally {
      await sql`select pg_advisory_unlock(${SCHEDULER_LOCK})`.execute(db);
    }
  });
}

/** Runs `tickOnce` every minute inside the server process; stops with the server. */
export function startScheduler(deps: Parameters<typeof tick>[0], intervalMs = 60_000) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await tickOnce(deps);
    } catch (err) {
      deps.log?.error({ err }, '定时任务失败 (scheduled job failed)');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
