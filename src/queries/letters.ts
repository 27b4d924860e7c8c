import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { notFound } from '../domain/errors.ts';

/** An issued letter of an application (404 when it is not that application's). */
export async function findLetter(db: Kysely<DB>, letterId: string, applicationId: string) {
  const letter = /^[0-9a-f-]{36}$/i.test(letterId)
    ? await db
        .selectFrom('letters')
        .selectAll()
        .where('id', '=', letterId)
        .where('application_id', '=', applicationId)
        .executeTakeFirst()
    : undefined;
  if (!letter) throw notFound('告知书');
  return letter;
}
