import type { z } from 'zod';
import { findAgency, findAgencyByCreditCode, findRegion } from '../../db/repos/agencies.ts';
import { SYSTEM } from '../../domain/access/index.ts';
import type { agencyInput, agencyPatch } from '../../domain/agency/agency-input.ts';
import { checkCreditCode, creditCodeProblemText } from '../../domain/credit-code.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { authorize, type Ctx, inTransaction } from '../../shared/context.ts';
import { initLetterSettings } from './letter-settings.ts';

async function validateRefs(ctx: Ctx, regionCode: string | undefined, parentAgencyId: string | null | undefined) {
  if (regionCode && !(await findRegion(ctx.db, regionCode))) throw invalid(`行政区划 ${regionCode} 不存在`);
  if (parentAgencyId && !(await findAgency(ctx.db, parentAgencyId))) throw invalid('上级机关不存在');
}

/** 新增机关 (system admin). */
export async function createAgency(ctx: Ctx, input: z.infer<typeof agencyInput>) {
  authorize(ctx, 'agency.create', SYSTEM);
  const problem = checkCreditCode(input.creditCode);
  if (problem) throw invalid(creditCodeProblemText[problem], { field: 'creditCode' });
  await validateRefs(ctx, input.regionCode, input.parentAgencyId);
  if (await findAgencyByCreditCode(ctx.db, input.creditCode)) throw invalid('该统一社会信用代码已登记');
  return inTransaction(ctx, async (trx, audit) => {
    const row = await trx
      .insertInto('agencies')
      .values({
        name: input.name,
        short_name: input.shortName ?? null,
        credit_code: input.creditCode,
        kind: input.kind,
        region_code: input.regionCode,
        parent_agency_id: input.parentAgencyId ?? null,
        contact: JSON.stringify(input.contact),
        index_pattern: input.indexPattern,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    // 文号 patterns from its 机关代字, so that its letters can be issued from the start (the admin edits them).
    await initLetterSettings(trx, { id: row.id, name: input.name, shortName: input.shortName, docCode: input.docCode });
    await audit({ agencyId: row.id, action: 'agency.created', entityType: 'agency', entityId: row.id, after: input });
    return row.id;
  });
}

/** 修改机关信息 (its admin, or a system admin). */
export async function updateAgency(ctx: Ctx, id: string, patch: z.infer<typeof agencyPatch>) {
  const before = await findAgency(ctx.db, id);
  if (!before) throw notFound('机关');
  authorize(ctx, 'agency.update', { agencyId: id, regionPath: before.region_path }, { visibleWith: 'agency.read' });
  // Moving an agency between regions or governments changes who supervises it: system admins only.
  if ((patch.regionCode && patch.regionCode !== before.region_code) || patch.parentAgencyId !== undefined) {
    authorize(ctx, 'agency.create', SYSTEM);
  }
  await validateRefs(ctx, patch.regionCode, patch.parentAgencyId);
  await inTransaction(ctx, async (trx, audit) => {
    await trx
      .updateTable('agencies')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.shortName !== undefined && { short_name: patch.shortName }),
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.regionCode !== undefined && { region_code: patch.regionCode }),
        ...(patch.parentAgencyId !== undefined && { parent_agency_id: patch.parentAgencyId }),
        ...(patch.contact !== undefined && { contact: JSON.stringify(patch.contact) }),
        ...(patch.indexPattern !== undefined && { index_pattern: patch.indexPattern }),
        updated_at: ctx.now(),
      })
      .where('id', '=', id)
      .execute();
    await audit({
      agencyId: id,
      action: 'agency.updated',
      entityType: 'agency',
      entityId: id,
      before: { name: before.name, contact: before.contact, index_pattern: before.index_pattern },
      after: patch,
    });
  });
}
