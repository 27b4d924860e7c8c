import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { removeAttachment } from '../../commands/catalogue/attachment-remove.ts';
import { attachmentPath } from '../../commands/catalogue/attachments.ts';
import { importWord } from '../../commands/catalogue/word-import.ts';
import { attachmentForStaff } from '../../queries/attachments.ts';
import { ctxOf } from '../auth.ts';
import * as c from '../contract/attachments.ts';
import type { AppDeps } from '../deps.ts';
import { disposition, wantsInline } from '../disposition.ts';
import { route } from '../route.ts';

/** 附件 in the staff's editor: download (streamed), removal, 从Word导入 (the body for the editor, images as attachments). */
export function attachmentRoutes(app: FastifyInstance, deps: AppDeps) {
  route(app, c.downloadAttachment, async ({ req, reply, params, query }) => {
    const a = await attachmentForStaff(ctxOf(req, deps), params.id, params.aid);
    return reply
      .type(a.mime)
      .header('content-disposition', disposition(a.filename, a.mime, wantsInline(query.inline)))
      .header('content-length', String(a.size))
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(createReadStream(attachmentPath(deps.dataDir, a.item_id, a.id)));
  });

  route(app, c.removeAttachment, async ({ req, params }) => {
    await removeAttachment(ctxOf(req, deps), deps.dataDir, params.id, params.aid);
    return { ok: true as const };
  });

  // The .docx as the body (application/octet-stream, parsed by catalogueRoutes' parser), ?filename=…
  route(
    app,
    c.importWord,
    async ({ req, params, query, body }) => {
      const data = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      return importWord(ctxOf(req, deps), deps.dataDir, params.id, query.filename, data);
    },
    { bodyLimit: 21 * 1024 * 1024 },
  );
}
