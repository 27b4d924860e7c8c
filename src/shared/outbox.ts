import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * Mail is written to the outbox in the transaction of the event it tells about, and sent by the mailer job:
 * nothing is sent for an event that did not commit, and nothing committed is lost when SMTP is down.
 * A dedupe key makes a message at most once (reminders after restarts).
 */
export async function enqueueMail(
  trx: Transaction<DB>,
  msg: { to: string; subject: string; body: string; dedupeKey?: string },
): Promise<boolean> {
  const r = await trx
    .insertInto('mail_outbox')
    .values({ to_address: msg.to, subject: msg.subject, body: msg.body, dedupe_key: msg.dedupeKey ?? null })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Staff of an agency with one of the roles, who have an e-mail address. */
export async function staffEmails(trx: Transaction<DB>, agencyId: string, roles: string[]): Promise<string[]> {
  const rows = await trx
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select('u.email')
    .distinct()
    .where('r.agency_id', '=', agencyId)
    .where('r.role', 'in', roles as never[])
    .where('u.email', 'is not', null)
    .where('u.disabled', '=', false)
    .execute();
  return rows.map((r) => r.email!).filter(Boolean);
}
