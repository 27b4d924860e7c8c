import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { perApplicationFee, perVolumeFee } from './fees.ts';

test('按件: 1–10 free, 11–30 100元, 31–40 200元, 41–50 300元', () => {
  const table: [number, number][] = [
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
  ];
  for (const [n, fee] of table) assert.equal(perApplicationFee(n), fee, `#${n}`);
});

test('按量: the regulation example, 250 pages = 4700元, and the tier edges', () => {
  const table: [number, number][] = [
    [0, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700],
  ];
  for (const [p, fee] of table) assert.equal(perVolumeFee(p), fee, `${p} pages`);
});

test('fees never decrease with volume or count', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 5000 }), (p) => perVolumeFee(p + 1) >= perVolumeFee(p)));
  fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), (n) => perApplicationFee(n + 1) >= perApplicationFee(n)));
});
