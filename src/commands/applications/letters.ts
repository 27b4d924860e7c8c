import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { dateZh, type ISODate } from '../../domain/calendar/index.ts';
import { DEFAULT_TEMPLATES, fillLetter, type LetterVars } from '../../domain/case/letters.ts';

/** The template in force for an agency: its own edit, else the platform default. */
export async function templateFor(trx: Transaction<DB>, agencyId: string, kind: string) {
  const own = await trx
    .selectFrom('letter_templates')
    .select(['title', 'body'])
    .where('kind', '=', kind)
    .where((eb) => eb.or([eb('agency_id', '=', agencyId), eb('agency_id', 'is', null)]))
    .orderBy('agency_id', (ob) => ob.asc().nullsLast())
    .executeTakeFirst();
  const t = own ?? DEFAULT_TEMPLATES[kind];
  if (!t) throw new Error(`no letter template for ${kind}`);
  return t;
}

/** Issues a letter: fills the template now and freezes the text with the case, in the caller's transaction. */
export async function issueLetter(
  trx: Transaction<DB>,
  opts: {
    applicationId: string;
    agencyId: string;
    kind: string;
    date: ISODate;
    eventSeq: number | null;
    vars: LetterVars;
  },
) {
  const t = await templateFor(trx, opts.agencyId, opts.kind);
  const filled = fillLetter(t, { ...opts.vars, date: dateZh(opts.date) });
  const row = await trx
    .insertInto('letters')
    .values({
      application_id: opts.applicationId,
      kind: opts.kind,
      title: filled.title,
      body: JSON.stringify(filled.paragraphs),
      issued_date: opts.date,
      event_seq: opts.eventSeq,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
