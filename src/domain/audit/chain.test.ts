import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { test } from 'node:test';
import {
  auditHash,
  breakMessage,
  type ChainRecord,
  ChainWalk,
  canonicalJson,
  type Digests,
  type Expectation,
  GENESIS_HASH,
  PLATFORM_CHAIN,
  type StoredRecord,
} from './chain.ts';

const sm3 = (s: string) => createHash('sm3').update(s).digest('hex');
const hmac = (key: string) => (s: string) => createHmac('sm3', key).update(s).digest('hex');
const digests: Digests = { sm3, 'hmac-sm3': hmac('the audit key') };

/** A keyed chain of n records (ids interleaved with other chains: `idBase + 2i`). */
function keyed(chain: string, n: number, opts: { from?: StoredRecord; idBase?: number } = {}): StoredRecord[] {
  const out: StoredRecord[] = [];
  let prev = opts.from ? { seq: opts.from.seq, hash: opts.from.hash } : { seq: 0, hash: GENESIS_HASH };
  for (let i = 1; i <= n; i++) {
    const r: ChainRecord = {
      chain,
      id: (opts.idBase ?? 0) + 2 * (prev.seq + 1),
      seq: prev.seq + 1,
      at: new Date(Date.UTC(2026, 0, prev.seq + 1)).toISOString(),
      actorId: null,
      actorName: 'system',
      agencyId: chain === PLATFORM_CHAIN ? null : chain,
      action: 'test.event',
      entityType: 'thing',
      entityId: String(i),
      before: null,
      after: { n: i, 名称: '测试' },
      prevHash: prev.hash,
    };
    const hash = auditHash(r, digests['hmac-sm3']);
    out.push({ ...r, alg: 'hmac-sm3', hash });
    prev = { seq: r.seq, hash };
  }
  return out;
}

/** Records written before 0014: the legacy form (no chain, no id), plain SM3. */
function legacy(n: number): StoredRecord[] {
  const out: StoredRecord[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const r = {
      seq: i,
      at: new Date(Date.UTC(2025, 0, i)).toISOString(),
      actorId: null,
      actorName: 'system',
      agencyId: null,
      action: 'legacy.event',
      entityType: null,
      entityId: null,
      before: null,
      after: { i },
      prevHash: prev,
    };
    prev = auditHash(r, sm3);
    out.push({ ...r, chain: PLATFORM_CHAIN, id: i, alg: 'sm3', hash: prev });
  }
  return out;
}

/** What a tamperer does: change record `seq`, then recompute it and every later link with `digest`. */
function rewrite(rows: StoredRecord[], seq: number, digest: (s: string) => string, alg: StoredRecord['alg']) {
  const out: StoredRecord[] = [];
  let prev = GENESIS_HASH;
  for (const r of rows) {
    if (r.seq < seq) {
      out.push(r);
      prev = r.hash;
      continue;
    }
    const { hash: _h, alg: _a, ...rec } = r;
    const changed = { ...rec, prevHash: prev, after: r.seq === seq ? { rewritten: true } : r.after };
    prev = auditHash(changed, digest);
    out.push({ ...changed, alg, hash: prev });
  }
  return out;
}

const headOf = (rows: StoredRecord[], legacyRows = 0): Expectation => ({
  chain: rows[0]!.chain,
  seq: rows.at(-1)!.seq,
  hash: rows.at(-1)!.hash,
  source: 'head',
  legacy: legacyRows,
});

function walk(rows: StoredRecord[], expectations: Expectation[]) {
  const w = new ChainWalk(digests, expectations);
  for (const r of [...rows].sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : a.seq - b.seq))) w.push(r);
  return w.finish().map(({ chain, seq, reason }) => ({ chain, seq, reason }));
}

test('canonical JSON sorts keys at every level (jsonb reorders them)', () => {
  assert.equal(
    canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } }),
    '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
  );
});

test('intact chains of two agencies verify, each against its head', () => {
  const a = keyed('agency-a', 5);
  const b = keyed('agency-b', 3, { idBase: 1 });
  assert.deepEqual(walk([...a, ...b], [headOf(a), headOf(b)]), []);
});

test('an edited, removed or reordered record breaks its own chain only, at its seq', () => {
  const b = keyed('agency-b', 3, { idBase: 1 });
  const edited = keyed('agency-a', 5);
  const head = headOf(edited);
  edited[2] = { ...edited[2]!, after: { n: 99 } };
  assert.deepEqual(walk([...edited, ...b], [head, headOf(b)]), [
    { chain: 'agency-a', seq: 3, reason: 'hash_mismatch' },
  ]);

  const removed = keyed('agency-a', 5);
  const h2 = headOf(removed);
  removed.splice(1, 1);
  assert.deepEqual(walk(removed, [h2]), [{ chain: 'agency-a', seq: 3, reason: 'gap' }]);

  // Moving a record to another agency's chain (same key, same seq) does not verify either: the chain is hashed.
  const moved = keyed('agency-a', 2);
  const intruder = { ...keyed('agency-c', 2)[1]!, chain: 'agency-a' };
  assert.deepEqual(walk([moved[0]!, { ...intruder, prevHash: moved[0]!.hash }], [headOf(moved)]), [
    { chain: 'agency-a', seq: 2, reason: 'hash_mismatch' },
  ]);
});

