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

test('a score is the weighted sum of the ratios, re-weighted over the indicators that apply', () => {
  const s = scoreAgency(DEFAULT_PLAN, facts());
  // appeals_not_corrected has nothing to measure: (30×0.9 + 25×1 + 15×0.5 + 15×1) / 85 × 100
  assert.equal(s.total, 87.65);
  assert.equal(s.appliedWeight, 85);
  const appeals = s.indicators.find((i) => i.key === 'appeals_not_corrected')!;
  assert.deepEqual([appeals.applicable, appeals.ratio, appeals.score], [false, null, null]);
  assert.deepEqual(s.indicators.find((i) => i.key === 'on_time_replies')!.shortfalls, [
    { id: 'a', label: 'GK2026-000001' },
  ]);
});

const none = { numerator: 0, denominator: 0, shortfalls: [] };
const all = (n: number, d: number) => ({ numerator: n, denominator: d, shortfalls: [] });
const only = (over: Partial<AgencyFacts>): AgencyFacts => ({
  on_time_replies: none,
  disclosure_timeliness: none,
  interpretation_coverage: none,
  report_on_time: none,
  appeals_not_corrected: none,
  ...over,
});

test('fair totals: nothing to measure is 无数据 and left out, never full marks', () => {
  const cases: { name: string; facts: AgencyFacts; total: number | null; applied: number }[] = [
    { name: 'idle agency: nothing applies', facts: only({}), total: null, applied: 0 },
    { name: 'only its report was due, and missed', facts: only({ report_on_time: all(0, 2) }), total: 0, applied: 15 },
    {
      name: 'only its report, on time and passing',
      facts: only({ report_on_time: all(2, 2) }),
      total: 100,
      applied: 15,
    },
    {
      name: 'replies half on time, report missed',
      facts: only({ on_time_replies: all(1, 2), report_on_time: all(0, 2) }),
      total: 33.33, // 30×0.5 / 45 × 100
      applied: 45,
    },
    {
      name: 'everything applies and is perfect',
      facts: facts({
        appeals_not_corrected: all(3, 3),
        interpretation_coverage: all(2, 2),
        on_time_replies: all(10, 10),
      }),
      total: 100,
      applied: 100,
    },
  ];
  for (const c of cases) {
    const s = scoreAgency(DEFAULT_PLAN, c.facts);
    assert.equal(s.total, c.total, c.name);
    assert.equal(s.appliedWeight, c.applied, c.name);
    assert.equal(
      s.indicators.filter((i) => !i.applicable).every((i) => i.score === null),
      true,
      c.name,
    );
  }
});

test('one more late reply lowers the score', () => {
  const before = scoreAgency(DEFAULT_PLAN, facts()).total!;
  const after = scoreAgency(DEFAULT_PLAN, facts({ on_time_replies: { numerator: 8, denominator: 10, shortfalls: [] } }))
    .total!;
  assert.ok(before > after);
  // 3 points of the plan's 85 that apply
  assert.equal(Math.round((before - after) * 100) / 100, Math.round((3 / 85) * 10000) / 100);
});

test('ranking: highest first, ties share a rank, nothing to assess is 不排名 and last', () => {
  const r = rank([
    { name: 'idle', total: null },
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
      ['idle', null],
    ],
  );
});

test('ranking: an active agency with a low ratio ranks above idle ones only by what it did', () => {
  const idle = scoreAgency(DEFAULT_PLAN, only({ report_on_time: all(0, 2) }));
  const active = scoreAgency(DEFAULT_PLAN, only({ on_time_replies: all(1, 2), report_on_time: all(0, 2) }));
  const r = rank([
    { name: 'idle', ...idle },
    { name: 'active', ...active },
    { name: 'nothing', ...scoreAgency(DEFAULT_PLAN, only({})) },
  ]);
  assert.deepEqual(
    r.map((x) => [x.name, x.rank]),
    [
      ['active', 1],
      ['idle', 2],
      ['nothing', null],
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

test('property: a total lies between 0 and 100, or is null when nothing applies', () => {
  const f = fc.record({ n: fc.nat(50), extra: fc.nat(50) }).map(({ n, extra }) => ({
    numerator: n,
    denominator: n + extra,
    shortfalls: [],
  }));
  fc.assert(
    fc.property(fc.tuple(f, f, f, f, f), (xs) => {
      const all = Object.fromEntries(INDICATOR_KEYS.map((k, i) => [k, xs[i]!])) as unknown as AgencyFacts;
      const t = scoreAgency(DEFAULT_PLAN, all).total;
      return t === null ? xs.every((x) => x.denominator === 0) : t >= 0 && t <= 100;
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
