import type { Kysely } from 'kysely';
import { findAgencyByCreditCode } from '../db/repos/agencies.ts';
import { loadCalendar } from '../db/repos/calendar.ts';
import type { DB } from '../db/schema.ts';
import type { Calendar } from '../domain/calendar/index.ts';
import { type ClockInput, ClockInputError, type ClockResult, computeClock } from '../domain/clock/index.ts';

/** The deadline calculator: one case or many, on the national calendar or the agency's region's. */
export function computeDeadlines(input: unknown, cal: Calendar): ClockResult | ClockResult[] {
  if (Array.isArray(input)) {
    return input.map((c, i) => {
      try {
        return computeClock(c as ClockInput, cal);
      } catch (err) {
        if (err instanceof ClockInputError) throw new ClockInputError(`第 ${i + 1} 个案件：${err.message}`);
        throw err;
      }
    });
  }
  return computeClock(input as ClockInput, cal);
}

export async function calendarForAgency(db: Kysely<DB>, creditCode: unknown): Promise<Calendar> {
  if (typeof creditCode === 'string' && creditCode) {
    const agency = await findAgencyByCreditCode(db, creditCode.toUpperCase());
    if (!agency) throw new ClockInputError(`机关 ${creditCode} 不存在`);
    return loadCalendar(db, agency.region_code);
  }
  return loadCalendar(db, null);
}