test('an insider without the key: a record rewritten and every later hash recomputed with plain SM3 is caught', () => {
  const rows = keyed('agency-a', 5);
  // Record 2 rewritten; 2..5 and the head recomputed as the unkeyed chain was before 0014.
  const forged = rewrite(rows, 2, sm3, 'hmac-sm3');
  const head = headOf(forged);
  assert.deepEqual(walk(forged, [head]), [{ chain: 'agency-a', seq: 2, reason: 'hash_mismatch' }]);
  // Claiming the rows are legacy ones does not help: only the platform chain's first rows may be unkeyed.
  assert.deepEqual(walk(rewrite(rows, 2, sm3, 'sm3'), [head]), [{ chain: 'agency-a', seq: 2, reason: 'unkeyed' }]);
});

test('the legacy segment: unkeyed rows verify as before, as the platform chain’s prefix its head and checkpoints allow', () => {
  const old = legacy(3);
  const rows = [...old, ...keyed(PLATFORM_CHAIN, 2, { from: old[2] })];
  assert.deepEqual(walk(rows, [headOf(rows, 3)]), []);
  // The first keyed record seals the segment: a legacy row rewritten and re-hashed breaks the link after it.
  const { hash: _h, alg: _a, chain: _c, id: _i, ...rec } = old[2]!;
  const changed = { ...rec, after: { i: 333 } };
  const rewritten = [old[0]!, old[1]!, { ...old[2]!, after: changed.after, hash: auditHash(changed, sm3) }];
  assert.deepEqual(walk([...rewritten, ...rows.slice(3)], [headOf(rows, 3)]), [
    { chain: PLATFORM_CHAIN, seq: 4, reason: 'prev_mismatch' },
  ]);
  // A checkpoint that knew 2 legacy rows refuses a third one, whatever the head row now claims.
  const cp: Expectation = { ...headOf(rows.slice(0, 4), 2), source: { checkpoint: 'cp.json' } };
  assert.deepEqual(walk(rows, [headOf(rows, 3), cp]), [{ chain: PLATFORM_CHAIN, seq: 3, reason: 'unkeyed' }]);
  // Unkeyed after keyed is never allowed, however long the head says the legacy segment is.
  const mixed = rewrite([...old, ...keyed(PLATFORM_CHAIN, 2, { from: old[2] })], 5, sm3, 'sm3');
  assert.deepEqual(walk(mixed, [headOf(mixed, 10)]), [{ chain: PLATFORM_CHAIN, seq: 5, reason: 'unkeyed' }]);
});

test('heads: a chain shorter than its head, a head that moved, a missing head row; later appends are fine', () => {
  const rows = keyed('agency-a', 5);
  assert.deepEqual(walk(rows.slice(0, 3), [headOf(rows)]), [{ chain: 'agency-a', seq: 4, reason: 'tail_missing' }]);
  assert.deepEqual(walk(rows, [{ ...headOf(rows.slice(0, 4)), hash: 'f'.repeat(64) }]), [
    { chain: 'agency-a', seq: 4, reason: 'head_mismatch' },
  ]);
  assert.deepEqual(walk(rows, []), [{ chain: 'agency-a', seq: 5, reason: 'head_missing' }]);
  // …after its links were checked: a broken link is reported first.
  assert.deepEqual(walk([rows[0]!, rows[2]!], []), [{ chain: 'agency-a', seq: 3, reason: 'gap' }]);
  // Records appended after the heads were read (a running server) are verified, not taken for tampering.
  assert.deepEqual(walk(rows, [headOf(rows.slice(0, 2))]), []);
  // A chain the heads know but whose records are all gone.
  assert.deepEqual(walk([], [headOf(rows)]), [{ chain: 'agency-a', seq: 1, reason: 'tail_missing' }]);
});

test('checkpoints: a truncated chain with its head re-pointed, and a rewrite by someone with the key', () => {
  const rows = keyed('agency-a', 6);
  const cp: Expectation = { ...headOf(rows.slice(0, 5)), source: { checkpoint: '2026-03-02.json' } };
  // Tail deleted, head set to the new last record: the head agrees, the checkpoint does not.
  const short = rows.slice(0, 3);
  const w = new ChainWalk(digests, [headOf(short), cp]);
  for (const r of short) w.push(r);
  const [b] = w.finish();
  assert.deepEqual(b, { chain: 'agency-a', seq: 4, reason: 'checkpoint_ahead', checkpoint: '2026-03-02.json' });
  assert.match(
    breakMessage(b!, '凉州区市场监督管理局'),
    /凉州区市场监督管理局的审计链第 4 条.*检查点 2026-03-02\.json/,
  );
  // With the key every hash can be recomputed — but the checkpoint's hash at seq 5 no longer matches.
  const rekeyed = rewrite(rows, 2, digests['hmac-sm3'], 'hmac-sm3');
  assert.deepEqual(walk(rekeyed, [headOf(rekeyed), cp]), [
    { chain: 'agency-a', seq: 5, reason: 'checkpoint_mismatch' },
  ]);
});
