import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  type AgencyFacts,
  DEFAULT_PLAN,
  INDICATOR_KEYS,
  planProblems,
  rank,
  scoreAgency,
  summarizeRatings,
} from './index.ts';

const facts = (over: Partial<AgencyFacts> = {}): AgencyFacts => ({
  on_time_replies: { numerator: 9, denominator: 10, shortfalls: [{ id: 'a', label: 'GK2026-000001' }] },
  disclosure_timeliness: { numerator: 4, denominator: 4, shortfalls: [] },
  interpretation_coverage: { numerator: 1, denominator: 2, shortfalls: [{ id: 'b', label: '某规范性文件' }] },
  report_on_time: { numerator: 2, denominator: 2, shortfalls: [] },
  appeals_not_corrected: { numerator: 0, denominator: 0, shortfalls: [] },
  ...over,
});

test('a score is the weighted sum of the ratios; nothing to assess counts as full marks', () => {
  const s = scoreAgency(DEFAULT_PLAN, facts());
  // 30×0.9 + 25×1 + 15×0.5 + 15×1 + 15×1
  assert.equal(s.total, 89.5);
  assert.equal(s.indicators.find((i) => i.key === 'appeals_not_corrected')!.ratio, 1);
  assert.deepEqual(s.indicators.find((i) => i.key === 'on_time_replies')!.shortfalls, [
    { id: 'a', label: 'GK2026-000001' },
  ]);
});

test('one more late reply lowers the score', () => {
  const before = scoreAgency(DEFAULT_PLAN, facts()).total;
  const after = scoreAgency(
    DEFAULT_PLAN,
    facts({ on_time_replies: { numerator: 8, denominator: 10, shortfalls: [] } }),
  ).total;
  assert.equal(before - after, 3);
});

test('ranking: highest first, ties share a rank', () => {
  const r = rank([
    { name: 'a', total: 80 },
    { name: 'b', total: 95 },
    { name: 'c', total: 80 },
    { name: 'd', total: 70 },
  ]);
  assert.deepEqual(
    r.map((x) => [x.name, x.rank]),
    [
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ],
  );
});

test('plans: known indicators once each, weights positive and summing to 100', () => {
  assert.deepEqual(planProblems(DEFAULT_PLAN), []);
  assert.deepEqual(planProblems([{ key: 'on_time_replies', weight: 50 }]), ['各项权重之和应为 100（现为 50）']);
  assert.match(planProblems([{ key: 'bogus', weight: 100 }]).join(), /未知的考核指标/);
  assert.match(
    planProblems([
      { key: 'on_time_replies', weight: 50 },
      { key: 'on_time_replies', weight: 50 },
    ]).join(),
    /重复/,
  );
});

test('property: a total lies between 0 and the sum of weights', () => {
  const f = fc.record({ n: fc.nat(50), extra: fc.nat(50) }).map(({ n, extra }) => ({
    numerator: n,
    denominator: n + extra,
    shortfalls: [],
  }));
  fc.assert(
    fc.property(fc.tuple(f, f, f, f, f), (xs) => {
      const all = Object.fromEntries(INDICATOR_KEYS.map((k, i) => [k, xs[i]!])) as unknown as AgencyFacts;
      const t = scoreAgency(DEFAULT_PLAN, all).total;
      return t >= 0 && t <= 100;
    }),
  );
});

test('rating summaries: mean, distribution and 满意率', () => {
  assert.deepEqual(summarizeRatings([5, 4, 3, 1]), {
    count: 4,
    average: 3.25,
    distribution: [1, 0, 1, 1, 1],
    satisfied: 0.5,
  });
  assert.deepEqual(summarizeRatings([]), {
    count: 0,
    average: null,
    distribution: [0, 0, 0, 0, 0],
    satisfied: null,
  });
});
