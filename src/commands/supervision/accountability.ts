import type { z } from 'zod';
import { accountabilityInput } from '../../domain/supervision/supervision-input.ts';
import { authorizeAgency, type Ctx, inTransaction } from '../../shared/context.ts';

/** 责任追究 (条例第五十二条、第五十三条): the supervising government records a measure taken. */
export async function recordAccountability(ctx: Ctx, body: z.input<typeof accountabilityInput>) {
  const v = accountabilityInput.parse(body);
  await authorizeAgency(ctx, v.agencyId, 'supervision.manage');
  return inTransaction(ctx, async (trx, audit) => {
    const row = await trx
      .insertInto('accountability_records')
      .values({
        agency_id: v.agencyId,
        subject: v.subject,
        measure: v.measure,
        basis: v.basis,
        reason: v.reason,
        date: v.date,
        created_by: ctx.actor?.userId || null,
        created_at: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      agencyId: v.agencyId,
      action: 'accountability.recorded',
      entityType: 'accountability',
      entityId: row.id,
      after: v,
    });
    return { id: row.id };
  });
}
