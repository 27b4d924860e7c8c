import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transaction } from 'kysely';
import type { AuditInput } from '../../db/audit.ts';
import { findItem, type ItemRow } from '../../db/repos/catalogue.ts';
import type { DB } from '../../db/schema.ts';
import { detectFileType, MAX_ATTACHMENT_BYTES } from '../../domain/catalogue/index.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { authorize, type Ctx, inTransaction } from '../../shared/context.ts';

export function attachmentPath(dataDir: string, itemId: string, id: string) {
  return join(dataDir, 'attachments', itemId, id);
}

type Audit = (e: Omit<AuditInput, 'at' | 'actorId' | 'actorName'>) => Promise<void>;

/** A file name as stored: no path separators or control characters, at most 200 characters. */
export const cleanFilename = (filename: string) =>
  filename
    .trim()
    .replace(/[\\/\u0000-\u001f]/g, '_')
    .slice(0, 200);

/** The draft item an attachment change is about, for an editor of its agency (404 unseen, 403 seen, 409 not a draft). */
export async function draftForAttachments(ctx: Ctx, itemId: string, refusal: string): Promise<ItemRow> {
  const item = /^[0-9a-f-]{36}$/i.test(itemId) ? await findItem(ctx.db, itemId) : undefined;
  if (!item) throw notFound('信息');
  authorize(
    ctx,
    'catalogue.edit',
    { agencyId: item.agency_id, regionPath: item.region_path },
    { visibleWith: 'catalogue.read' },
  );
  // 条例第十七条: what was submitted to 保密审查 is what is reviewed and published; its files change no more.
  if (item.state !== 'draft') throw new AppError('conflict', refusal);
  return item;
}

/**
 * One attachment's row, file and audit event inside the caller's transaction (the item locked by it). The file
 * is written before the row commits (an orphan file, never a dangling row). The event records the digest by
 * which the editor finds who uploaded it (queries/item-detail.ts).
 */
export async function storeAttachment(
  trx: Transaction<DB>,
  audit: Audit,
  dataDir: string,
  item: Pick<ItemRow, 'id' | 'agency_id'>,
  file: { name: string; mime: string; data: Uint8Array; source?: string },
  at: Date,
) {
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  const row = await trx
    .insertInto('catalogue_attachments')
    .values({
      agency_id: item.agency_id,
      item_id: item.id,
      filename: file.name,
      mime: file.mime,
      size: file.data.length,
      sha256,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = attachmentPath(dataDir, item.id, row.id);
  // Owner only, whatever the process umask (SECURITY.md: the data dir's files are 0600, directories 0700).
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  writeFileSync(path, file.data, { mode: 0o600 });
  await audit({
    agencyId: item.agency_id,
    action: 'catalogue.attachment_added',
    entityType: 'catalogue_item',
    entityId: item.id,
    after: { filename: file.name, size: file.data.length, sha256, ...(file.source ? { source: file.source } : {}) },
  });
  return { id: row.id, filename: file.name, mime: file.mime, size: file.data.length };
}

/** The item's row locked for the change: still a draft now that no other step can run beside this one. */
export async function lockDraft(trx: Transaction<DB>, itemId: string, refusal: string) {
  const locked = await findItem(trx, itemId, { lock: true });
  if (!locked) throw notFound('信息');
  if (locked.state !== 'draft') throw new AppError('conflict', refusal);
  return locked;
}

const ADD_REFUSED = '信息已提交保密审查或已发布，不能再添加附件；如需修改，请先退回为草稿';

/** 附件: checked by content and size. */
export async function addAttachment(ctx: Ctx, dataDir: string, itemId: string, filename: string, data: Buffer) {
  await draftForAttachments(ctx, itemId, ADD_REFUSED);
  const name = cleanFilename(filename);
  if (!name) throw invalid('请提供文件名');
  if (data.length === 0) throw invalid('文件为空');
  if (data.length > MAX_ATTACHMENT_BYTES) throw invalid(`附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
  const type = detectFileType(data, name);
  if (!type) throw invalid('附件类型不支持或与扩展名不符（支持 PDF、Word、Excel、OFD、PNG、JPEG）');
  return inTransaction(ctx, async (trx, audit) => {
    const item = await lockDraft(trx, itemId, ADD_REFUSED);
    return storeAttachment(trx, audit, dataDir, item, { name, mime: type.mime, data }, ctx.now());
  });
}
