import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Counter, LOCKOUT_RULES, lockoutKeys, minutesUntil, pastThreshold, refusedUntil } from './lockout.ts';

const now = new Date('2026-03-02T02:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const counter = (failures: number, windowEnds: number, lockedFor: number | null = null): Counter => ({
  failures,
  windowEndsAt: at(windowEnds),
  lockedUntil: lockedFor === null ? null : at(lockedFor),
});

test('the numbers: 等保 five failures for an account at one client; far more for a client or an account', () => {
  assert.deepEqual(LOCKOUT_RULES.pair, { maxFailures: 5, minutes: 15 });
  assert.ok(LOCKOUT_RULES.client.maxFailures > LOCKOUT_RULES.pair.maxFailures);
  assert.ok(LOCKOUT_RULES.account.maxFailures >= 10 * LOCKOUT_RULES.pair.maxFailures);
});

test('a locked pair or client is refused until its lock ends', () => {
  assert.equal(refusedUntil({}, now), null);
  assert.equal(refusedUntil({ pair: counter(4, 10) }, now), null);
  assert.deepEqual(refusedUntil({ pair: counter(5, 10, 12) }, now), at(12));
  assert.deepEqual(refusedUntil({ client: counter(20, 10, 14), pair: counter(5, 10, 12) }, now), at(14));
  assert.equal(refusedUntil({ pair: counter(5, -3, -1) }, now), null, 'an ended lock refuses nothing');
});

test('an attacked account is refused only to a client that has failed in its window', () => {
  const account = counter(50, 40, 55);
  assert.equal(refusedUntil({ account }, now), null, 'a client without failures');
  assert.equal(refusedUntil({ account, client: counter(1, -1) }, now), null, 'failures older than the window');
  assert.deepEqual(refusedUntil({ account, client: counter(1, 10) }, now), at(55));
});

test('an attempt counted beyond a threshold (sent in parallel with the one that locked) is refused', () => {
  const { pair, client, account } = LOCKOUT_RULES;
  assert.equal(pastThreshold({ pair: pair.maxFailures, client: 1, account: 1 }), false, 'the fifth is checked');
  assert.equal(pastThreshold({ pair: pair.maxFailures + 1, client: 1, account: 1 }), true);
  assert.equal(pastThreshold({ pair: 1, client: client.maxFailures + 1, account: 1 }), true);
  assert.equal(pastThreshold({ pair: 1, client: 1, account: account.maxFailures + 1 }), false, 'a clean client');
  assert.equal(pastThreshold({ pair: 2, client: 2, account: account.maxFailures + 1 }), true);
});

test('keys depend on realm, subject and client, and hide both', () => {
  const key = Buffer.alloc(32, 1);
  const a = lockoutKeys(key, 'login', 'alice', '203.0.113.7');
  assert.notEqual(a.keys.pair, lockoutKeys(key, 'login', 'alice', '203.0.113.8').keys.pair);
  assert.equal(a.keys.account, lockoutKeys(key, 'login', 'alice', '203.0.113.8').keys.account);
  assert.equal(a.keys.client, lockoutKeys(key, 'login', 'bob', '203.0.113.7').keys.client);
  assert.notEqual(a.keys.client, lockoutKeys(key, 'code', 'alice', '203.0.113.7').keys.client);
  assert.notEqual(a.keys.pair, lockoutKeys(Buffer.alloc(32, 2), 'login', 'alice', '203.0.113.7').keys.pair);
  for (const k of Object.values(a.keys)) assert.match(k, /^[0-9a-f]{64}$/);
  assert.equal(minutesUntil(at(14.2), now), 15);
  assert.equal(minutesUntil(now, now), 1);
});
