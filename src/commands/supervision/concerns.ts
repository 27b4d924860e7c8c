import type { z } from 'zod';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { CONCERN_SOURCES, concernInput, concernResponseInput } from '../../domain/supervision/supervision-input.ts';
import { authorizeAgency, type Ctx, inTransaction } from '../../shared/context.ts';

// The inputs live in the domain (the HTTP contract reads them); the portal and console import the sources here.
export { CONCERN_SOURCES };

/** 回应关切 (条例第六条): a public concern the agency must answer with published information. */
export async function registerConcern(ctx: Ctx, body: z.input<typeof concernInput>) {
  const v = concernInput.parse(body);
  await authorizeAgency(ctx, v.agencyId, 'concern.manage');
  return inTransaction(ctx, async (trx, audit) => {
    const row = await trx
      .insertInto('concerns')
      .values({
        agency_id: v.agencyId,
        source: v.source,
        topic: v.topic,
        summary: v.summary,
        received_date: v.receivedDate,
        created_by: ctx.actor?.userId || null,
        created_at: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      agencyId: v.agencyId,
      action: 'concern.registered',
      entityType: 'concern',
      entityId: row.id,
      after: v,
    });
    return { id: row.id };
  });
}

/** Links the published response (a catalogue item of the same agency); the response time runs to its publication. */
export async function respondToConcern(ctx: Ctx, concernId: string, body: z.input<typeof concernResponseInput>) {
  const { itemId } = concernResponseInput.parse(body);
  const concern = /^[0-9a-f-]{36}$/i.test(concernId)
    ? await ctx.db.selectFrom('concerns').selectAll().where('id', '=', concernId).executeTakeFirst()
    : undefined;
  if (!concern) throw notFound('关切事项');
  await authorizeAgency(ctx, concern.agency_id, 'concern.manage', { what: '关切事项' });
  const item = await ctx.db
    .selectFrom('catalogue_items')
    .select(['id', 'state', 'publish_date', 'agency_id'])
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item || item.agency_id !== concern.agency_id) throw invalid('回应的信息应为本机关的公开信息');
  if (item.state !== 'published' || !item.publish_date) throw invalid('回应的信息尚未公开，请先完成审查和发布');
  if (item.publish_date < concern.received_date)
    throw new AppError('invalid', '回应信息的发布日期早于关切登记日期，请核对');
  await inTransaction(ctx, async (trx, audit) => {
    await trx
      .updateTable('concerns')
      .set({ response_item_id: item.id, responded_date: item.publish_date })
      .where('id', '=', concern.id)
      .execute();
    await audit({
      agencyId: concern.agency_id,
      action: 'concern.responded',
      entityType: 'concern',
      entityId: concern.id,
      before: { itemId: concern.response_item_id },
      after: { itemId: item.id, respondedDate: item.publish_date },
    });
  });
  return { respondedDate: item.publish_date };
}
