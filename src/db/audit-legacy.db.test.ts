import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { TEST_SECRET_KEY } from '../../test/helpers/db.ts';
import { fixedClock } from '../../test/helpers/factory.ts';
import { type AuditRecord, auditHash, GENESIS_HASH, PLATFORM_CHAIN } from '../domain/audit/chain.ts';
import { makeCheckpoint } from '../jobs/audit-checkpoint.ts';
import { appendAudit, verifyAudit } from './audit.ts';
import { type Database, openDatabase } from './connect.ts';
import { listMigrations, migrate } from './migrate.ts';

/**
 * An existing deployment upgrades: its audit log was written before 0014 (one unkeyed SM3 chain, one global
 * head). After the migration those rows are the platform chain's legacy prefix, verified as before; the first
 * keyed record links onto their last hash, and checkpoints record how long the prefix is.
 */
const LEGACY = 6;
const sm3 = (s: string) => createHash('sm3').update(s).digest('hex');
const now = fixedClock();
let database: Database;
let dataDir: string;
let dropDb: () => Promise<void> = async () => {};

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gongkai-legacy-'));
  let url: string | undefined;
  if (process.env.DATABASE_URL) {
    const name = `gongkai_legacy_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    dropDb = async () => {
      const a = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  }
  database = await openDatabase({ dataDir, databaseUrl: url, secretKey: TEST_SECRET_KEY });
  // The schema as it was before 0014, and an audit log written the way it was then.
  await database.pool.query(
    'create table schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())',
  );
  for (const m of listMigrations().filter((x) => x.version < 14)) {
    await database.pool.query(m.sql);
    await database.pool.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
  }
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= LEGACY; seq++) {
    const r: AuditRecord = {
      seq,
      at: new Date(Date.UTC(2025, 5, seq)).toISOString(),
      actorId: null,
      actorName: 'system',
      agencyId: seq % 2 ? null : randomUUID(),
      action: 'legacy.event',
      entityType: 'thing',
      entityId: String(seq),
      before: null,
      after: { seq, 说明: '升级前的记录' },
      prevHash: prev,
    };
    prev = auditHash(r, sm3);
    await database.pool.query(
      `insert into audit_events (seq, at, actor_id, actor_name, agency_id, action, entity_type, entity_id, before, after, prev_hash, hash)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        seq,
        r.at,
        null,
        r.actorName,
        r.agencyId,
        r.action,
        r.entityType,
        r.entityId,
        null,
        JSON.stringify(r.after),
        r.prevHash,
        prev,
      ],
    );
    await database.pool.query('update audit_head set seq = $1, hash = $2 where id = 1', [seq, prev]);
  }
  assert.deepEqual(await migrate(database.pool), [
    ...listMigrations()
      .filter((x) => x.version >= 14)
      .map((x) => x.version),
  ]);
});
after(async () => {
  await database?.close();
  await dropDb();
  rmSync(dataDir, { recursive: true, force: true });
});

const append = (agencyId: string | null) =>
  database.db
    .transaction()
    .execute((trx) =>
      appendAudit(trx, { at: now(), actorId: null, actorName: 't', agencyId, action: 'after.upgrade' }),
    );

test('after the upgrade the old rows verify as before, as the platform chain’s legacy prefix', async () => {
  const rows = (await database.pool.query('select chain, chain_seq, alg from audit_events order by seq')).rows;
  assert.deepEqual(
    rows.map((r) => [r.chain, Number(r.chain_seq), r.alg]),
    Array.from({ length: LEGACY }, (_, i) => [PLATFORM_CHAIN, i + 1, 'sm3']),
  );
  const head = (await database.pool.query('select seq, legacy_seq from audit_heads')).rows;
  assert.deepEqual(
    head.map((h) => [Number(h.seq), Number(h.legacy_seq)]),
    [[LEGACY, LEGACY]],
  );
  const v = await verifyAudit(database.db);
  assert.deepEqual([v.ok, v.count, v.chains], [true, LEGACY, 1]);
  // New records are keyed: the platform chain continues from the legacy head, an agency starts its own.
  await append(null);
  await append(randomUUID());
  const next = (
    await database.pool.query(
      "select chain_seq, alg, seq from audit_events where action = 'after.upgrade' order by seq",
    )
  ).rows;
  assert.deepEqual(
    next.map((r) => r.alg),
    ['hmac-sm3', 'hmac-sm3'],
  );
  assert.deepEqual(
    next.map((r) => Number(r.chain_seq)),
    [LEGACY + 1, 1],
  );
  assert.equal(Number(next[0].seq), LEGACY + 1, 'the global order continues');
  const cp = await makeCheckpoint(database.db, now());
  assert.ok(cp.ok);
  assert.equal(cp.checkpoint.heads.find((h) => h.chain === PLATFORM_CHAIN)?.legacy, LEGACY);
  assert.equal((await verifyAudit(database.db)).ok, true);
});

