import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { findApplication } from '../../db/repos/applications.ts';
import { TRACKING_NUMBER } from '../../domain/case/tracking-number.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { moderationInput } from '../../domain/supervision/supervision-input.ts';
import { authorizeAgency, type Ctx, inTransaction } from '../../shared/context.ts';
import { queryCodeHash } from '../../shared/tracking.ts';

const score = z.coerce.number({ message: '请选择评分' }).int().min(1, '请选择 1–5 分').max(5, '请选择 1–5 分');
const comment = z.string().trim().max(500, '意见不超过 500 字').default('');
const itemRating = z.object({ itemId: z.uuid('信息不存在'), score, comment });
const applicationRating = z.object({
  trackingNumber: z.string().trim().regex(TRACKING_NUMBER, '申请编号或查询码不正确'),
  queryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{8}$/, '申请编号或查询码不正确'),
  score,
  comment,
});

/** States in which the applicant has had the reply and may rate how it was handled. */
const RATEABLE = new Set(['decided', 'served', 'closed']);

/**
 * 社会评议: the public rates a published item (once per visitor and item) or a handled application (once, by its
 * query code). A score counts at once; a comment waits for moderation before anyone else sees it.
 */
export async function submitRating(
  ctx: Ctx,
  target: 'item' | 'application',
  body: unknown,
  client: string,
): Promise<{ id: string }> {
  let agencyId: string;
  let targetId: string;
  let parsed: { score: number; comment: string };
  if (target === 'item') {
    const v = itemRating.parse(body);
    const item = await ctx.db
      .selectFrom('catalogue_items')
      .select(['id', 'agency_id'])
      .where('id', '=', v.itemId)
      .where('state', '=', 'published')
      .where('disclosure', '=', 'proactive')
      .executeTakeFirst();
    if (!item) throw notFound('信息');
    agencyId = item.agency_id;
    targetId = item.id;
    parsed = v;
  } else {
    const v = applicationRating.parse(body);
    const app = await findApplication(ctx.db, v.trackingNumber);
    if (!app || app.query_code_hash !== queryCodeHash(ctx.secretKey, v.trackingNumber, v.queryCode))
      throw new AppError('not_found', '申请编号或查询码不正确');
    if (!RATEABLE.has(app.state)) throw new AppError('conflict', '申请尚未答复，答复后可以评价');
    agencyId = app.agency_id;
    targetId = app.id;
    parsed = v;
  }
  const clientHash = createHmac('sha256', ctx.secretKey).update(`${client}|${targetId}`).digest('hex');
  return inTransaction(ctx, async (trx, audit) => {
    if (target === 'item') {
      const again = await trx
        .selectFrom('ratings')
        .select('id')
        .where('target_id', '=', targetId)
        .where('client_hash', '=', clientHash)
        .executeTakeFirst();
      if (again) throw new AppError('conflict', '您已评价过这条信息，感谢参与');
    }
    const row = await trx
      .insertInto('ratings')
      .values({
        agency_id: agencyId,
        target_type: target,
        target_id: targetId,
        score: parsed.score,
        comment: parsed.comment,
        status: parsed.comment ? 'pending' : 'approved',
        client_hash: clientHash,
        created_at: ctx.now(),
      })
      .onConflict((oc) => oc.columns(['agency_id', 'target_id']).where('target_type', '=', 'application').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new AppError('conflict', '该申请已评价，每件申请只能评价一次');
    await audit({
      agencyId,
      action: 'rating.submitted',
      entityType: 'rating',
      entityId: row.id,
      after: { target, score: parsed.score, hasComment: !!parsed.comment },
    });
    return { id: row.id };
  });
}

/** 审核评议意见: a comment is shown (approved) or hidden (rejected, and then not counted). */
export async function moderateRating(ctx: Ctx, ratingId: string, body: z.input<typeof moderationInput>) {
  const { decision } = moderationInput.parse(body);
  const rating = /^[0-9a-f-]{36}$/i.test(ratingId)
    ? await ctx.db.selectFrom('ratings').selectAll().where('id', '=', ratingId).executeTakeFirst()
    : undefined;
  if (!rating) throw notFound('评议');
  const agency = await authorizeAgency(ctx, rating.agency_id, 'rating.moderate', { what: '评议' });
  if (rating.status !== 'pending') throw new AppError('conflict', '该评议已审核');
  await inTransaction(ctx, async (trx, audit) => {
    await trx
      .updateTable('ratings')
      .set({ status: decision, moderated_by: ctx.actor?.userId || null, moderated_at: ctx.now() })
      .where('id', '=', rating.id)
      .execute();
    await audit({
      agencyId: agency.id,
      action: 'rating.moderated',
      entityType: 'rating',
      entityId: rating.id,
      before: { status: rating.status },
      after: { status: decision },
    });
  });
}
