import type { Kysely, Transaction } from 'kysely';
import { calendarLoader } from '../db/repos/calendar.ts';
import type { DB } from '../db/schema.ts';
import { chinaDate, dateZh, type ISODate } from '../domain/calendar/index.ts';
import { type CaseState, COUNTS_OVERDUE_STATES, type ReplyDeadline, replyDeadline } from '../domain/case/index.ts';
import { enqueueMail, staffEmails } from '../shared/outbox.ts';

/** One case a reminder lists. */
export interface DueCase {
  trackingNumber: string;
  agencyId: string;
  agencyName: string;
  replyDue: ISODate;
  deadline: ReplyDeadline;
}

/**
 * The cases the daily reminder lists: those that can be overdue (the domain's `countsOverdue` states) and are
 * due within 5 working days or overdue — overdue exactly as the staff queue and the supervisor's dashboard say.
 */
export async function dueCases(db: Kysely<DB> | Transaction<DB>, today: ISODate): Promise<DueCase[]> {
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('agencies as g', 'g.id', 'a.agency_id')
    .select([
      'a.tracking_number',
      'a.reply_due',
      'a.state',
      'a.extension_pending',
      'a.agency_id',
      'g.name as agency_name',
      'g.region_code',
    ])
    .where('a.state', 'in', COUNTS_OVERDUE_STATES)
    .where('a.reply_due', 'is not', null)
    .orderBy('a.reply_due')
    .orderBy('a.tracking_number')
    .execute();
  const calendars = await calendarLoader(db);
  const out: DueCase[] = [];
  for (const [i, a] of rows.entries()) {
    // A long run gives the event loop back now and then: requests are served while it works.
    if (i % 1000 === 999) await new Promise((r) => setImmediate(r));
    const deadline = replyDeadline(
      await calendars(a.region_code),
      a.state as CaseState,
      a.reply_due,
      today,
      a.extension_pending,
    );
    // A pending extension (extension_pending) is the head's to decide: not a reminder of a deadline run out.
    if (!deadline || deadline.status === 'ok' || deadline.status === 'extension_pending') continue;
    out.push({
      trackingNumber: a.tracking_number,
      agencyId: a.agency_id,
      agencyName: a.agency_name,
      replyDue: a.reply_due!,
      deadline,
    });
  }
  return out;
}

const dueText = (s: ReplyDeadline) =>
  s.overdue
    ? s.daysLeft < 0
      ? `已超期 ${-s.daysLeft} 个工作日`
      : '已超期'
    : s.daysLeft === 0
      ? '今日到期'
      : `剩余 ${s.daysLeft} 个工作日`;

/**
 * Once a day: staff get one e-mail listing the cases due within 5 working days or overdue.
 * A job_runs row per day and a dedupe key per message keep it once, across restarts and instances.
 */
export async function runDueReminders(db: Kysely<DB>, now: Date): Promise<{ ran: boolean; messages: number }> {
  const today = chinaDate(now);
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('job_runs')
      .values({ job: 'due_reminders', run_key: today })
      .onConflict((oc) => oc.columns(['job', 'run_key']).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return { ran: false, messages: 0 };
    const byAgency = new Map<string, { name: string; lines: string[]; overdue: number }>();
    for (const c of await dueCases(trx, today)) {
      const entry = byAgency.get(c.agencyId) ?? { name: c.agencyName, lines: [], overdue: 0 };
      entry.lines.push(`${c.trackingNumber}  答复期限 ${dateZh(c.replyDue)}  ${dueText(c.deadline)}`);
      if (c.deadline.overdue) entry.overdue++;
      byAgency.set(c.agencyId, entry);
    }
    let messages = 0;
    for (const [agencyId, e] of byAgency) {
      const roles = e.overdue ? ['operator', 'approver'] : ['operator'];
      const staff = await staffEmails(trx, agencyId, roles);
      for (const email of staff) {
        const ok = await enqueueMail(trx, {
          to: email,
          subject: `【期限提醒】${e.name}有 ${e.lines.length} 件政府信息公开申请即将到期或已超期`,
          body: `${e.name}：\n\n截至${dateZh(today)}，以下申请即将到期（5个工作日内）或已超过法定答复期限：\n\n${e.lines.join('\n')}\n\n请及时办理（《中华人民共和国政府信息公开条例》第三十三条）。`,
          dedupeKey: `due_reminders:${today}:${agencyId}:${email}`,
        });
        if (ok) messages++;
      }
    }
    await trx
      .updateTable('job_runs')
      .set({ result: JSON.stringify({ agencies: byAgency.size, messages }) })
      .where('job', '=', 'due_reminders')
      .where('run_key', '=', today)
      .execute();
    return { ran: true, messages };
  });
}
