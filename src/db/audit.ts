import { type Kysely, sql, type Transaction } from 'kysely';
import {
  auditHash,
  breakMessage,
  type ChainBreak,
  type ChainRecord,
  ChainWalk,
  chainOf,
  type Expectation,
  GENESIS_HASH,
  PLATFORM_CHAIN,
  type StoredRecord,
} from '../domain/audit/chain.ts';
import { type CheckpointHead, checkpointExpectations } from '../domain/audit/checkpoint.ts';
import { type CheckpointStatus, readCheckpointFile, readNewestCheckpoint } from './audit-checkpoint.ts';
import { auditKeys } from './audit-keys.ts';
import type { DB } from './schema.ts';

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

/** The head of a chain, locked for this transaction; created at genesis for an agency's first event. */
async function lockHead(trx: Transaction<DB>, chain: string) {
  const lock = () =>
    sql<{ seq: number; hash: string; id: number }>`
      select seq, hash, nextval('audit_events_seq_seq') as id from audit_heads where chain = ${chain} for update`.execute(
      trx,
    );
  let head = (await lock()).rows[0];
  if (!head) {
    // Two first events of one agency at once: the second insert waits for the first and then does nothing.
    await trx
      .insertInto('audit_heads')
      .values({ chain, seq: 0, hash: GENESIS_HASH, legacy_seq: 0 })
      .onConflict((oc) => oc.column('chain').doNothing())
      .execute();
    head = (await lock()).rows[0]!;
  }
  return head;
}

/**
 * Appends one event to its agency's chain (or the platform chain) inside the caller's transaction, hashed with
 * HMAC-SM3 under the audit key. Only that chain's head row is locked: appends of different agencies never wait
 * on each other; appends of one agency are serialised, across connections and server instances, so no chain forks.
 */
export async function appendAudit(trx: Transaction<DB>, e: AuditInput): Promise<number> {
  const { digests } = auditKeys(trx);
  const chain = chainOf(e.agencyId);
  const head = await lockHead(trx, chain);
  const record: ChainRecord = {
    chain,
    id: Number(head.id),
    seq: Number(head.seq) + 1,
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
  const hash = auditHash(record, digests['hmac-sm3']);
  await trx
    .insertInto('audit_events')
    .values({
      seq: record.id,
      chain,
      chain_seq: record.seq,
      alg: 'hmac-sm3',
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
  await trx.updateTable('audit_heads').set({ seq: record.seq, hash }).where('chain', '=', chain).execute();
  return record.id;
}

/** Every chain's head as it stands (seq 0 for a chain whose first event is still to come), with agency names. */
export async function readHeads(db: Kysely<DB>): Promise<CheckpointHead[]> {
  const rows = await db
    .selectFrom('audit_heads as h')
    .leftJoin('agencies as a', (j) => j.on(sql`a.id::text`, '=', sql.ref('h.chain')))
    .select(['h.chain', 'h.seq', 'h.hash', 'h.legacy_seq', 'a.name'])
    .orderBy('h.chain')
    .execute();
  return rows.map((r) => ({
    chain: r.chain,
    seq: Number(r.seq),
    hash: r.hash,
    legacy: Number(r.legacy_seq),
    ...(r.name ? { name: r.name } : {}),
  }));
}

export interface VerifyBreak extends ChainBreak {
  chainName: string;
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  /** Events checked, in all chains. */
  count: number;
  chains: number;
  firstBroken: VerifyBreak | null;
  /** The first break of each broken chain. */
  breaks: VerifyBreak[];
  /** The checkpoints compared with: the newest in the data dir (and any refused newer one), then the one given. */
  checkpoints: CheckpointStatus[];
}

/**
 * Verifies every chain: each record's HMAC-SM3 (SM3 for the legacy rows) and link, each chain against its head
 * row and against the newest checkpoint in the data dir and `opts.checkpoint` (a copy kept elsewhere). The heads
 * are read before the walk, so events appended meanwhile are checked but never taken for tampering.
 */
export async function verifyAudit(
  db: Kysely<DB>,
  opts: { checkpoint?: string; pageSize?: number } = {},
): Promise<VerifyResult> {
  return (await verifyChains(db, opts)).result;
}

/** `verifyAudit`, and the heads it verified (what a new checkpoint signs when the result is ok). */
export async function verifyChains(
  db: Kysely<DB>,
  opts: { checkpoint?: string; pageSize?: number } = {},
): Promise<{ result: VerifyResult; heads: CheckpointHead[] }> {
  const keys = auditKeys(db);
  const heads = await readHeads(db);
  const checkpoints: CheckpointStatus[] = [];
  const expectations: Expectation[] = heads.map((h) => ({ ...h, source: 'head' as const }));
  const newest = readNewestCheckpoint(keys.checkpointDir, keys.checkpointMac);
  checkpoints.push(...newest.refused);
  const given = opts.checkpoint ? readCheckpointFile(opts.checkpoint, opts.checkpoint, keys.checkpointMac) : null;
  for (const c of [newest.valid, given]) {
    if (!c) continue;
    checkpoints.push(c.status);
    if (c.checkpoint) expectations.push(...checkpointExpectations(c.checkpoint, c.status.file));
  }
  const walk = new ChainWalk(keys.digests, expectations);
  const pageSize = opts.pageSize ?? 5000;
  let after: { chain: string; seq: number } | null = null;
  for (;;) {
    let q = db.selectFrom('audit_events').selectAll().orderBy('chain').orderBy('chain_seq').limit(pageSize);
    if (after) q = q.where(sql<boolean>`(chain, chain_seq) > (${after.chain}, ${after.seq})`);
    const rows = await q.execute();
    for (const r of rows) walk.push(storedRecord(r));
    if (rows.length < pageSize) break;
    const last = rows.at(-1)!;
    after = { chain: last.chain, seq: Number(last.chain_seq) };
  }
  const names = new Map(heads.map((h) => [h.chain, h.name]));
  const found = walk.finish();
  // A chain begun after the heads were read (an agency's first event meanwhile) has its head row by now.
  const headless = found.filter((b) => b.reason === 'head_missing').map((b) => b.chain);
  const late = headless.length
    ? new Set(
        (await db.selectFrom('audit_heads').select('chain').where('chain', 'in', headless).execute()).map(
          (h) => h.chain,
        ),
      )
    : new Set<string>();
  const breaks = found
    .filter((b) => !(b.reason === 'head_missing' && late.has(b.chain)))
    .map((b) => {
      const chainName = nameOfChain(b.chain, names.get(b.chain));
      return { ...b, chainName, message: breakMessage(b, chainName) };
    });
  const ok = breaks.length === 0 && checkpoints.every((c) => c.valid);
  return {
    result: { ok, count: walk.count, chains: walk.chains, firstBroken: breaks[0] ?? null, breaks, checkpoints },
    heads,
  };
}

function nameOfChain(chain: string, agencyName: string | undefined): string {
  if (chain === PLATFORM_CHAIN) return '平台（不属于任何机关的事件）';
  return `${agencyName ?? '机关'}（${chain}）`;
}

function storedRecord(r: {
  seq: number;
  chain: string;
  chain_seq: number;
  alg: string;
  at: Date | string;
  actor_id: string | null;
  actor_name: string | null;
  agency_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}): StoredRecord {
  return {
    chain: r.chain,
    id: Number(r.seq),
    seq: Number(r.chain_seq),
    alg: r.alg === 'sm3' ? 'sm3' : 'hmac-sm3',
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
  };
}

export async function countAudit(db: Kysely<DB>): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(db);
  return r.rows[0]!.n;
}