test('the first keyed record seals the legacy rows; the checkpoint keeps their count', async () => {
  await database.pool.query('alter table audit_events disable trigger audit_events_no_update');
  try {
    // As before 0014, an insider can rewrite a legacy row and recompute the legacy hashes after it…
    const legacy = (await database.pool.query("select * from audit_events where alg = 'sm3' order by chain_seq")).rows;
    let prev = GENESIS_HASH;
    const saved = legacy.map((r) => ({ seq: r.seq, after: r.after, prev: r.prev_hash, hash: r.hash }));
    for (const r of legacy) {
      const rec: AuditRecord = {
        seq: Number(r.chain_seq),
        at: new Date(r.at).toISOString(),
        actorId: r.actor_id,
        actorName: r.actor_name,
        agencyId: r.agency_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: Number(r.chain_seq) === 2 ? { 说明: '篡改' } : r.after,
        prevHash: prev,
      };
      prev = auditHash(rec, sm3);
      await database.pool.query('update audit_events set after = $1::jsonb, prev_hash = $2, hash = $3 where seq = $4', [
        JSON.stringify(rec.after),
        rec.prevHash,
        prev,
        r.seq,
      ]);
    }
    // …but the first keyed record, which no one without the key can recompute, no longer links.
    const v = await verifyAudit(database.db);
    assert.deepEqual(
      v.breaks.map((b) => [b.chain, b.seq, b.reason]),
      [[PLATFORM_CHAIN, LEGACY + 1, 'prev_mismatch']],
    );
    for (const s of saved)
      await database.pool.query('update audit_events set after = $1::jsonb, prev_hash = $2, hash = $3 where seq = $4', [
        JSON.stringify(s.after),
        s.prev,
        s.hash,
        s.seq,
      ]);
    assert.equal((await verifyAudit(database.db)).ok, true);

    // Passing every keyed platform record off as legacy — recomputed in the legacy form, the head's count raised:
    // the database alone now agrees, but the checkpoint signed the count of legacy rows.
    await database.pool.query('alter table audit_heads disable trigger audit_heads_forward');
    const keyed = (
      await database.pool.query(
        "select * from audit_events where chain = 'platform' and alg = 'hmac-sm3' order by chain_seq",
      )
    ).rows;
    let link = (
      await database.pool.query("select hash from audit_events where chain = 'platform' and chain_seq = $1", [LEGACY])
    ).rows[0].hash as string;
    for (const r of keyed) {
      const rec: AuditRecord = {
        seq: Number(r.chain_seq),
        at: new Date(r.at).toISOString(),
        actorId: r.actor_id,
        actorName: r.actor_name,
        agencyId: r.agency_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
        prevHash: link,
      };
      link = auditHash(rec, sm3);
      await database.pool.query("update audit_events set alg = 'sm3', prev_hash = $1, hash = $2 where seq = $3", [
        rec.prevHash,
        link,
        r.seq,
      ]);
    }
    const end = Number(keyed.at(-1).chain_seq);
    await database.pool.query("update audit_heads set legacy_seq = $1, hash = $2 where chain = 'platform'", [
      end,
      link,
    ]);
    const relabelled = await verifyAudit(database.db);
    assert.deepEqual(
      relabelled.breaks.map((b) => [b.chain, b.seq, b.reason]),
      [[PLATFORM_CHAIN, LEGACY + 1, 'unkeyed']],
    );
    rmSync(join(dataDir, 'audit-checkpoints'), { recursive: true });
    assert.equal((await verifyAudit(database.db)).ok, true, 'without the checkpoint, the database alone is fooled');
  } finally {
    await database.pool.query('alter table audit_events enable trigger audit_events_no_update');
    await database.pool.query('alter table audit_heads enable trigger audit_heads_forward');
  }
});
