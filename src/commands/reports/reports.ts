import type { Transaction } from 'kysely';
import { z } from 'zod';
import { findAgency } from '../../db/repos/agencies.ts';
import type { DB } from '../../db/schema.ts';
import { can } from '../../domain/access/index.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { figuresSchema, type ReportData, type ReportVersion, versionForYear } from '../../domain/report/index.ts';
import { narrativeInput, stepInput } from '../../domain/report/report-input.ts';
import {
  figuresEditable,
  narrativeEditable,
  REPORT_FLOW,
  REPORT_STATUS_LABELS,
  type ReportStatus,
  type ReportStep,
} from '../../domain/report/status.ts';
import { RETURN_COMMENT_REQUIRED, reportDecision } from '../../domain/review/history.ts';
import { authorize, type Ctx, inTransaction } from '../../shared/context.ts';
import { agencyReport } from '../../shared/report/agency-report.ts';
import { recordReview } from '../../shared/review-history.ts';

/** The report's statuses in Chinese (the console's labels and the reports route read them here). */
export const STATUS_LABELS = REPORT_STATUS_LABELS;

async function resource(ctx: Ctx, agencyId: string) {
  const a = /^[0-9a-f-]{36}$/i.test(agencyId) ? await findAgency(ctx.db, agencyId) : undefined;
  if (!a) throw notFound('机关');
  return { agency: a, res: { agencyId, regionPath: a.region_path } };
}

async function ensureRow(ctx: Ctx, agencyId: string, year: number, version?: ReportVersion) {
  await ctx.db
    .insertInto('annual_reports')
    .values({ agency_id: agencyId, year, version: version ?? versionForYear(year) })
    .onConflict((oc) => oc.columns(['agency_id', 'year']).doNothing())
    .execute();
  return ctx.db
    .selectFrom('annual_reports')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
}

type ReportRow = Awaited<ReturnType<typeof ensureRow>>;

