import type { Kysely } from 'kysely';
import { findApplication } from '../db/repos/applications.ts';
import type { DB } from '../db/schema.ts';
import { can } from '../domain/access/index.ts';
import { notFound } from '../domain/errors.ts';
import { authorize, type Ctx, inTransaction } from '../shared/context.ts';
import { type LetterReader, openLetterText, type PersonalValues } from '../shared/letter-seal.ts';
import { decrypt } from '../shared/pii.ts';
import { trackApplication } from './applications.ts';

/** A letter opened for one reader: what the renderer lays out (render/letters.ts). */
export interface OpenedLetter {
  id: string;
  kind: string;
  title: string;
  body: string[];
  issued_date: string;
  /** 发文字号; null on letters from before the register (migration 0018) and an unnumbered 登记回执. */
  doc_number: string | null;
}

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

function open(secret: Buffer, letter: Awaited<ReturnType<typeof findLetter>>, reader: LetterReader): OpenedLetter {
  // Every row is sealed by the start-up step before the server answers (migration 0015).
  if (letter.personal_enc === null) throw new Error(`letter ${letter.id} not sealed: run preparePersonalData`);
  const personal = decrypt<PersonalValues>(secret, letter.personal_enc);
  return {
    id: letter.id,
    kind: letter.kind,
    title: letter.title,
    body: openLetterText(letter.body, reader, personal),
    issued_date: letter.issued_date,
    doc_number: letter.doc_number,
  };
}

/**
 * A letter of a case for staff (`case.read`): the personal values in full only for `case.view_personal` (and
 * that full view is audited, 个人信息保护法), masked as in the case view for everyone else — the supervisor.
 */
export async function letterForStaff(ctx: Ctx, trackingNumber: string, letterId: string): Promise<OpenedLetter> {
  const app = await findApplication(ctx.db, trackingNumber);
  if (!app) throw notFound('申请');
  const resource = { agencyId: app.agency_id, regionPath: app.region_path };
  authorize(ctx, 'case.read', resource);
  const letter = await findLetter(ctx.db, letterId, app.id);
  if (!can(ctx.actor, 'case.view_personal', resource)) {
    const masked = (app.applicant_masked as { name?: string }).name ?? '';
    return open(ctx.secretKey, letter, { kind: 'staff_masked', maskedApplicant: masked });
  }
  const opened = open(ctx.secretKey, letter, { kind: 'staff_personal' });
  await inTransaction(ctx, (_trx, audit) =>
    audit({
      agencyId: app.agency_id,
      action: 'case.letter_personal_viewed',
      entityType: 'application',
      entityId: app.tracking_number,
      after: { letterId: letter.id, kind: letter.kind },
    }),
  );
  return opened;
}

/**
 * A letter for the applicant, who proves the application number and query code: their details in full, and the
 * query code printed where the template has it — from what they supplied, since it is stored nowhere.
 */
export async function letterForApplicant(
  ctx: Pick<Ctx, 'db' | 'now' | 'secretKey'>,
  trackingNumber: string,
  queryCode: string,
  letterId: string,
): Promise<OpenedLetter> {
  const tracked = await trackApplication(ctx, trackingNumber, queryCode);
  if (!tracked.letters.some((l) => l.id === letterId)) throw notFound('告知书');
  const app = (await findApplication(ctx.db, tracked.trackingNumber))!;
  return open(ctx.secretKey, await findLetter(ctx.db, letterId, app.id), { kind: 'applicant', queryCode });
}
