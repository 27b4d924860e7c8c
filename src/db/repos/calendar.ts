import type { Kysely } from 'kysely';
import { buildCalendar, type Calendar, type CalendarEntry } from '../../domain/calendar/index.ts';
import type { DB } from '../schema.ts';

/** The calendar that applies to a region (national when no region): built-in data plus staff entries. */
export async function loadCalendar(db: Kysely<DB>, regionCode: string | null = null): Promise<Calendar> {
  const [entries, years, region] = await Promise.all([
    db.selectFrom('calendar_entries').select(['date', 'kind', 'name', 'region_code', 'reason']).execute(),
    db.selectFrom('calendar_years').select('year').execute(),
    regionCode ? db.selectFrom('regions').select('path').where('code', '=', regionCode).executeTakeFirst() : undefined,
  ]);
  return buildCalendar({
    enteredYears: years.map((y) => y.year),
    entries: entries.map(
      (e): CalendarEntry => ({ date: e.date, kind: e.kind, name: e.name, regionCode: e.region_code, reason: e.reason }),
    ),
    regionPath: region ? region.path.split('/') : [],
  });
}

/** Calendars by region, loaded once per region: for recomputing many deadlines. */
export async function calendarLoader(db: Kysely<DB>) {
  const cache = new Map<string, Promise<Calendar>>();
  return (regionCode: string | null) => {
    const key = regionCode ?? '';
    let c = cache.get(key);
    if (!c) {
      c = loadCalendar(db, regionCode);
      cache.set(key, c);
    }
    return c;
  };
}
