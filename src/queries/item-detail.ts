import { sql } from 'kysely';
import { findItem } from '../db/repos/catalogue.ts';
import { notFound } from '../domain/errors.ts';
import { authorize, type Ctx } from '../shared/context.ts';

/**
 * One catalogue item for the staff's editor: its fields, and its attachments with who uploaded each and when
 * (the uploader is the actor of the upload's audit event, which records the file's digest: the person's name,
 * or the login where the account is gone).
 */
export async function itemForStaff(ctx: Ctx, id: string) {
  const item = await findItem(ctx.db, id);
  if (!item) throw notFound('信息');
  authorize(ctx, 'catalogue.read', { agencyId: item.agency_id, regionPath: item.region_path });
  const attachments = await ctx.db
    .selectFrom('catalogue_attachments as a')
    .select(['a.id', 'a.filename', 'a.mime', 'a.size', 'a.created_at'])
    .select((eb) =>
      eb
        .selectFrom('audit_events as e')
        .leftJoin('users as u', 'u.id', 'e.actor_id')
        .select(sql<string | null>`coalesce(u.display_name, e.actor_name)`.as('name'))
        .where('e.entity_type', '=', 'catalogue_item')
        .whereRef('e.entity_id', '=', eb.cast('a.item_id', 'text'))
        .where('e.action', '=', 'catalogue.attachment_added')
        .where(sql<boolean>`e.after->>'sha256' = a.sha256`)
        .orderBy('e.seq', 'desc')
        .limit(1)
        .as('uploaded_by'),
    )
    .where('a.item_id', '=', id)
    .orderBy('a.created_at')
    .execute();
  // The search columns (and the version of their tokens) and the region's path are the database's, not the editor's.
  const {
    search: _s,
    search_text: _m,
    search_version: _v,
    region_path: _r,
    ...rest
  } = item as typeof item & {
    search_version?: number;
  };
  return {
    ...rest,
    attachments: attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      mime: a.mime,
      size: a.size,
      uploadedAt: a.created_at,
      uploadedBy: a.uploaded_by ?? null,
    })),
  };
}
