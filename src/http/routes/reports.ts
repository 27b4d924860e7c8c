import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { reportStep, STATUS_LABELS, saveFigures, saveNarrative } from '../../commands/reports/reports.ts';
import { reportStatus } from '../../queries/report-status.ts';
import { agencyReportForStaff } from '../../queries/reports.ts';
import { REPORT_EXT, REPORT_MIME, renderReport, reportJson } from '../../render/report-output.ts';
import { agencyReport, reportTitle } from '../../shared/report/agency-report.ts';
import { ctxOf } from '../auth.ts';
import * as c from '../contract/reports.ts';
import type { AppDeps } from '../deps.ts';
import { disposition, wantsInline } from '../disposition.ts';
import { localeOf, translator } from '../pages/i18n.ts';
import { html, page, sanitizedHtml } from '../pages/layout.ts';
import { route } from '../route.ts';

/** The portal's report pages (HTML, outside the API contract). */
const params = z.object({ agencyId: z.uuid('机关编号不正确'), year: z.coerce.number().int().min(2019).max(2100) });

export function reportRoutes(app: FastifyInstance, deps: AppDeps) {
  // The supervisor's dashboard: who has not submitted, who is late, which reports fail their checks.
  route(app, c.reportStatus, async ({ req, query }) => ({
    year: query.year,
    items: await reportStatus(ctxOf(req, deps), query.year),
  }));

  route(app, c.getReport, async ({ req, reply, params: p, query: q }) => {
    const r = await agencyReportForStaff(ctxOf(req, deps), p.agencyId, p.year, q.version);
    if (q.format === 'json') {
      return {
        ...reportJson(r),
        status: r.status,
        statusLabel: STATUS_LABELS[r.status as 'draft'],
        source: r.source,
        failures: r.failures,
        override: r.override,
        figures: r.figures,
        // The supervisor's per-department breakdown of a government's roll-up.
        departments: r.departments?.map((d) => ({
          id: d.id,
          name: d.name,
          applications: d.report.applications,
          appeals: d.report.appeals,
          proactive: d.report.proactive,
        })),
      };
    }
    const out = await renderReport(r, q.format);
    const name = `${reportTitle(r)}.${REPORT_EXT[q.format]}`;
    return reply
      .type(REPORT_MIME[q.format])
      .header('content-disposition', disposition(name, REPORT_MIME[q.format], wantsInline(q.inline)))
      .send(out);
  });

  route(app, c.saveNarrative, async ({ req, params: p, body }) => {
    await saveNarrative(ctxOf(req, deps), p.agencyId, p.year, body);
    return { ok: true };
  });

  route(app, c.saveFigures, async ({ req, params: p, body }) => {
    await saveFigures(ctxOf(req, deps), p.agencyId, p.year, body);
    return { ok: true };
  });

  route(app, c.reportStep, async ({ req, params: p, body }) =>
    reportStep(ctxOf(req, deps), p.agencyId, p.year, p.step, body),
  );

  // The portal: published reports only, as HTML with charts.
  app.get<{ Params: { agencyId: string; year: string } }>('/agencies/:agencyId/reports/:year', async (req, reply) => {
    const p = params.safeParse(req.params);
    if (!p.success) return reply.callNotFound();
    const r = await publishedReport(deps, p.data);
    if (!r) return reply.callNotFound();
    const body = (await renderReport(r, 'html')) as string;
    // The report is a legal document in Chinese; only the page around it follows the visitor's language.
    const t = translator(localeOf(req));
    const links = html`<p class="downloads">${t('下载：')}${(['pdf', 'docx', 'xlsx'] as const).map((f) => html`<a href="/agencies/${p.data.agencyId}/reports/${p.data.year}/download.${f}">${f.toUpperCase()}</a> `)}</p>`;
    reply.header('cache-control', 'public, max-age=300').header('vary', 'Cookie').type('text/html; charset=utf-8');
    return page({
      t,
      title: `${reportTitle(r)} - ${t('政府信息公开平台')}`,
      body: html`<nav class="crumbs" aria-label="${t('位置')}"><a href="/">${t('首页')}</a> › <a href="/agencies/${p.data.agencyId}">${r.agency.name}</a> › ${t('政府信息公开工作年度报告')}</nav>${links}<article class="report" lang="zh-CN">${sanitizedHtml(body)}</article>`,
    });
  });

  app.get<{ Params: { agencyId: string; year: string; format: string } }>(
    '/agencies/:agencyId/reports/:year/download.:format',
    async (req, reply) => {
      const p = params.safeParse(req.params);
      const f = z.enum(['pdf', 'docx', 'xlsx']).safeParse(req.params.format);
      if (!p.success || !f.success) return reply.callNotFound();
      const r = await publishedReport(deps, p.data);
      if (!r) return reply.callNotFound();
      return reply
        .type(REPORT_MIME[f.data])
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`${reportTitle(r)}.${REPORT_EXT[f.data]}`)}`,
        )
        .send(await renderReport(r, f.data));
    },
  );
}

/** A report the public may see: published ones only. */
async function publishedReport(deps: AppDeps, p: { agencyId: string; year: number }) {
  const row = await deps.db
    .selectFrom('annual_reports')
    .select('status')
    .where('agency_id', '=', p.agencyId)
    .where('year', '=', p.year)
    .executeTakeFirst();
  return row?.status === 'published' ? agencyReport(deps.db, p.agencyId, p.year) : null;
}
