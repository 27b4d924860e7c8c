import { loadCalendar } from '../db/repos/calendar.ts';
import { addDays, BUILT_IN_YEARS } from '../domain/calendar/index.ts';
import type { Ctx } from '../shared/context.ts';

/** A year's calendar: every day off and every weekend working day, with where it comes from. */
export async function calendarYear(ctx: Pick<Ctx, 'db'>, year: number, regionCode: string | null = null) {
  const cal = await loadCalendar(ctx.db, regionCode);
  const entered = await ctx.db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
  const days = [];
  let workdays = 0;
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
    const info = cal.day(d);
    if (info.work) workdays++;
    if (info.source !== 'weekday') days.push({ date: d, work: info.work, name: info.name, source: info.source });
  }
  return {
    year,
    regionCode,
    official: cal.officialYears.has(year),
    source: BUILT_IN_YEARS.has(year) ? 'built_in' : entered ? 'entered' : 'none',
    notice: entered?.notice ?? null,
    workdays,
    days,
  };
}
