import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findItem } from '../../db/repos/catalogue.ts';
import { detectFileType, MAX_ATTACHMENT_BYTES } from '../../domain/catalogue/index.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { authorize, type Ctx, inTransaction } from '../../shared/context.ts';

export function attachmentPath(dataDir: string, itemId: string, id: string) {
  return join(dataDir, 'attachments', itemId, id);
}

/** 附件: checked by content and size; the file is written before the row commits (an orphan file, never a dangling row). */
export async function addAttachment(ctx: Ctx, dataDir: string, itemId: string, filename: string, data: Buffer) {
  const item = /^[0-9a-f-]{36}$/i.test(itemId) ? await findItem(ctx.db, itemId) : undefined;
  if (!item) throw notFound('信息');
  authorize(
    ctx,
    'catalogue.edit',
    { agencyId: item.agency_id, regionPath: item.region_path },
    { visibleWith: 'catalogue.read' },
  );
  if (item.state !== 'draft') throw new AppError('conflict', '只能在草稿状态下添加附件');
  const name = filename
    .trim()
    .replace(/[\\/\u0000-\u001f]/g, '_')
    .slice(0, 200);
  if (!name) throw invalid('请提供文件名');
  if (data.length === 0) throw invalid('文件为空');
  if (data.length > MAX_ATTACHMENT_BYTES) throw invalid(`附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
  const type = detectFileType(data, name);
  if (!type) throw invalid('附件类型不支持或与扩展名不符（支持 PDF、Word、Excel、OFD、PNG、JPEG）');
  const sha256 = createHash('sha256').update(data).digest('hex');
  return inTransaction(ctx, async (trx, audit) => {
    const row = await trx
      .insertInto('catalogue_attachments')
      .values({ item_id: itemId, filename: name, mime: type.mime, size: data.length, sha256 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const file = attachmentPath(dataDir, itemId, row.id);
    // Owner only, whatever the process umask (SECURITY.md: the data dir's files are 0600, directories 0700).
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
    writeFileSync(file, data, { mode: 0o600 });
    await audit({
      agencyId: item.agency_id,
      action: 'catalogue.attachment_added',
      entityType: 'catalogue_item',
      entityId: itemId,
      after: { filename: name, size: data.length, sha256 },
    });
    return { id: row.id, filename: name, mime: type.mime, size: data.length };
  });
}
