import type { FastifyInstance } from 'fastify';
import { addAttachment } from '../../commands/catalogue/attachments.ts';
import { importCatalogue } from '../../commands/catalogue/import.ts';
import { startImportJob } from '../../commands/catalogue/import-job.ts';
import { createItem, itemStep, updateItem } from '../../commands/catalogue/items.ts';
import { saveAgencyPage } from '../../commands/catalogue/pages.ts';
import { readXlsxTable, writeXlsxTable, XLSX_MIME } from '../../documents/spreadsheet.ts';
import { approveInput, returnInput, reviewInput, withdrawInput } from '../../domain/catalogue/item-input.ts';
import { parseCsv, toCsv } from '../../domain/csv.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { agencyPagesForStaff } from '../../queries/agency-pages.ts';
import { exportCatalogue } from '../../queries/catalogue-export.ts';
import { staffItemList } from '../../queries/catalogue-list.ts';
import { importJobStatus } from '../../queries/import-jobs.ts';
import { itemForStaff } from '../../queries/item-detail.ts';
import { ctxOf, requireLogin } from '../auth.ts';
import * as c from '../contract/catalogue.ts';
import type { AppDeps } from '../deps.ts';
import { parseInput, route } from '../route.ts';

/** What each workflow step reads from its body (the others read nothing). */
const STEP_INPUT = {
  review: reviewInput,
  approve: approveInput,
  withdraw: withdrawInput,
  return: returnInput,
} as const;

export function catalogueRoutes(app: FastifyInstance, deps: AppDeps) {
  route(app, c.listItems, async ({ req, query }) => staffItemList(ctxOf(req, deps), query));

  route(app, c.createItem, async ({ req, body: { agencyId, ...item } }) => {
    const auth = requireLogin(req);
    const agency = agencyId ?? auth.actor.grants.find((g) => g.role === 'operator')?.agencyId;
    if (!agency) throw notFound('机关');
    return { id: await createItem(ctxOf(req, deps), agency, item) };
  });

  route(app, c.getItem, async ({ req, params }) => itemForStaff(ctxOf(req, deps), params.id));

  route(app, c.updateItem, async ({ req, params, body }) => {
    await updateItem(ctxOf(req, deps), params.id, body);
    return { ok: true };
  });

  route(app, c.itemStep, async ({ req, params, body }) => {
    const schema = params.step in STEP_INPUT ? STEP_INPUT[params.step as keyof typeof STEP_INPUT] : undefined;
    const input = schema ? parseInput(req, schema, body) : {};
    return itemStep(ctxOf(req, deps), params.id, params.step, input);
  });

  // 目录导出, in the import's columns: CSV (UTF-8 with BOM, opens in Excel/WPS) or XLSX
  route(app, c.exportCatalogue, async ({ req, reply, params, query }) => {
    const table = await exportCatalogue(ctxOf(req, deps), query.agencyId);
    reply.header('content-disposition', `attachment; filename="catalogue.${params.format}"`);
    if (params.format === 'xlsx') return reply.type(XLSX_MIME).send(await writeXlsxTable('信息公开目录', table));
    return reply.type('text/csv; charset=utf-8').send(toCsv(table));
  });

  route(app, c.listAgencyPages, async ({ req, params }) => agencyPagesForStaff(ctxOf(req, deps), params.id));

  route(app, c.saveAgencyPage, async ({ req, params, body }) => {
    await saveAgencyPage(ctxOf(req, deps), params.id, params.kind, body);
    return { ok: true };
  });

  // 附件: the file as the body (application/octet-stream), ?filename=…
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: 21 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );
  route(
    app,
    c.addAttachment,
    async ({ req, params, query, body }) => {
      const data = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      return addAttachment(ctxOf(req, deps), deps.dataDir, params.id, query.filename, data);
    },
    { bodyLimit: 21 * 1024 * 1024 },
  );

  // Legacy catalogue import: the file as the body (text/csv or XLSX), ?agencyId=…&dryRun=1, or &async=1 for a
  // background job whose progress GET /api/v1/catalogue/import/:id reports.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 50 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: 50 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  route(
    app,
    c.importCatalogue,
    async ({ req, reply, query, body }) => {
      const table = Buffer.isBuffer(body)
        ? await readXlsxTable(body)
        : typeof body === 'string'
          ? parseCsv(body)
          : (() => {
              throw invalid('请上传 CSV（text/csv）或 Excel（.xlsx）文件');
            })();
      const ctx = ctxOf(req, deps);
      if (query.async === '1') {
        reply.status(202);
        return startImportJob(ctx, query.agencyId, table);
      }
      return importCatalogue(ctx, query.agencyId, table, { dryRun: query.dryRun === '1' });
    },
    { bodyLimit: 50 * 1024 * 1024 },
  );

  route(app, c.importJob, async ({ req, params }) => importJobStatus(ctxOf(req, deps), params.id));
}
