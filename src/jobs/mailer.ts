import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { DB } from '../db/schema.ts';

export interface MailTransport {
  send(msg: { from: string; to: string; subject: string; text: string }): Promise<void>;
}

export function smtpTransport(url: string): MailTransport {
  const t = nodemailer.createTransport(url);
  return {
    async send(msg) {
      await t.sendMail(msg);
    },
  };
}

export const MAX_ATTEMPTS = 5;

/**
 * Sends pending outbox mail. Rows are claimed with SKIP LOCKED, so several server instances never send
 * one message twice; a failure is retried on later runs, up to five attempts.
 */
export async function deliverPending(db: Kysely<DB>, transport: MailTransport, from: string, limit = 50) {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const done = await db.transaction().execute(async (trx) => {
      const msg = await trx
        .selectFrom('mail_outbox')
        .selectAll()
        .where('status', '=', 'pending')
        .orderBy('created_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!msg) return null;
      try {
        await transport.send({ from, to: msg.to_address, subject: msg.subject, text: msg.body });
        await trx
          .updateTable('mail_outbox')
          .set({ status: 'sent', sent_at: new Date(), attempts: msg.attempts + 1 })
          .where('id', '=', msg.id)
          .execute();
        return 'sent';
      } catch (err) {
        const attempts = msg.attempts + 1;
        await trx
          .updateTable('mail_outbox')
          .set({
            attempts,
            last_error: (err as Error).message.slice(0, 500),
            status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          })
          .where('id', '=', msg.id)
          .execute();
        return 'failed';
      }
    });
    if (done === null) break;
    if (done === 'sent') sent++;
    else {
      failed++;
      break; // SMTP trouble: try again on the next run
    }
  }
  return { sent, failed };
}
