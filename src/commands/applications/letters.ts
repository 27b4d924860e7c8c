import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { dateZh, type ISODate } from '../../domain/calendar/index.ts';
import { DEFAULT_TEMPLATES, fillLetter, type LetterVars } from '../../domain/case/letters.ts';
import {
  fillMarkers,
  hideValues,
  marker,
  type PersonalValues,
  personalVariables,
  readerValues,
  stripMarkers,
} from '../../shared/letter-seal.ts';
import { boundProcessKey, encrypt } from '../../shared/pii.ts';

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

/**
 * Issues a letter: fills the template now and freezes the text with the case, in the caller's transaction.
 * Personal values (the applicant's name; a third party's) are kept out of the stored text as markers and sealed
 * beside it; the 查询码 is never stored (its marker is filled only for the applicant who supplies it). The title,
 * listed to everyone who may read the case, carries masked values.
 */
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
  const personal: PersonalValues = {};
  for (const [field, name] of Object.entries(personalVariables(opts.kind)) as [keyof PersonalValues, string][]) {
    const v = opts.vars[name as keyof LetterVars];
    if (v) personal[field] = stripMarkers(v);
  }
  const vars: LetterVars = Object.fromEntries(
    Object.entries({ ...opts.vars, date: dateZh(opts.date) }).map(([k, v]) => [k, stripMarkers(v ?? '')]),
  );
  const filled = fillLetter(
    { title: stripMarkers(t.title), body: stripMarkers(t.body) },
    { ...vars, queryCode: marker('queryCode') },
  );
  // Wherever else a personal value (or a code a caller passed) occurs — a description naming the applicant — it
  // goes too.
  const hide = (s: string) => hideValues(s, { ...personal, queryCode: vars.queryCode });
  const app = await trx
    .selectFrom('applications')
    .select('applicant_masked')
    .where('id', '=', opts.applicationId)
    .executeTakeFirstOrThrow();
  const title = fillMarkers(
    hide(filled.title),
    readerValues({ kind: 'staff_masked', maskedApplicant: app.applicant_masked.name ?? '' }, personal),
  );
  const row = await trx
    .insertInto('letters')
    .values({
      application_id: opts.applicationId,
      kind: opts.kind,
      title,
      body: JSON.stringify(filled.paragraphs.map(hide)),
      personal_enc: encrypt(boundProcessKey(), personal),
      issued_date: opts.date,
      event_seq: opts.eventSeq,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