/** The report row, locked, inside the caller's transaction: writes see each other's results, none is lost. */
function lockRow(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('annual_reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

/** The row as it was when the step was checked, or a refusal: another step changed it meanwhile. */
async function lockUnchanged(trx: Transaction<DB>, loaded: ReportRow): Promise<ReportRow> {
  const row = await lockRow(trx, loaded.id);
  if (row.status !== loaded.status || row.updated_at.getTime() !== loaded.updated_at.getTime())
    throw new AppError('conflict', '该报告已被他人处理，请刷新后重试');
  return row;
}

const year = z.number().int().min(2019).max(2100);

/** 编辑 sections 一, 五, 六 (and, rarely, the format version) of a report not yet published. */
export async function saveNarrative(ctx: Ctx, agencyId: string, y: number, body: z.input<typeof narrativeInput>) {
  const input = narrativeInput.parse(body);
  year.parse(y);
  const { res } = await resource(ctx, agencyId);
  authorize(ctx, 'report.edit', res, { visibleWith: 'report.read' });
  const { id } = await ensureRow(ctx, agencyId, y, input.version);
  const { version, ...text } = input;
  await inTransaction(ctx, async (trx, audit) => {
    const row = await lockRow(trx, id);
    if (!narrativeEditable(row.status)) throw new AppError('conflict', '报告已提交或已发布，不能修改');
    await trx
      .updateTable('annual_reports')
      .set({
        narrative: JSON.stringify({ ...row.narrative, ...text }),
        ...(version ? { version } : {}),
        updated_at: ctx.now(),
      })
      .where('id', '=', row.id)
      .execute();
    await audit({
      agencyId,
      action: 'report.narrative_saved',
      entityType: 'annual_report',
      entityId: `${agencyId}/${y}`,
      after: { sections: Object.keys(text), version },
    });
  });
}

/** 其他系统的年度数据 (许可、处罚、强制、收费、采购): entered by staff or imported from CSV, never typed into the report. */
export async function saveFigures(ctx: Ctx, agencyId: string, y: number, body: unknown) {
  const { agency, res } = await resource(ctx, agencyId);
  // Report editors enter them; data imports (report.import, e.g. the command line) load them. The 本级政府
  // report is compiled and published by the 政府信息公开工作主管部门 (条例第四十九条): its supervisor enters them.
  const compiles = agency.kind === 'government' && can(ctx.actor, 'report.supervise', res);
  if (!compiles && !can(ctx.actor, 'report.import', res))
    authorize(ctx, 'report.edit', res, { visibleWith: 'report.read' });
  const loaded = await ensureRow(ctx, agencyId, y);
  if (!figuresEditable(loaded.status)) throw new AppError('conflict', '报告已发布，不能修改');
  const figures = figuresSchema(loaded.version).parse(body);
  await inTransaction(ctx, async (trx, audit) => {
    const row = await lockRow(trx, loaded.id);
    if (!figuresEditable(row.status)) throw new AppError('conflict', '报告已发布，不能修改');
    await trx
      .updateTable('annual_reports')
      .set({ figures: JSON.stringify({ ...row.figures, ...figures }), updated_at: ctx.now() })
      .where('id', '=', row.id)
      .execute();
    await audit({
      agencyId,
      action: 'report.figures_saved',
      entityType: 'annual_report',
      entityId: `${agencyId}/${y}`,
      after: figures,
    });
  });
}

/**
 * 条例第四十九条: departments submit to the 本级 主管部门 and publish by 1月31日; governments by 3月31日.
 * draft → submitted → returned | accepted → published. A report whose checks fail is published only with an
 * approver's recorded override. Publication freezes the numbers.
 */
export async function reportStep(
  ctx: Ctx,
  agencyId: string,
  y: number,
  step: ReportStep,
  body: z.input<typeof stepInput> = {},
) {
  const input = stepInput.parse(body ?? {});
  const { agency, res } = await resource(ctx, agencyId);
  const supervising = step === 'return' || step === 'accept';
  authorize(ctx, supervising ? 'report.supervise' : step === 'publish' ? 'report.approve' : 'report.edit', res, {
    visibleWith: 'report.read',
  });
  const loaded = await ensureRow(ctx, agencyId, y);
  const t = REPORT_FLOW[step];
  // A government's own report has no 主管部门 above it on this platform: it may publish from draft.
  const from: readonly ReportStatus[] = step === 'publish' && agency.parent_agency_id ? ['accepted'] : t.from;
  if (!from.includes(loaded.status))
    throw new AppError('conflict', `报告当前状态为“${STATUS_LABELS[loaded.status]}”，不能${t.label}`);
  if (step === 'return' && !input.comment?.trim()) throw invalid(RETURN_COMMENT_REQUIRED, { field: 'comment' });
  const current = await agencyReport(ctx.db, agencyId, y);
  let override: Record<string, unknown> | null = null;
  if (step === 'publish' && current.failures.length) {
    if (!input.overrideReason) {
      throw new AppError(
        'conflict',
        `报告有 ${current.failures.length} 项校验不通过（如：${current.failures[0]!.message}），须由负责人说明理由后方可发布`,
        { failures: current.failures },
      );
    }
    override = {
      approver: ctx.actor?.username,
      reason: input.overrideReason,
      failures: current.failures.map((f) => f.message),
      at: ctx.now().toISOString(),
    };
  }
  return inTransaction(ctx, async (trx, audit) => {
    // The report was checked (and, to publish, computed) outside the lock: refused if changed since.
    const row = await lockUnchanged(trx, loaded);
    const comments = input.comment
      ? [...row.comments, { by: ctx.actor?.username, step, text: input.comment, at: ctx.now().toISOString() }]
      : row.comments;
    await trx
      .updateTable('annual_reports')
      .set({
        status: t.to,
        comments: JSON.stringify(comments),
        updated_at: ctx.now(),
        ...(step === 'submit' && { submitted_at: ctx.now() }),
        ...(step === 'accept' && { accepted_at: ctx.now() }),
        ...(step === 'publish' && {
          published_at: ctx.now(),
          data: JSON.stringify(current.report),
          override: override ? JSON.stringify(override) : null,
        }),
      })
      .where('id', '=', row.id)
      .execute();
    await audit({
      agencyId,
      action: `report.${step}`,
      entityType: 'annual_report',
      entityId: `${agencyId}/${y}`,
      before: { status: row.status },
      after: { status: t.to, comment: input.comment, override },
    });
    await recordReview(trx, ctx, {
      agencyId,
      subject: 'annual_report',
      subjectId: `${agencyId}/${y}`,
      step,
      decision: reportDecision(step),
      comment: input.comment ?? (override ? input.overrideReason : null),
    });
    return { status: t.to };
  });
}

/** 导入历史年报: a parsed published report stored as the agency's report of that year (R5, dashboards). */
export async function importReport(ctx: Ctx, agencyId: string, report: ReportData) {
  const { res } = await resource(ctx, agencyId);
  authorize(ctx, 'report.import', res, { visibleWith: 'report.read' });
  if (!report.year) throw invalid('无法确定报告年度');
  const existing = await ctx.db
    .selectFrom('annual_reports')
    .select(['status', 'source'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', report.year)
    .executeTakeFirst();
  if (existing && existing.source === 'live' && existing.status === 'published')
    throw new AppError('conflict', `${report.year}年报告已在本平台发布，不能以导入覆盖`);
  await inTransaction(ctx, async (trx, audit) => {
    await trx.deleteFrom('annual_reports').where('agency_id', '=', agencyId).where('year', '=', report.year!).execute();
    await trx
      .insertInto('annual_reports')
      .values({
        agency_id: agencyId,
        year: report.year!,
        version: report.version,
        source: 'imported',
        status: 'published',
        data: JSON.stringify(report),
        narrative: JSON.stringify(report.text ?? {}),
      })
      .execute();
    await audit({
      agencyId,
      action: 'report.imported',
      entityType: 'annual_report',
      entityId: `${agencyId}/${report.year}`,
      after: { version: report.version },
    });
  });
}
