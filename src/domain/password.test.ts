import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterFailure, isLocked, passwordProblems } from './password.ts';

test('password rules', () => {
  assert.deepEqual(passwordProblems('Gongkai#2026', 'demo-operator'), []);
  assert.equal(passwordProblems('Ab1!', 'x').length, 1);
  assert.match(passwordProblems('abcdefgh1', 'x')[0]!, /三类/);
  assert.match(passwordProblems('Demo-Operator1', 'demo-operator')[0]!, /用户名/);
});

test('lockout after five failures, for fifteen minutes', () => {
  const t0 = new Date('2026-01-05T08:00:00Z');
  let s = { failedLogins: 0, lockedUntil: null as Date | null };
  for (let i = 0; i < 4; i++) s = afterFailure(s, t0);
  assert.equal(isLocked(s, t0), false);
  s = afterFailure(s, t0);
  assert.equal(isLocked(s, t0), true);
  assert.equal(isLocked(s, new Date(t0.getTime() + 14 * 60_000)), true);
  assert.equal(isLocked(s, new Date(t0.getTime() + 15 * 60_000)), false);
});
