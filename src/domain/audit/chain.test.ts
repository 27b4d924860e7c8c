import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { type AuditRecord, auditHash, canonicalJson, GENESIS_HASH, verifyChain } from './chain.ts';

const sm3 = (s: string) => createHash('sm3').update(s).digest('hex');

function chain(n: number) {
  const out: (AuditRecord & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const r: AuditRecord = {
      seq: i,
      at: new Date(Date.UTC(2026, 0, i)).toISOString(),
      actorId: null,
      actorName: 'system',
      agencyId: null,
      action: 'test.event',
      entityType: 'thing',
      entityId: String(i),
      before: null,
      after: { n: i, 名称: '测试' },
      prevHash: prev,
    };
    prev = auditHash(r, sm3);
    out.push({ ...r, hash: prev });
  }
  return out;
}

test('canonical JSON sorts keys at every level (jsonb reorders them)', () => {
  assert.equal(
    canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } }),
    '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
  );
});

test('an intact chain verifies', () => {
  assert.equal(verifyChain(chain(5), sm3), null);
});

test('an edited, removed or reordered record is the first broken link', () => {
  const edited = chain(5);
  edited[2] = { ...edited[2]!, after: { n: 99 } };
  assert.deepEqual(verifyChain(edited, sm3), { seq: 3, reason: 'hash_mismatch' });

  const removed = chain(5);
  removed.splice(1, 1);
  assert.deepEqual(verifyChain(removed, sm3), { seq: 3, reason: 'gap' });

  const rehashed = chain(5);
  const forged = { ...rehashed[1]!, after: { n: 0 } };
  forged.hash = auditHash({ ...forged, hash: undefined } as unknown as AuditRecord, sm3);
  rehashed[1] = forged;
  // Re-hashing the forged record only moves the break to the next link.
  assert.deepEqual(verifyChain(rehashed, sm3), { seq: 3, reason: 'prev_mismatch' });
});
