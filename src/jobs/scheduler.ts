import { hostname } from 'node:os';
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

const SCHEDULER_LOCK = 74_063_522; // advisory lock: no two passes at once (a pass may outlast its interval)

export const SCHEDULER_INTERVAL_MS = 60_000;

/** This process, as a pass's row names it. */
const INSTANCE = `${hostname()}:${process.pid}`;

/** The start of the interval `now` falls in: the key every instance computes alike. */
export const intervalStart = (now: Date, intervalMs: number) =>
  new Date(Math.floor(now.getTime() / intervalMs) * intervalMs);

export type Pass = Awaited<ReturnType<typeof tick>> & { intervalStart: Date };

/**
 * One pass per interval across instances: a pass claims its interval by inserting the interval's start into
 * scheduler_passes (its primary key); an instance finding the row there skips (null), as it does while
 * another pass still holds the advisory lock. Each job also claims its run in job_runs and the outbox rows
 * with SKIP LOCKED, so a job runs once even if a claim were lost.
 */
export async function tickOnce(
  deps: Parameters<typeof tick>[0],
  intervalMs = SCHEDULER_INTERVAL_MS,
  instance = INSTANCE,
): Promise<Pass | null> {
  return deps.db.connection().execute(async (db) => {
    const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${SCHEDULER_LOCK}) as ok`.execute(db);
    if (!got.rows[0]?.ok) return null;
    try {
      const now = deps.now();
      const start = intervalStart(now, intervalMs);
      const claimed = await sql<{ interval_start: Date }>`
        insert into scheduler_passes (interval_start, instance, started_at) values (${start}, ${instance}, ${now})
        on conflict (interval_start) do nothing returning interval_start`.execute(db);
      if (!claimed.rows.length) return null;
      try {
        const result = await tick({ ...deps, db });
        await sql`update scheduler_passes set finished_at = ${deps.now()} where interval_start = ${start}`.execute(db);
        return { ...result, intervalStart: start };
      } catch (err) {
        await sql`update scheduler_passes set finished_at = ${deps.now()}, error = ${String((err as Error).message ?? err).slice(0, 500)}
          where interval_start = ${start}`.execute(db);
        throw err;
      } finally {
        const dayAgo = new Date(now.getTime() - 86_400_000);
        await sql`delete from scheduler_passes where interval_start < ${dayAgo}`.execute(db);
        // The public cache's change log is read within seconds (db/public-changes.ts): ten minutes is plenty.
        await sql`delete from public_changes where at < now() - interval '10 minutes'`.execute(db);
      }
    } finally {
      await sql`select pg_advisory_unlock(${SCHEDULER_LOCK})`.execute(db);
    }
  });
}

/**
 * Runs `tickOnce` every interval inside the server process (a minute); stops with the server. `onPass` hears
 * each pass this instance made.
 */
export function startScheduler(
  deps: Parameters<typeof tick>[0],
  intervalMs = SCHEDULER_INTERVAL_MS,
  opts: { instance?: string; onPass?: (pass: Pass) => void } = {},
) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const pass = await tickOnce(deps, intervalMs, opts.instance);
      if (pass) opts.onPass?.(pass);
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
