import { rmSync } from 'node:fs';
import { notFound } from '../../domain/errors.ts';
import { type Ctx, inTransaction } from '../../shared/context.ts';
import { attachmentPath, draftForAttachments, lockDraft } from './attachments.ts';

const REFUSED = '信息已提交保密审查或已发布，附件不能再删除；如需修改，请先退回为草稿';

/**
 * 删除附件, while the item is a draft only (条例第十七条: what is reviewed is what is published). The row goes
 * with an audit event in one transaction (the item locked); the file is removed once that has committed (a
 * failure leaves an orphan file, never a row without its file).
 */
export async function removeAttachment(ctx: Ctx, dataDir: string, itemId: string, attachmentId: string) {
  await draftForAttachments(ctx, itemId, REFUSED);
  const removed = await inTransaction(ctx, async (trx, audit) => {
    const item = await lockDraft(trx, itemId, REFUSED);
    const row = /^[0-9a-f-]{36}$/i.test(attachmentId)
      ? await trx
          .deleteFrom('catalogue_attachments')
          .where('id', '=', attachmentId)
          .where('item_id', '=', itemId)
          .returning(['id', 'filename', 'size', 'sha256'])
          .executeTakeFirst()
      : undefined;
    if (!row) throw notFound('附件');
    await audit({
      agencyId: item.agency_id,
      action: 'catalogue.attachment_removed',
      entityType: 'catalogue_item',
      entityId: itemId,
      before: { attachmentId: row.id, filename: row.filename, size: row.size, sha256: row.sha256 },
    });
    return row;
  });
  rmSync(attachmentPath(dataDir, itemId, removed.id), { force: true });
}
