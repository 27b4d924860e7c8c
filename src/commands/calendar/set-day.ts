import type { z } from 'zod';
import { findRegion } from '../../db/repos/agencies.ts';
import { SYSTEM } from '../../domain/access/index.ts';
import type { setDayInput, yearNoticeInput } from '../../domain/calendar/calendar-input.ts';

// The inputs live in the domain (the HTTP contract reads them); the command line imports them from here.
export { setDayInput, yearNoticeInput } from '../../domain/calendar/calendar-input.ts';

import { invalid } from '../../domain/errors.ts';
import { authorize, type Ctx, inTransaction } from '../../shared/context.ts';
import { type DeadlineMove, recomputeOpenDeadlines } from './recompute.ts';

/**
 * 日历调整 (system admin): a day made working or rest, nationally or for a region. Every open deadline is
 * recomputed in the same transaction; the audit event records the change, its reason and what moved.
 */
export async function setCalendarDay(ctx: Ctx, input: z.infer<typeof setDayInput>): Promise<{ moves: DeadlineMove[] }> {
  authorize(ctx, 'calendar.manage', SYSTEM);
  const regionCode = input.regionCode ?? null;
  if (regionCode && !(await findRegion(ctx.db, regionCode))) throw invalid(`行政区划 ${regionCode} 不存在`);
  const name = input.name || (input.kind === 'workday' ? '调整为工作日' : '调整为休息日');
  return inTransaction(ctx, async (trx, audit) => {
    const before = await trx
      .selectFrom('calendar_entries')
      .select(['kind', 'name', 'reason'])
      .where('date', '=', input.date)
      .where((eb) => (regionCode ? eb('region_code', '=', regionCode) : eb('region_code', 'is', null)))
      .executeTakeFirst();
    if (before) {
      await trx
        .deleteFrom('calendar_entries')
        .where('date', '=', input.date)
        .where((eb) => (regionCode ? eb('region_code', '=', regionCode) : eb('region_code', 'is', null)))
        .execute();
    }
    await trx
      .insertInto('calendar_entries')
      .values({
        date: input.date,
        kind: input.kind,
        name,
        region_code: regionCode,
        reason: input.reason,
        created_by: ctx.actor?.userId || null,
      })
      .execute();
    const why = `日历调整：${input.date} ${input.kind === 'workday' ? '上班' : '放假'}${regionCode ? `（行政区划 ${regionCode}）` : '（全国）'}，依据：${input.reason}`;
    const moves = await recomputeOpenDeadlines(trx, why);
    await audit({
      agencyId: null,
      action: 'calendar.day_set',
      entityType: 'calendar_day',
      entityId: `${input.date}${regionCode ? `@${regionCode}` : ''}`,
      before: before ?? null,
      after: { kind: input.kind, name, reason: input.reason, recomputed: moves },
    });
    return { moves };
  });
}

/** Marks a year's State Council notice as entered: its deadlines stop being provisional. */
export async function enterYearNotice(ctx: Ctx, input: z.infer<typeof yearNoticeInput>) {
  authorize(ctx, 'calendar.manage', SYSTEM);
  return inTransaction(ctx, async (trx, audit) => {
    const existing = await trx
      .selectFrom('calendar_years')
      .selectAll()
      .where('year', '=', input.year)
      .executeTakeFirst();
    if (existing) await trx.deleteFrom('calendar_years').where('year', '=', input.year).execute();
    await trx
      .insertInto('calendar_years')
      .values({ year: input.year, notice: input.notice, entered_by: ctx.actor?.userId || null })
      .execute();
    const moves = await recomputeOpenDeadlines(trx, `录入${input.year}年节假日安排：${input.notice}`);
    await audit({
      agencyId: null,
      action: 'calendar.year_entered',
      entityType: 'calendar_year',
      entityId: String(input.year),
      before: existing ? { notice: existing.notice } : null,
      after: { notice: input.notice, recomputed: moves },
    });
    return { moves };
  });
}
