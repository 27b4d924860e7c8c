import type { Kysely, Transaction } from 'kysely';
import { type ApplicationRow, clockEvents, type EventRow } from '../db/repos/applications.ts';
import { loadCalendar } from '../db/repos/calendar.ts';
import type { DB } from '../db/schema.ts';
import type { Calendar } from '../domain/calendar/index.ts';
import { type ClockResult, computeClock } from '../domain/clock/index.ts';

/** The clock of a case from its stored events; events after the last reopening count afresh. */
export function caseClockWith(
  cal: Calendar,
  app: Pick<ApplicationRow, 'received_date' | 'channel'>,
  events: readonly Pick<EventRow, 'type' | 'date' | 'data'>[],
): ClockResult {
  const lastReopen = events.map((e) => e.type).lastIndexOf('reopened');
  const relevant = lastReopen >= 0 ? events.slice(lastReopen + 1) : events;
  const received = lastReopen >= 0 ? events[lastReopen]!.date : app.received_date;
  return computeClock({ received: { date: received, channel: app.channel }, events: clockEvents(relevant) }, cal);
}

export async function caseClock(
  db: Kysely<DB> | Transaction<DB>,
  app: Pick<ApplicationRow, 'received_date' | 'channel' | 'region_code'>,
  events: readonly Pick<EventRow, 'type' | 'date' | 'data'>[],
): Promise<ClockResult> {
  return caseClockWith(await loadCalendar(db as Kysely<DB>, app.region_code), app, events);
}
