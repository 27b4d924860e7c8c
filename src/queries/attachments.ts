import { findItem } from '../db/repos/catalogue.ts';
import { notFound } from '../domain/errors.ts';
import { authorize, type Ctx } from '../shared/context.ts';

/**
 * One attachment of an item, for staff who may read the item (in any state: a draft's files are checked before
 * 保密审查). No access, or no such attachment of this item: 404.
 */
export async function attachmentForStaff(ctx: Ctx, itemId: string, attachmentId: string) {
  const item = await findItem(ctx.db, itemId);
  if (!item) throw notFound('附件');
  authorize(ctx, 'catalogue.read', { agencyId: item.agency_id, regionPath: item.region_path });
  const row = await ctx.db
    .selectFrom('catalogue_attachments')
    .select(['id', 'item_id', 'filename', 'mime', 'size'])
    .where('id', '=', attachmentId)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  if (!row) throw notFound('附件');
  return row;
}
