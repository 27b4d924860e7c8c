import type { Kysely } from 'kysely';
import { findAgency } from '../../db/repos/agencies.ts';
import type { DB } from '../../db/schema.ts';
import { type ProposedBodies, proposeAppealBodies } from '../../domain/agency/appeal-bodies.ts';
import {
  defaultPatterns,
  derivedDocCode,
  type LetterSettingsInput,
  letterSettingsInput,
} from '../../domain/agency/letter-settings.ts';
import { DOC_NUMBER_KINDS, type DocNumberKind } from '../../domain/case/letters.ts';
import { notFound } from '../../domain/errors.ts';
import { authorize, type Ctx, inTransaction } from '../../shared/context.ts';

/** An agency's letter settings as stored, and what the platform proposes where nothing is set. */
export interface LetterSettings {
  docCode: string | null;
  /** 文号 pattern per register; null: none set (the letters of that kind wait for the administrator). */
  patterns: Record<DocNumberKind, string | null>;
  /** null: the proposed one is used. */
  reviewBody: string | null;
  court: string | null;
  proposed: ProposedBodies & { patterns: Record<DocNumberKind, string> };
}

/** The settings of an agency (undefined when there is no such agency), read in the caller's connection. */
export async function loadLetterSettings(db: Kysely<DB>, agencyId: string): Promise<LetterSettings | undefined> {
  const agency = await db
    .selectFrom('agencies as a')
    .innerJoin('regions as r', 'r.code', 'a.region_code')
    .select(['a.name', 'a.short_name', 'a.kind', 'r.path'])
    .where('a.id', '=', agencyId)
    .executeTakeFirst();
  if (!agency) return undefined;
  // The region first, then its ancestors (the path runs from the root down).
  const codes = agency.path.split('/').reverse();
  const [regions, governments, row] = await Promise.all([
    db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute(),
    db
      .selectFrom('agencies')
      .select(['region_code', 'name'])
      .where('kind', '=', 'government')
      .where('region_code', 'in', codes)
      .orderBy('name', 'desc')
      .execute(),
    db.selectFrom('letter_settings').selectAll().where('agency_id', '=', agencyId).executeTakeFirst(),
  ]);
  const chain = codes.flatMap((c) => regions.filter((r) => r.code === c));
  const bodies = proposeAppealBodies(agency, chain, new Map(governments.map((g) => [g.region_code, g.name])));
  const stored = (row?.patterns ?? {}) as Partial<Record<DocNumberKind, string>>;
  const docCode = row?.doc_code ?? null;
  return {
    docCode,
    patterns: Object.fromEntries(DOC_NUMBER_KINDS.map((k) => [k, stored[k] ?? null])) as Record<
      DocNumberKind,
      string | null
    >,
    reviewBody: row?.review_body ?? null,
    court: row?.court ?? null,
    proposed: { ...bodies, patterns: defaultPatterns(docCode ?? derivedDocCode(agency.name, agency.short_name)) },
  };
}

/** A new agency's settings: the patterns proposed from its 机关代字 (given, or derived from its short name). */
export async function initLetterSettings(
  db: Kysely<DB>,
  agency: { id: string; name: string; shortName?: string | undefined | null; docCode?: string | undefined },
) {
  const docCode = agency.docCode ?? derivedDocCode(agency.name, agency.shortName);
  await db
    .insertInto('letter_settings')
    .values({ agency_id: agency.id, doc_code: docCode, patterns: JSON.stringify(defaultPatterns(docCode)) })
    .execute();
}

async function agencyOrNotFound(ctx: Ctx, agencyId: string) {
  const agency = /^[0-9a-f-]{36}$/i.test(agencyId) ? await findAgency(ctx.db, agencyId) : undefined;
  if (!agency) throw notFound('机关');
  return agency;
}

/** 机关设置 → 文号、救济途径 (who may read the agency). */
export async function letterSettings(ctx: Ctx, agencyId: string): Promise<LetterSettings> {
  const agency = await agencyOrNotFound(ctx, agencyId);
  authorize(ctx, 'agency.read', { agencyId, regionPath: agency.region_path });
  return (await loadLetterSettings(ctx.db, agencyId))!;
}

/** Saves an agency's letter settings whole (its administrator, or a system administrator); audited. */
export async function saveLetterSettings(ctx: Ctx, agencyId: string, body: LetterSettingsInput) {
  const input = letterSettingsInput.parse(body);
  const agency = await agencyOrNotFound(ctx, agencyId);
  authorize(ctx, 'agency.update', { agencyId, regionPath: agency.region_path }, { visibleWith: 'agency.read' });
  const patterns = Object.fromEntries(
    DOC_NUMBER_KINDS.flatMap((k) => (input.patterns[k] ? [[k, input.patterns[k]]] : [])),
  );
  const values = {
    doc_code: input.docCode ?? null,
    patterns: JSON.stringify(patterns),
    review_body: input.reviewBody ?? null,
    court: input.court ?? null,
    updated_at: ctx.now(),
  };
  await inTransaction(ctx, async (trx, audit) => {
    const before = await trx
      .selectFrom('letter_settings')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    await trx
      .insertInto('letter_settings')
      .values({ agency_id: agencyId, ...values })
      .onConflict((oc) => oc.column('agency_id').doUpdateSet(values))
      .execute();
    await audit({
      agencyId,
      action: 'agency.letter_settings_saved',
      entityType: 'agency',
      entityId: agencyId,
      before: before
        ? { docCode: before.doc_code, patterns: before.patterns, reviewBody: before.review_body, court: before.court }
        : null,
      after: { docCode: values.doc_code, patterns, reviewBody: values.review_body, court: values.court },
    });
  });
  return (await loadLetterSettings(ctx.db, agencyId))!;
}
