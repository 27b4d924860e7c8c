import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { DB } from '../db/schema.ts';
import { openMail, type SealedMail } from '../shared/outbox.ts';
import { boundProcessKey, maskEmailsIn } from '../shared/pii.ts';

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
 * one message twice; a failure is retried on later runs, up to five attempts. Recipient and body are opened
 * with the process key only to hand them to SMTP.
 */
export async function deliverPending(db: Kysely<DB>, transport: MailTransport, from: string, limit = 50) {
  const secret = boundProcessKey();
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const done = await db.transaction().execute(async (trx) => {
      const msg = await trx
        .selectFrom('mail_outbox')
        .selectAll()
        .where('status', '=', 'pending')
        .where('sealed', 'is not', null)
        .orderBy('created_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!msg) return null;
      let mail: SealedMail;
      try {
        mail = openMail(secret, msg.sealed!);
      } catch {
        // Sealed under another key (a database restored without its key): it can never be sent.
        await trx
          .updateTable('mail_outbox')
          .set({ status: 'failed', attempts: msg.attempts + 1, last_error: '无法解密（密钥与数据库不符）' })
          .where('id', '=', msg.id)
          .execute();
        return 'undeliverable';
      }
      try {
        await transport.send({ from, to: mail.to, subject: msg.subject, text: mail.body });
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
            last_error: maskEmailsIn((err as Error).message).slice(0, 500),
            status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          })
          .where('id', '=', msg.id)
          .execute();
        return 'failed';
      }
    });
    if (done === null) break;
    if (done === 'sent') sent++;
    else if (done === 'undeliverable') failed++;
    else {
      failed++;
      break; // SMTP trouble: try again on the next run
    }
  }
  return { sent, failed };
}
