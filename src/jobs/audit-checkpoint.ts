import { basename } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import { appendAudit, type VerifyResult, verifyChains } from '../db/audit.ts';
import { writeCheckpointFile } from '../db/audit-checkpoint.ts';
import { auditKeys } from '../db/audit-keys.ts';
import type { DB } from '../db/schema.ts';
import { type Checkpoint, signCheckpoint } from '../domain/audit/checkpoint.ts';
import { chinaDate } from '../domain/calendar/index.ts';
import { enqueueMail } from '../shared/outbox.ts';

export type CheckpointOutcome =
  | { ok: true; file: string; checkpoint: Checkpoint; mailed: boolean }
  | { ok: false; verify: VerifyResult; mailed: boolean };

const JOB = 'audit_checkpoint';

/**
 * A signed checkpoint of every audit chain (SECURITY.md): the chains are verified first — heads that do not
 * hold are never signed — then the heads are written as a new file in `audit-checkpoints/` (0600) and, when
 * AUDIT_CHECKPOINT_EMAIL is set, mailed through the outbox; the checkpoint is itself an audit event. One
 * transaction on one connection (the embedded database has one): the mail and the event commit together.
 */
export async function makeCheckpoint(db: Kysely<DB>, now: Date, actorName = 'system'): Promise<CheckpointOutcome> {
  return db.transaction().execute((trx) => checkpointIn(trx, now, actorName, now.toISOString()));
}

async function checkpointIn(
  trx: Transaction<DB>,
  now: Date,
  actorName: string,
  runKey: string,
): Promise<CheckpointOutcome> {
  const keys = auditKeys(trx);
  const { result, heads } = await verifyChains(trx);
  if (!result.ok) {
    const problems = [...result.breaks.map((b) => b.message), ...result.checkpoints.flatMap((c) => c.message ?? [])];
    const mailed = keys.checkpointEmail
      ? await enqueueMail(trx, {
          to: keys.checkpointEmail,
          subject: `【审计日志校验失败】${chinaDate(now)}：未生成检查点`,
          body: `政府信息公开平台的审计日志校验未通过，检查点没有生成：\n\n${problems.map((p) => `- ${p}`).join('\n')}\n\n请立即核查（gongkai audit verify），并与保存的检查点核对（gongkai audit verify --checkpoint 文件）。`,
          dedupeKey: `${JOB}:failed:${runKey}`,
        })
      : false;
    return { ok: false, verify: result, mailed };
  }
  const checkpoint = signCheckpoint(now.toISOString(), heads, keys.checkpointMac);
  const file = writeCheckpointFile(keys.checkpointDir, checkpoint);
  const mailed = keys.checkpointEmail
    ? await enqueueMail(trx, {
        to: keys.checkpointEmail,
        subject: `【审计检查点】${chinaDate(now)}：${checkpoint.heads.length} 条审计链`,
        body: `政府信息公开平台审计日志检查点（${checkpoint.at}，文件 ${basename(file)}）。\n\n请保存本邮件：把下面的 JSON 存为文件，日后可用 gongkai audit verify --checkpoint 文件 核对审计日志在此之前的记录没有被改写或删除。它保存在数据库之外，即使有人能改写数据库，也改不了这份副本。\n\n${JSON.stringify(checkpoint, null, 2)}\n`,
        dedupeKey: `${JOB}:${basename(file)}`,
      })
    : false;
  await appendAudit(trx, {
    at: now,
    actorId: null,
    actorName,
    agencyId: null,
    action: 'audit.checkpoint',
    entityType: 'audit_checkpoint',
    entityId: basename(file),
    after: { at: checkpoint.at, chains: checkpoint.heads.length, signature: checkpoint.signature, mailed },
  });
  return { ok: true, file, checkpoint, mailed };
}

/**
 * Once a day: the first scheduler pass of each Beijing day (so also soon after an upgrade's first start) claims
 * the day in job_runs, in the checkpoint's transaction: once across restarts and instances; a failed write is
 * tried again at the next pass. A broken chain is logged (and mailed), and no checkpoint is written that day.
 */
export async function dailyAuditCheckpoint(db: Kysely<DB>, now: Date, log?: Logger) {
  const today = chinaDate(now);
  const outcome = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('job_runs')
      .values({ job: JOB, run_key: today })
      .onConflict((oc) => oc.columns(['job', 'run_key']).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return null;
    const out = await checkpointIn(trx, now, 'system', today);
    const result = out.ok
      ? { file: basename(out.file), chains: out.checkpoint.heads.length }
      : { broken: out.verify.breaks.length, refused: out.verify.checkpoints.filter((c) => !c.valid).length };
    await trx
      .updateTable('job_runs')
      .set({ result: JSON.stringify(result) })
      .where('job', '=', JOB)
      .where('run_key', '=', today)
      .execute();
    return out;
  });
  if (outcome?.ok) log?.info({ file: outcome.file }, '审计检查点已写入 (audit checkpoint written)');
  else if (outcome)
    log?.error(
      { breaks: outcome.verify.breaks, checkpoints: outcome.verify.checkpoints },
      '审计日志校验失败，未写检查点 (audit chains broken: no checkpoint written)',
    );
  return outcome;
}
