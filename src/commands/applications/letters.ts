import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { formatDocNumber } from '../../domain/agency/letter-settings.ts';
import { dateZh, type ISODate } from '../../domain/calendar/index.ts';
import { appealNotice } from '../../domain/case/appeal-notice.ts';
import {
  DEFAULT_TEMPLATES,
  docNumberKind,
  fillLetter,
  LETTER_KIND_LABELS,
  type LetterKind,
  type LetterVars,
  statesAppeal,
} from '../../domain/case/letters.ts';
import { AppError } from '../../domain/errors.ts';
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
import { type LetterSettings, loadLetterSettings } from '../agencies/letter-settings.ts';

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
 * What the letter needs of the agency's settings, or the refusal that asks its administrator for them: the 文号
 * pattern (a 登记回执 goes out without one — intake is never refused, 条例第二十九条), and for a letter that ends
 * or limits the application the 复议机关 and the court of its 救济途径.
 */
function frameOf(s: LetterSettings, kind: LetterKind) {
  const register = docNumberKind(kind);
  const pattern = s.patterns[register];
  if (!pattern && kind !== 'receipt')
    throw new AppError('conflict', `请机关管理员先设置“${LETTER_KIND_LABELS[register]}”的文号格式（机关设置 → 文号）`);
  if (!statesAppeal(kind)) return { register, pattern, appeal: '' };
  const reviewBody = s.reviewBody ?? s.proposed.reviewBody;
  const court = s.court ?? s.proposed.court;
  const missing = [!reviewBody && '复议机关', !court && '管辖法院'].filter(Boolean);
  if (!reviewBody || !court)
    throw new AppError('conflict', `请机关管理员先设置${missing.join('和')}（机关设置 → 救济途径）`);
  const subject = kind === 'reply.other_no_correction' || kind === 'reply.other_unpaid_fee' ? 'notice' : 'reply';
  return { register, pattern, appeal: appealNotice({ reviewBody, court }, subject) };
}

/** The next number of a register, under its row's lock until the issuing transaction ends (migration 0018). */
async function nextNumber(trx: Transaction<DB>, agencyId: string, year: number, kind: string): Promise<number> {
  const row = await trx
    .insertInto('doc_number_counters')
    .values({ agency_id: agencyId, year, kind, last_n: 1 })
    .onConflict((oc) =>
      oc
        .columns(['agency_id', 'year', 'kind'])
        .doUpdateSet((eb) => ({ last_n: eb('doc_number_counters.last_n', '+', 1) })),
    )
    .returning('last_n')
    .executeTakeFirstOrThrow();
  return row.last_n;
}

const contactLine = (v: LetterVars) =>
  [v.office && `联系部门：${v.office}`, v.phone && `联系电话：${v.phone}`, v.address && `地址：${v.address}`]
    .filter(Boolean)
    .join('　');

/**
 * Issues a letter: fills the template now and freezes the text with the case, in the caller's transaction, with
 * its frame — the 主送 first (the applicant, or the third party consulted), the 署名 and 成文日期 last — and its
 * 文号, taken from the agency's register in the same transaction. A refusal (no pattern, no 复议机关) throws before
 * anything is numbered, and the caller's whole step goes with it.
 * Personal values (the applicant's name; a third party's) are kept out of the stored text as markers and sealed
 * beside it; the 查询码 is never stored (its marker is filled only for the applicant who supplies it). The title,
 * listed to everyone who may read the case, carries masked values.
 */
export async function issueLetter(
  trx: Transaction<DB>,
  opts: {
    applicationId: string;
    agencyId: string;
    kind: LetterKind;
    date: ISODate;
    eventSeq: number | null;
    vars: LetterVars;
  },
) {
  const settings = await loadLetterSettings(trx, opts.agencyId);
  if (!settings) throw new Error(`no agency ${opts.agencyId}`);
  const frame = frameOf(settings, opts.kind);
  const t = await templateFor(trx, opts.agencyId, opts.kind);
  const app = await trx
    .selectFrom('applications')
    .select(['applicant_masked', 'applicant_type'])
    .where('id', '=', opts.applicationId)
    .executeTakeFirstOrThrow();
  const personal: PersonalValues = {};
  for (const [field, name] of Object.entries(personalVariables(opts.kind)) as [keyof PersonalValues, string][]) {
    const v = opts.vars[name as keyof LetterVars];
    if (v) personal[field] = stripMarkers(v);
  }
  const vars: LetterVars = Object.fromEntries(
    Object.entries({
      ...opts.vars,
      date: dateZh(opts.date),
      // 主送 and 称谓: a person is 您; a 法人或者其他组织, 贵单位 (its full name heads the letter).
      you: app.applicant_type === 'natural_person' ? '您' : '贵单位',
      contact: contactLine(opts.vars),
      appealNotice: frame.appeal,
    }).map(([k, v]) => [k, stripMarkers(v ?? '')]),
  );
  const filled = fillLetter(
    opts.kind,
    { title: stripMarkers(t.title), body: stripMarkers(t.body) },
    { ...vars, queryCode: marker('queryCode') },
  );
  const addressee = (opts.kind === 'third_party' ? vars.thirdParty : vars.applicant) ?? '';
  const body = [`${addressee}：`, ...filled.paragraphs, vars.agency ?? '', vars.date ?? ''];
  // Wherever else a personal value (or a code a caller passed) occurs — a description naming the applicant — it
  // goes too.
  const hide = (s: string) => hideValues(s, { ...personal, queryCode: vars.queryCode });
  const title = fillMarkers(
    hide(filled.title),
    readerValues({ kind: 'staff_masked', maskedApplicant: app.applicant_masked.name ?? '' }, personal),
  );
  const year = Number(opts.date.slice(0, 4));
  const docNumber = frame.pattern
    ? formatDocNumber(frame.pattern, year, await nextNumber(trx, opts.agencyId, year, frame.register))
    : null;
  const row = await trx
    .insertInto('letters')
    .values({
      agency_id: opts.agencyId,
      application_id: opts.applicationId,
      kind: opts.kind,
      title,
      body: JSON.stringify(body.map(hide)),
      personal_enc: encrypt(boundProcessKey(), personal),
      issued_date: opts.date,
      event_seq: opts.eventSeq,
      doc_number: docNumber,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, docNumber };
}
