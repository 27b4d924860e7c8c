import type { Transaction } from 'kysely';
import { listEvents } from '../../db/repos/applications.ts';
import { calendarLoader } from '../../db/repos/calendar.ts';
import type { DB } from '../../db/schema.ts';
import { caseClockWith } from '../../shared/case-clock.ts';
import type { DeadlineMove } from '../../shared/deadline-move.ts';

/** Recomputes the cached reply due date of every open case; returns the ones that moved. */
export async function recomputeApplicationDeadlines(trx: Transaction<DB>): Promise<DeadlineMove[]> {
  const open = await trx
    .selectFrom('applications as a')
    .innerJoin('agencies as g', 'g.id', 'a.agency_id')
    .select(['a.id', 'a.tracking_number', 'a.received_date', 'a.channel', 'a.reply_due', 'g.region_code'])
    .where('a.state', '<>', 'closed')
    .execute();
  const calendars = await calendarLoader(trx);
  const moves: DeadlineMove[] = [];
  for (const a of open) {
    const clock = caseClockWith(await calendars(a.region_code), a, await listEvents(trx, a.id));
    if (clock.replyDue !== a.reply_due) {
      await trx.updateTable('applications').set({ reply_due: clock.replyDue }).where('id', '=', a.id).execute();
      moves.push({
        entityType: 'application',
        entityId: a.tracking_number,
        field: 'reply_due',
        from: a.reply_due,
        to: clock.replyDue,
      });
    }
  }
  return moves;
}
