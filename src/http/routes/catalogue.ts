import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addAttachment } from '../../commands/catalogue/attachments.ts';
import { importCatalogue } from '../../commands/catalogue/import.ts';
import { startImportJob } from '../../commands/catalogue/import-job.ts';
import { createItem, itemStep, updateItem } from '../../commands/catalogue/items.ts';
import { saveAgencyPage } from '../../commands/catalogue/pages.ts';
import { findItem } from '../../db/repos/catalogue.ts';
import { readXlsxTable, writeXlsxTable, XLSX_MIME } from '../../documents/spreadsheet.ts';
import { parseCsv, toCsv } from '../../domain/csv.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { staffItems } from '../../queries/catalogue.ts';
import { exportCatalogue } from '../../queries/catalogue-export.ts';
import { importJobStatus } from '../../queries/import-jobs.ts';
import { authorize } from '../../shared/context.ts';
import { ctxOf, requireLogin } from '../auth.ts';
import type { AppDeps } from '../deps.ts';

const listQuery = z.object({
  state: z.string().max(30).optional(),
  queue: z.enum(['review', 'approval', 'overdue', 'no_interpretation']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
const stepParam = z.enum(['submit', 'review', 'return', 'approve', 'publish', 'withdraw'], { message: '操作不正确' });

export function catalogueRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/v1/catalogue/items', async (req) => ({
    items: await staffItems(ctxOf(req, deps), listQuery.parse(req.query)),
  }));

  app.post('/api/v1/catalogue/items', async (req, reply) => {
    const auth = requireLogin(req);
    const body = (req.body ?? {}) as { agencyId?: string };
    const agencyId = body.agencyId ?? auth.actor.grants.find((g) => g.role === 'operator')?.agencyId;
    if (!agencyId) throw notFound('机关');
    const id = await createItem(ctxOf(req, deps), agencyId, body);
    reply.status(201);
    return { id };
  });

  app.get<{ Params: { id: string } }>('/api/v1/catalogue/items/:id', async (req) => {
    requireLogin(req);
    const item = /^[0-9a-f-]{36}$/i.test(req.params.id) ? await findItem(deps.db, req.params.id) : undefined;
    if (!item) throw notFound('信息');
    authorize(ctxOf(req, deps), 'catalogue.read', { agencyId: item.agency_id, regionPath: item.region_path });
    const { search: _s, match_text: _m, ...rest } = item;
    return rest;
  });

  app.patch<{ Params: { id: string } }>('/api/v1/catalogue/items/:id', async (req) => {
    requireLogin(req);
    await updateItem(ctxOf(req, deps), req.params.id, req.body);
    return { ok: true };
  });

  app.post<{ Params: { id: string; step: string } }>('/api/v1/catalogue/items/:id/:step', async (req) => {
    requireLogin(req);
    return itemStep(ctxOf(req, deps), req.params.id, stepParam.parse(req.params.step), req.body ?? {});
  });

  // 目录导出, in the import's columns: CSV (UTF-8 with BOM, opens in Excel/WPS) or XLSX
  app.get<{ Params: { format: string }; Querystring: { agencyId?: string } }>(
    '/api/v1/catalogue/export.:format',
    async (req, reply) => {
      requireLogin(req);
      const format = z.enum(['csv', 'xlsx'], { message: '导出格式应为 csv 或 xlsx' }).parse(req.params.format);
      const table = await exportCatalogue(ctxOf(req, deps), String(req.query.agencyId ?? ''));
      reply.header('content-disposition', `attachment; filename="catalogue.${format}"`);
      if (format === 'xlsx') return reply.type(XLSX_MIME).send(await writeXlsxTable('信息公开目录', table));
      return reply.type('text/csv; charset=utf-8').send(toCsv(table));
    },
  );

  app.put<{ Params: { id: string; kind: string } }>('/api/v1/agencies/:id/pages/:kind', async (req) => {
    requireLogin(req);
    await saveAgencyPage(ctxOf(req, deps), req.params.id, req.params.kind, req.body);
    return { ok: true };
  });

  // 附件: the file as the body (application/octet-stream), ?filename=…
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: 21 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );
  app.post<{ Params: { id: string }; Querystring: { filename?: string } }>(
    '/api/v1/catalogue/items/:id/attachments',
    { bodyLimit: 21 * 1024 * 1024 },
    async (req, reply) => {
      requireLogin(req);
      const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      reply.status(201);
      return addAttachment(ctxOf(req, deps), deps.dataDir, req.params.id, String(req.query.filename ?? ''), data);
    },
  );

  // Legacy catalogue import: the file as the body (text/csv or XLSX), ?agencyId=…&dryRun=1, or &async=1 for a
  // background job whose progress GET /api/v1/catalogue/import/:id reports.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 50 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: 50 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  app.post<{ Querystring: { agencyId?: string; dryRun?: string; async?: string } }>(
    '/api/v1/catalogue/import',
    { bodyLimit: 50 * 1024 * 1024 },
    async (req, reply) => {
      requireLogin(req);
      const agencyId = z.uuid('请指定机关 agencyId').parse(req.query.agencyId);
      const table = Buffer.isBuffer(req.body)
        ? await readXlsxTable(req.body)
        : typeof req.body === 'string'
          ? parseCsv(req.body)
          : (() => {
              throw invalid('请上传 CSV（text/csv）或 Excel（.xlsx）文件');
            })();
      const ctx = ctxOf(req, deps);
      if (req.query.async === '1') {
        reply.status(202);
        return startImportJob(ctx, agencyId, table);
      }
      return importCatalogue(ctx, agencyId, table, { dryRun: req.query.dryRun === '1' });
    },
  );

  app.get<{ Params: { id: string } }>('/api/v1/catalogue/import/:id', async (req) => {
    requireLogin(req);
    return importJobStatus(ctxOf(req, deps), req.params.id);
  });
}
