import { findAgency } from '../db/repos/agencies.ts';
import { notFound } from '../domain/errors.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { liveImportProgress } from '../shared/import-progress.ts';

/** An import job for its progress bar: phase and rows done while running, then the outcome. */
export async function importJobStatus(ctx: Ctx, jobId: string) {
  const job = /^[0-9a-f-]{36}$/i.test(jobId)
    ? await ctx.db.selectFrom('import_jobs').selectAll().where('id', '=', jobId).executeTakeFirst()
    : undefined;
  const agency = job && (await findAgency(ctx.db, job.agency_id));
  if (!job || !agency) throw notFound('导入任务');
  authorize(ctx, 'catalogue.read', { agencyId: job.agency_id, regionPath: agency.region_path });
  const progress = job.state === 'running' ? liveImportProgress(job.id) : undefined;
  const percent =
    job.state !== 'running'
      ? 100
      : progress
        ? Math.floor(((progress.phase === 'write' ? 50 : 0) + (50 * progress.done) / Math.max(1, progress.total)) * 1)
        : 0;
  return {
    id: job.id,
    agencyId: job.agency_id,
    state: job.state,
    total: job.total,
    phase: progress?.phase ?? null,
    done: progress?.done ?? (job.state === 'running' ? 0 : job.total),
    percent: Math.min(100, percent),
    result: job.result,
    createdAt: job.created_at,
    finishedAt: job.finished_at,
  };
}
