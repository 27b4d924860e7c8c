import { AppError } from '../../domain/errors.ts';
import type { Ctx } from '../../shared/context.ts';
import { liveImports } from '../../shared/import-progress.ts';
import { authorizeImport, importCatalogue } from './import.ts';

/**
 * Starts a legacy-catalogue import in the background and answers at once with the job id; the caller polls
 * GET /api/v1/catalogue/import/:id for the progress bar and, at the end, the count or the per-row errors.
 * The import itself is still all-or-nothing (one transaction).
 */
export async function startImportJob(ctx: Ctx, agencyId: string, table: string[][]): Promise<{ jobId: string }> {
  await authorizeImport(ctx, agencyId);
  const job = await ctx.db
    .insertInto('import_jobs')
    .values({
      agency_id: agencyId,
      kind: 'catalogue',
      total: Math.max(0, table.length - 1),
      created_by: ctx.actor?.userId || null,
      created_at: ctx.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = job.id;
  liveImports.set(id, { phase: 'validate', done: 0, total: Math.max(0, table.length - 1) });
  const finish = async (state: 'done' | 'failed', result: unknown) => {
    await ctx.db
      .updateTable('import_jobs')
      .set({ state, result: JSON.stringify(result), finished_at: ctx.now() })
      .where('id', '=', id)
      .execute();
    // Kept a little longer: a status read that saw the row still running, just before this update, then finds
    // the last progress (not none, which would send the bar back to 0).
    setTimeout(() => liveImports.delete(id), 60_000).unref();
  };
  // Let the HTTP answer go out first; the import runs on the same process.
  setImmediate(() => {
    importCatalogue(ctx, agencyId, table, { onProgress: (p) => liveImports.set(id, p) })
      .then((r) => finish('done', r))
      .catch((e: unknown) =>
        finish(
          'failed',
          e instanceof AppError
            ? { message: e.message, details: e.details }
            : { message: '导入失败（系统错误），未写入任何数据，请稍后重试' },
        ),
      )
      .catch(() => setTimeout(() => liveImports.delete(id), 60_000).unref());
  });
  return { jobId: id };
}

/** Jobs cut off by a restart wrote nothing (one transaction); they are marked failed so nobody waits for them. */
export async function failInterruptedImports(ctx: Pick<Ctx, 'db'>, olderThan: Date) {
  await ctx.db
    .updateTable('import_jobs')
    .set({
      state: 'failed',
      finished_at: new Date(olderThan),
      result: JSON.stringify({ message: '导入因服务重启中断，未写入任何数据，请重新导入' }),
    })
    .where('state', '=', 'running')
    .where('created_at', '<', olderThan)
    .execute();
}
