import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { boundProcessKey, decrypt, encrypt, keyedDigest } from './pii.ts';

/** What the outbox seals: the recipient and the text (个人信息保护法第五十一条). */
export interface SealedMail {
  to: string;
  body: string;
}

export const outboxDedupeKey = (secret: Buffer, key: string) => keyedDigest(secret, 'outbox-dedupe', key);

export const sealMail = (secret: Buffer, mail: SealedMail) => encrypt(secret, mail);

export const openMail = (secret: Buffer, sealed: string) => decrypt<SealedMail>(secret, sealed);

/**
 * Mail is written to the outbox in the transaction of the event it tells about, and sent by the mailer job:
 * nothing is sent for an event that did not commit, and nothing committed is lost when SMTP is down.
 * A dedupe key makes a message at most once (reminders after restarts). Recipient and body are sealed with the
 * process key and the dedupe key kept as a keyed digest, so no address is on disk in clear; the subject is
 * kept in clear for the operators and must not carry personal data.
 */
export async function enqueueMail(
  trx: Transaction<DB>,
  msg: { to: string; subject: string; body: string; dedupeKey?: string },
): Promise<boolean> {
  const secret = boundProcessKey();
  const r = await trx
    .insertInto('mail_outbox')
    .values({
      sealed: sealMail(secret, { to: msg.to, body: msg.body }),
      subject: msg.subject,
      dedupe_key: msg.dedupeKey ? outboxDedupeKey(secret, msg.dedupeKey) : null,
    })
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
