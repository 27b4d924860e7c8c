import { z } from 'zod';
import { isISODate } from '../../domain/calendar/index.ts';
import { authorizeAgency, type Ctx, inTransaction } from '../../shared/context.ts';

const input = z.object({
  agencyId: z.uuid('请选择机关'),
  subject: z.string().trim().min(1, '请填写责任对象（单位或人员）').max(100),
  measure: z.string().trim().min(1, '请填写追责措施（如约谈、通报批评、诫勉）').max(100),
  basis: z.string().trim().min(1, '请填写追责依据').max(300),
  reason: z.string().trim().max(1000).default(''),
  date: z.string().refine(isISODate, '日期无效（格式 YYYY-MM-DD）'),
});

/** 责任追究 (条例第五十二条、第五十三条): the supervising government records a measure taken. */
export async function recordAccountability(ctx: Ctx, body: unknown) {
  const v = input.parse(body);
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
