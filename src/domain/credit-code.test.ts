import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCreditCode, completeCreditCode, isValidCreditCode } from './credit-code.ts';

// Valid examples from regulations.md.
const valid = ['11620602MB161547XN', '11341702486344515H', '11370812004339255B', '116223010139324488'];

test('accepts the valid examples of the regulations', () => {
  for (const code of valid) assert.equal(checkCreditCode(code), null, code);
});

test('rejects each kind of corruption', () => {
  assert.equal(checkCreditCode('11620602MB161547X'), 'length');
  assert.equal(checkCreditCode('11620602MB161547XNN'), 'length');
  assert.equal(checkCreditCode('11620602MB16I547XN'), 'characters'); // I is not allowed
  assert.equal(checkCreditCode('11620602mb161547XN'), 'characters');
  assert.equal(checkCreditCode('11620602MB161547XM'), 'check'); // last digit changed
  assert.equal(checkCreditCode('11620602MB1615470N'), 'org_check'); // org check changed
});

test('every single-character substitution of a valid code is caught', () => {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  for (const code of valid) {
    for (let i = 0; i < 18; i++) {
      for (const ch of alphabet) {
        if (ch === code[i]) continue;
        const bad = code.slice(0, i) + ch + code.slice(i + 1);
        assert.equal(isValidCreditCode(bad), false, bad);
      }
    }
  }
});

test('completeCreditCode produces valid codes', () => {
  for (const code of valid) assert.equal(completeCreditCode(code.slice(0, 16)), code);
});
