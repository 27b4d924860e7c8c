import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTrackingNumber, isTrackingNumber, trackingNumbersIn } from './tracking-number.ts';

test('the serial is padded to six digits and grows past 999999', () => {
  assert.equal(formatTrackingNumber(2026, 1), 'GK2026-000001');
  assert.equal(formatTrackingNumber(2026, 999_999), 'GK2026-999999');
  assert.equal(formatTrackingNumber(2026, 1_000_000), 'GK2026-1000000');
  assert.equal(formatTrackingNumber(2026, '123456789012'), 'GK2026-123456789012');
  assert.throws(() => formatTrackingNumber(2026, 0), RangeError);
  assert.throws(() => formatTrackingNumber(2026, '1234567890123'), RangeError);
});

test('old six-digit numbers and the wider ones are both valid; other shapes are not', () => {
  for (const ok of ['GK2026-000001', 'GK2019-999999', 'GK2026-1000000', 'GK2026-123456789012'])
    assert.ok(isTrackingNumber(ok), ok);
  for (const bad of ['GK2026-00001', 'GK26-000001', 'GK2026-1234567890123', 'gk2026-000001', 'GK2026-00000a', ''])
    assert.ok(!isTrackingNumber(bad), bad);
});

test('numbers are found whole inside a text', () => {
  assert.deepEqual(trackingNumbersIn('申请 GK2026-1000000 与 GK2025-000042。'), ['GK2026-1000000', 'GK2025-000042']);
  assert.deepEqual(trackingNumbersIn('XGK2026-000001 GK2026-1234567890123'), []);
});
