import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { checkpointExpectations, openCheckpoint, refusalMessage, sameHex, signCheckpoint } from './checkpoint.ts';

const mac = (key: string) => (s: string) => createHmac('sm3', key).update(s).digest('hex');
const heads = [
  { chain: 'platform', seq: 12, hash: 'a'.repeat(64), legacy: 10 },
  { chain: '0b6f6a7e-0000-4000-8000-000000000001', seq: 3, hash: 'b'.repeat(64), legacy: 0, name: '凉州区教育局' },
];

test('a signed checkpoint opens with its key; heads are in chain order', () => {
  const cp = signCheckpoint('2026-03-02T02:00:00.000Z', heads, mac('k'));
  assert.deepEqual(
    cp.heads.map((h) => h.chain),
    ['0b6f6a7e-0000-4000-8000-000000000001', 'platform'],
  );
  const opened = openCheckpoint(JSON.stringify(cp, null, 2), mac('k'));
  assert.equal(opened.ok, true);
  assert.deepEqual(opened.ok && opened.checkpoint, cp);
  assert.deepEqual(
    checkpointExpectations(cp, 'f.json').map((e) => [e.chain, e.seq, e.legacy]),
    [
      ['0b6f6a7e-0000-4000-8000-000000000001', 3, 0],
      ['platform', 12, 10],
    ],
  );
});

test('a forged, altered or foreign checkpoint is refused', () => {
  const cp = signCheckpoint('2026-03-02T02:00:00.000Z', heads, mac('k'));
  // Shortened by hand to match a truncated chain: the signature no longer holds.
  const altered = { ...cp, heads: cp.heads.map((h) => (h.chain === 'platform' ? { ...h, seq: 5 } : h)) };
  assert.deepEqual(openCheckpoint(JSON.stringify(altered), mac('k')), { ok: false, reason: 'bad_signature' });
  // Signed by someone without the key (or another deployment's key).
  const forged = signCheckpoint(cp.at, altered.heads, mac('guess'));
  assert.deepEqual(openCheckpoint(JSON.stringify(forged), mac('k')), { ok: false, reason: 'bad_signature' });
  assert.deepEqual(openCheckpoint('{"format":"x"}', mac('k')), { ok: false, reason: 'wrong_format' });
  assert.deepEqual(openCheckpoint(JSON.stringify({ ...cp, extra: 1 }), mac('k')), {
    ok: false,
    reason: 'wrong_format',
  });
  assert.deepEqual(openCheckpoint('not json', mac('k')), { ok: false, reason: 'unreadable' });
  assert.match(refusalMessage('bad_signature', 'x.json'), /检查点 x\.json 签名无效/);
});

test('sameHex compares in full', () => {
  assert.equal(sameHex('abcd', 'abcd'), true);
  assert.equal(sameHex('abcd', 'abce'), false);
  assert.equal(sameHex('abcd', 'abc'), false);
});
