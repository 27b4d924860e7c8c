import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { chinaDate, dateZh } from '../domain/calendar/index.ts';
import { reportDeadline } from '../domain/report/index.ts';
import { enqueueMail, staffEmails } from '../shared/outbox.ts';

/**
 * From 1 January until its deadline (条例第四十九条), each agency whose previous-year report is not yet
 * published gets one reminder a day to its operators and approvers.
 */
export async function runReportReminders(db: Kysely<DB>, now: Date): Promise<{ ran: boolean; messages: number }> {
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4)) - 1;
  if (today > `${year + 1}-03-31`) return { ran: false, messages: 0 };
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('job_runs')
      .values({ job: 'report_reminders', run_key: today })
      .onConflict((oc) => oc.columns(['job', 'run_key']).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return { ran: false, messages: 0 };
    const agencies = await trx
      .selectFrom('agencies as g')
      .leftJoin('annual_reports as a', (j) => j.onRef('a.agency_id', '=', 'g.id').on('a.year', '=', year))
      .select(['g.id', 'g.name', 'g.kind', 'a.status'])
      .execute();
    let messages = 0;
    for (const a of agencies) {
      const deadline = reportDeadline(a.kind, year);
      if (a.status === 'published' || today > deadline) continue;
      const staff = await staffEmails(trx, a.id, ['operator', 'approver']);
      for (const email of staff) {
        const ok = await enqueueMail(trx, {
          to: email,
          subject: `【年报提醒】${a.name}${year}年政府信息公开工作年度报告须于${dateZh(deadline)}前公布`,
          body: `${a.name}：\n\n依据《中华人民共和国政府信息公开条例》第四十九条，${year}年政府信息公开工作年度报告应于${dateZh(deadline)}前向社会公布。当前状态：${a.status ?? '尚未编制'}。\n请登录平台核对数据、完成说明部分并报送。`,
          dedupeKey: `report_reminders:${today}:${a.id}:${email}`,
        });
        if (ok) messages++;
      }
    }
    return { ran: true, messages };
  });
}
