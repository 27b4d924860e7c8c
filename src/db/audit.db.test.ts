import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx } from '../../test/helpers/factory.ts';
import { auditHash, GENESIS_HASH } from '../domain/audit/chain.ts';
import { appendAudit, verifyAudit } from './audit.ts';

let database: TestDatabase;
const now = fixedClock();
const embedded = !process.env.DATABASE_URL;

before(async () => {
  database = await testDatabase();
});
after(async () => database?.close());

const event = (agencyId: string | null, i = 0) => ({
  at: now(),
  actorId: null,
  actorName: 'tester',
  agencyId,
  action: 'test.event',
  entityType: 'thing',
  entityId: String(i),
  after: { i, 名称: '记录' },
});

const append = (agencyId: string | null, n = 1) =>
  database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < n; i++) await appendAudit(trx, event(agencyId, i));
  });

const chainSeqs = async (chain: string) =>
  (
    await database.pool.query('select chain_seq from audit_events where chain = $1 order by chain_seq', [chain])
  ).rows.map((r) => Number(r.chain_seq));

const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(what)), ms).unref())]);

test('appends to two agencies never wait on each other; two to one agency are serialised', {
  skip: embedded ? 'needs PostgreSQL (DATABASE_URL): the embedded database is one session' : false,
}, async () => {
  const a = randomUUID();
  const b = randomUUID();
  await append(a);
  await append(b);
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  let locked!: () => void;
  const holding = new Promise<void>((r) => {
    locked = r;
  });
  // An open transaction that has appended to a's chain: it holds a's head until it commits.
  const holder = database.db.transaction().execute(async (trx) => {
    await appendAudit(trx, event(a, 1));
    locked();
    await gate;
  });
  try {
    await holding;
    await within(append(b), 5000, "b's append waited on a's open transaction");
    let done = false;
    const waiter = append(a).then(() => {
      done = true;
    });
    const deadline = Date.now() + 5000;
    const waiting = async () =>
      (
        await database.pool.query(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        )
      ).rows[0].n as number;
    while ((await waiting()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(await waiting(), 1, "a second append to a's chain waits for the lock");
    assert.equal(done, false);
    release();
    await holder;
    await waiter;
  } finally {
    release();
    await holder.catch(() => {});
  }
  assert.deepEqual(await chainSeqs(a), [1, 2, 3]);
  assert.deepEqual(await chainSeqs(b), [1, 2]);
  assert.equal((await verifyAudit(database.db)).ok, true);
});

test('50 appends at once over two agencies and the platform: every chain stays linear and verifies', async () => {
  const a = randomUUID();
  const b = randomUUID();
  await Promise.all(Array.from({ length: 50 }, (_, i) => append(i % 5 === 0 ? null : i % 2 ? a : b)));
  assert.deepEqual(
    await chainSeqs(a),
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
  assert.deepEqual(
    await chainSeqs(b),
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
  const v = await verifyAudit(database.db);
  assert.equal(v.ok, true, JSON.stringify(v.breaks));
  const heads = await database.pool.query('select chain, seq from audit_heads where chain = any($1)', [[a, b]]);
  assert.deepEqual(
    heads.rows.map((h) => Number(h.seq)),
    [20, 20],
  );
});

/** What an insider with database write access does: around the guards, straight in SQL. */
async function asInsider(fn: () => Promise<unknown>) {
  await database.pool.query('alter table audit_events disable trigger audit_events_no_update');
  await database.pool.query('alter table audit_heads disable trigger audit_heads_forward');
  try {
    await fn();
  } finally {
    await database.pool.query('alter table audit_events enable trigger audit_events_no_update');
    await database.pool.query('alter table audit_heads enable trigger audit_heads_forward');
  }
}

/**
 * Rewrites one record's `after`, then recomputes it, every later record of its chain and the head with SM3
 * exactly as the code hashes — in the keyed record form, or the legacy form — lacking only the key.
 */
async function rewriteWithoutKey(chain: string, seq: number, legacyForm: boolean) {
  const sm3 = (s: string) => createHash('sm3').update(s).digest('hex');
  const rows = (await database.pool.query('select * from audit_events where chain = $1 order by chain_seq', [chain]))
    .rows;
  let prev = rows.find((r) => Number(r.chain_seq) === seq - 1)?.hash ?? GENESIS_HASH;
  await asInsider(async () => {
    for (const r of rows.filter((x) => Number(x.chain_seq) >= seq)) {
      const after = Number(r.chain_seq) === seq ? { i: -1, 名称: '篡改' } : r.after;
      const rec = {
        seq: Number(r.chain_seq),
        at: new Date(r.at).toISOString(),
        actorId: r.actor_id,
        actorName: r.actor_name,
        agencyId: r.agency_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after,
        prevHash: prev,
      };
      prev = legacyForm ? auditHash(rec, sm3) : auditHash({ ...rec, chain, id: Number(r.seq) }, sm3);
      await database.pool.query(
        'update audit_events set after = $1::jsonb, prev_hash = $2, hash = $3, alg = $4 where seq = $5',
        [JSON.stringify(after), rec.prevHash, prev, legacyForm ? 'sm3' : 'hmac-sm3', r.seq],
      );
    }
    await database.pool.query('update audit_heads set hash = $1 where chain = $2', [prev, chain]);
  });
}

test('an insider rewrites a record and recomputes every later hash with SM3: verify names the chain and seq', async () => {
  const agency = await makeAgency(systemCtx(database, now), { name: '凉州区市场监督管理局' });
  const other = randomUUID();
  await append(agency.id, 4);
  await append(other, 3);
  const intact = await verifyAudit(database.db);
  assert.equal(intact.ok, true, JSON.stringify(intact.breaks));

  const seq = (await chainSeqs(agency.id)).at(-2)!; // one of the four just appended, with one after it
  await rewriteWithoutKey(agency.id, seq, false);
  const v = await verifyAudit(database.db);
  assert.equal(v.ok, false);
  assert.deepEqual(
    v.breaks.map((b) => [b.chain, b.seq, b.reason]),
    [[agency.id, seq, 'hash_mismatch']],
    'only the rewritten chain breaks, at the rewritten record',
  );
  assert.equal(
    v.firstBroken?.message,
    `凉州区市场监督管理局（${agency.id}）的审计链第 ${seq} 条：内容被修改（哈希不符）`,
  );

  // Passing the rewrite off as legacy (pre-0014, unkeyed) rows does not help either, constraint dropped.
  await database.pool.query('alter table audit_events drop constraint audit_events_legacy_check');
  await rewriteWithoutKey(other, 2, true);
  const again = await verifyAudit(database.db);
  assert.deepEqual(
    again.breaks.map((b) => `${b.chain}:${b.seq}:${b.reason}`).sort(),
    [`${agency.id}:${seq}:hash_mismatch`, `${other}:2:unkeyed`].sort(),
  );
});
