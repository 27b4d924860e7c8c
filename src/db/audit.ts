import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type AuditRecord, auditHash, GENESIS_HASH, verifyChain } from '../domain/audit/chain.ts';
import type { DB } from './schema.ts';

const sm3 = (canonical: string) => createHash('sm3').update(canonical).digest('hex');

export interface AuditInput {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  agencyId: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one event to the hash chain inside the caller's transaction. Locking the head row
 * serialises appends across connections and server instances, so the chain has no forks.
 */
export async function appendAudit(trx: Transaction<DB>, e: AuditInput): Promise<number> {
  const head = await trx.selectFrom('audit_head').selectAll().where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  const record: AuditRecord = {
    seq: head.seq + 1,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    agencyId: e.agencyId,
    action: e.action,
    entityType: e.entityType ?? null,
    entityId: e.entityId ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    prevHash: head.hash,
  };
  const hash = auditHash(record, sm3);
  await trx
    .insertInto('audit_events')
    .values({
      seq: record.seq,
      at: record.at,
      actor_id: record.actorId,
      actor_name: record.actorName,
      agency_id: record.agencyId,
      action: record.action,
      entity_type: record.entityType,
      entity_id: record.entityId,
      before: record.before === null ? null : JSON.stringify(record.before),
      after: record.after === null ? null : JSON.stringify(record.after),
      prev_hash: record.prevHash,
      hash,
    })
    .execute();
  await trx.updateTable('audit_head').set({ seq: record.seq, hash }).where('id', '=', 1).execute();
  return record.seq;
}

export interface VerifyResult {
  ok: boolean;
  count: number;
  firstBroken: { seq: number; reason: string } | null;
}

/** Re-hashes the whole log in pages; reports the first broken link (edited, removed or reordered rows). */
export async function verifyAudit(db: Kysely<DB>, pageSize = 5000): Promise<VerifyResult> {
  let prev = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', prev.seq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    const records = rows.map((r) => ({
      seq: Number(r.seq),
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      agencyId: r.agency_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
    const broken = verifyChain(records, sm3, prev);
    if (broken)
      return { ok: false, count: count + records.findIndex((r) => r.seq === broken.seq), firstBroken: broken };
    count += records.length;
    const last = records[records.length - 1]!;
    prev = { seq: last.seq, hash: last.hash };
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  if (Number(head.seq) !== prev.seq || head.hash !== prev.hash) {
    return { ok: false, count, firstBroken: { seq: prev.seq + 1, reason: 'tail_missing' } };
  }
  return { ok: true, count, firstBroken: null };
}

export async function countAudit(db: Kysely<DB>): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(db);
  return r.rows[0]!.n;
}
