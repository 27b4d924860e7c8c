import type { Kysely, Transaction } from 'kysely';
import type { CaseForPolicy } from '../../domain/access/index.ts';
import { type CaseStanding, type CaseState, clockEvents, formatTrackingNumber } from '../../domain/case/index.ts';
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

/** The clock's view of a case's stored events: each event's row of the table maps it (domain/case/events.ts). */
export { clockEvents };

/** A case as the policy sees it (domain/access/record.ts), from its row and its clock. */
export function caseForPolicy(
  app: Pick<ApplicationRow, 'agency_id' | 'region_path' | 'state' | 'extension_pending' | 'agency_settings'>,
  clock: CaseStanding['clock'],
  /** The case's events: whether an extension was refused since the last reopening. */
  events: readonly { type: string }[] = [],
): CaseForPolicy {
  const since = events.slice(events.map((e) => e.type).lastIndexOf('reopened') + 1);
  const settings = (app.agency_settings ?? {}) as { requireApprovalForDecision?: boolean };
  return {
    resource: { agencyId: app.agency_id, regionPath: app.region_path },
    rules: { approvalRequiredForDecision: settings.requireApprovalForDecision === true },
    state: app.state as CaseState,
    extensionPending: app.extension_pending,
    extensionRefused: since.some((e) => e.type === 'extension_refused'),
    clock,
  };
}

export async function nextTrackingNumber(db: Q, year: number): Promise<string> {
  const r = await db
    .selectNoFrom((eb) => eb.fn<string>('nextval', [eb.val('application_tracking_seq')]).as('n'))
    .executeTakeFirstOrThrow();
  return formatTrackingNumber(year, String(r.n)); // bigint: a string from pg; width grows past 999999
}
