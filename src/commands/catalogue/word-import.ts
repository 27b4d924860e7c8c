import { imageAnchor } from '../../documents/docx-html.ts';
import { UnreadableFileError } from '../../documents/errors.ts';
import { detectFileType, MAX_ATTACHMENT_BYTES } from '../../domain/catalogue/index.ts';
import { invalid } from '../../domain/errors.ts';
import { type Ctx, inTransaction } from '../../shared/context.ts';
import { transferable, workerPool } from '../../workers/pool.ts';
import { cleanFilename, draftForAttachments, lockDraft, storeAttachment } from './attachments.ts';

const REFUSED = '信息已提交保密审查或已发布，不能再从Word导入；如需修改，请先退回为草稿';
/** A document of ordinary size converts in a second or two; past this the worker is ended (400). */
const TIMEOUT_MS = 60_000;
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const starts = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);
const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg' };

/**
 * 从Word导入: a .docx turned into the body's HTML (mammoth, in the worker pool, after the zip-bomb guard; the
 * result sanitised as a saved body is), for the officer to check in the editor and save — the body itself is
 * not changed here. The document's images (PNG, JPEG) become the item's attachments, in one transaction with
 * their audit events, and the body links to them (`/items/:id/attachments/:aid`, shown once published).
 */
export async function importWord(
  ctx: Ctx,
  dataDir: string,
  itemId: string,
  filename: string | undefined,
  data: Buffer,
) {
  await draftForAttachments(ctx, itemId, REFUSED);
  if (data.length === 0) throw invalid('文件为空，请选择 Word 文档（.docx）');
  if (starts(data, OLE)) throw invalid('这是旧版 Word 文档（.doc），请在 Word 或 WPS 中“另存为”.docx 格式后再导入');
  if (!starts(data, ZIP)) throw invalid('不是 Word 文档（.docx），请选择用 Word 或 WPS 保存的 .docx 文件');
  let doc: Awaited<ReturnType<typeof convert>>;
  try {
    doc = await convert(data);
  } catch (err) {
    if (err instanceof UnreadableFileError) throw invalid(err.message);
    throw err;
  }
  const base = cleanFilename((filename ?? '').replace(/\.docx$/i, '')).slice(0, 80) || 'Word文档';
  const warnings = [...doc.warnings];
  const accepted = doc.images.flatMap((img, n) => {
    const ext = EXT[img.contentType];
    const type = ext ? detectFileType(img.data, `x.${ext}`) : null;
    if (!type || img.data.length > MAX_ATTACHMENT_BYTES || img.data.length === 0) return [];
    return [{ n, name: `${base}-图${n + 1}.${type.ext}`, mime: type.mime, data: img.data }];
  });
  const dropped = doc.images.length - accepted.length;
  if (dropped)
    warnings.push(`${dropped} 张图片不是 PNG 或 JPEG 格式（或超过 20 MB），未导入，请另存为 PNG/JPEG 后作为附件上传`);
  return inTransaction(ctx, async (trx, audit) => {
    const item = await lockDraft(trx, itemId, REFUSED);
    let html = doc.html;
    const attachments = [];
    for (const img of accepted) {
      const a = await storeAttachment(trx, audit, dataDir, item, { ...img, source: 'docx' }, ctx.now());
      attachments.push(a);
      html = html.split(`href="${imageAnchor(img.n)}"`).join(`href="/items/${item.id}/attachments/${a.id}"`);
    }
    // An image not taken keeps its caption, without a link to nothing.
    html = html.replace(/<a href="#gk-image-\d+"[^>]*>([^<]*)<\/a>/g, '$1');
    await audit({
      agencyId: item.agency_id,
      action: 'catalogue.word_imported',
      entityType: 'catalogue_item',
      entityId: item.id,
      after: { filename: filename ?? null, size: data.length, images: attachments.length },
    });
    return { bodyHtml: html, attachments, warnings };
  });
}

function convert(data: Buffer) {
  const { bytes, transfer } = transferable(data);
  return workerPool().run('docx-html', bytes, { timeoutMs: TIMEOUT_MS, transfer });
}
