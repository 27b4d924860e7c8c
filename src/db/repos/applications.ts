import type { Kysely, Transaction } from 'kysely';
import { CLOCK_EVENT_TYPES, type ClockEvent } from '../../domain/clock/index.ts';
import type { DB } from '../schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

export async function findApplication(db: Q, trackingNumber: string, opts: { lock?: boolean } = {}) {
  let q = db
    .selectFrom('applications as a')
    .innerJoin('agencies as g', 'g.id', 'a.agency_id')
    .innerJoin('regions as r', 'r.code', 'g.region_code')
    .selectAll('a')
    .select([
      'g.name as agency_name',
      'g.region_code',
      'r.path as region_path',
      'g.contact as agency_contact',
      'g.settings as agency_settings',
    ])
    .where('a.tracking_number', '=', trackingNumber);
  if (opts.lock) q = q.forUpdate('a');
  return q.executeTakeFirst();
}
export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export function listEvents(db: Q, applicationId: string) {
  return db
    .selectFrom('application_events')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('seq')
    .execute();
}
export type EventRow = Awaited<ReturnType<typeof listEvents>>[number];

const CLOCK_TYPES = new Set<string>(CLOCK_EVENT_TYPES);

/** The clock's view of a case's events. A reopened case counts again from its reopening. */
export function clockEvents(events: readonly Pick<EventRow, 'type' | 'date' | 'data'>[]): ClockEvent[] {
  const out: ClockEvent[] = [];
  for (const e of events) {
    if (!CLOCK_TYPES.has(e.type)) continue;
    const d = e.data as Record<string, unknown>;
    switch (e.type) {
      case 'consultation_started':
        out.push({
          type: 'consultation_started',
          date: e.date,
          party: d.party === 'agency' ? 'agency' : 'third_party',
        });
        break;
      case 'fee_notice_sent':
        out.push({ type: 'fee_notice_sent', date: e.date, amount: Number(d.amount ?? 0) });
        break;
      case 'extension_approved':
        out.push({ type: 'extension_approved', date: e.date, workdays: Number(d.workdays) });
        break;
      case 'delayed_reply_set':
        out.push({ type: 'delayed_reply_set', date: e.date, until: String(d.until) });
        break;
      default:
        out.push({ type: e.type as 'correction_requested', date: e.date });
    }
  }
  return out;
}

export async function nextTrackingNumber(db: Q, year: number): Promise<string> {
  const r = await db
    .selectNoFrom((eb) => eb.fn<number>('nextval', [eb.val('application_tracking_seq')]).as('n'))
    .executeTakeFirstOrThrow();
  return `GK${year}-${String(r.n).padStart(6, '0')}`;
}
