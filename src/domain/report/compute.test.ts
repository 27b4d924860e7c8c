import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkAcrossYears, checkReport, summarize } from './checks.ts';
import { type CaseRecord, computeReport, sumReports } from './compute.ts';
import { emptyReport } from './empty.ts';

const rec = (cases: CaseRecord[], extra: Partial<Parameters<typeof computeReport>[2]> = {}) => ({
  cases,
  appeals: [],
  items: [],
  figures: {},
  ...extra,
});
const c = (
  receivedDate: string,
  closedDate: string | null,
  outcome: string | null,
  applicantType = 'natural_person',
): CaseRecord => ({ applicantType, receivedDate, closedDate, outcome });

describe('counting rules', () => {
  test('a case opened in one year and closed in the next: carried forward, then carried over and counted', () => {
    const cases = [c('2023-12-20', '2024-01-10', 'granted', 'commercial')];
    const y23 = computeReport('2021', 2023, rec(cases));
    assert.equal(y23.applications.new!.commercial, 1);
    assert.equal(y23.applications.carried_forward!.commercial, 1);
    assert.equal(y23.applications.granted!.commercial, 0);
    const y24 = computeReport('2021', 2024, rec(cases));
    assert.equal(y24.applications.carried_over!.commercial, 1);
    assert.equal(y24.applications.new!.commercial, 0);
    assert.equal(y24.applications.granted!.commercial, 1);
    assert.equal(y24.applications.total!.total, 1);
    assert.deepEqual(
      checkReport(y23).filter((f) => f.rule !== 'M'),
      [],
    );
    assert.deepEqual(checkAcrossYears(y23, y24), []);
  });

  test('a withdrawn case counts under （六）其他处理 3.其他; in the 2019 format under （六）其他处理', () => {
    const cases = [
      c('2024-03-01', '2024-03-05', 'other_misc'),
      c('2024-03-01', '2024-04-01', 'other_no_correction'),
      c('2024-03-01', '2024-04-01', 'other_unpaid_fee'),
    ];
    const v21 = computeReport('2021', 2024, rec(cases));
    assert.equal(v21.applications.other_misc!.total, 1);
    assert.equal(v21.applications.other_no_correction!.total, 1);
    assert.equal(v21.applications.other_unpaid_fee!.total, 1);
    const v19 = computeReport('2019', 2024, rec(cases));
    assert.equal(v19.applications.other!.total, 3);
  });

  test('区分处理 counts once, under partially_granted only', () => {
    const r = computeReport('2021', 2024, rec([c('2024-05-01', '2024-05-20', 'partially_granted', 'legal_services')]));
    assert.equal(r.applications.partially_granted!.legal_services, 1);
    assert.equal(r.applications.granted!.total, 0);
    assert.equal(r.applications.total!.total, 1);
  });

  test('cases closed before the year do not appear; cases received after it neither', () => {
    const r = computeReport('2021', 2024, rec([c('2022-01-01', '2023-02-01', 'granted'), c('2025-01-02', null, null)]));
    assert.equal(r.applications.carried_over!.total, 0);
    assert.equal(r.applications.new!.total, 0);
  });

  test('appeals: by result as of 31 December; pending ones carried into the next year', () => {
    const appeals = [
      { kind: 'reconsideration', filedDate: '2023-11-01', result: 'upheld', resultDate: '2024-02-01' },
      { kind: 'litigation_direct', filedDate: '2024-03-01', result: 'pending', resultDate: null },
      { kind: 'reconsideration', filedDate: '2022-03-01', result: 'corrected', resultDate: '2022-06-01' },
    ];
    const y23 = computeReport('2021', 2023, rec([], { appeals }));
    assert.equal(y23.appeals.reconsideration!.pending, 1);
    const y24 = computeReport('2021', 2024, rec([], { appeals }));
    assert.equal(y24.appeals.reconsideration!.upheld, 1);
    assert.equal(y24.appeals.reconsideration!.total, 1);
    assert.equal(y24.appeals.litigation_direct!.pending, 1);
  });

  test('section 二: 规范性文件 issued, repealed and in force from the catalogue; other figures as entered, else blank', () => {
    const items = [
      {
        genre: 'normative',
        writtenDate: '2024-01-05',
        publishDate: '2024-01-10',
        validity: 'in_force',
        validityDate: null,
      },
      {
        genre: 'normative',
        writtenDate: '2020-01-05',
        publishDate: '2020-01-10',
        validity: 'repealed',
        validityDate: '2024-06-01',
      },
      {
        genre: 'normative',
        writtenDate: '2021-01-05',
        publishDate: '2021-01-10',
        validity: 'in_force',
        validityDate: null,
      },
    ];
    const r = computeReport('2021', 2024, rec([], { items, figures: { licensing: { decisions: 12 } } }));
    assert.deepEqual(r.proactive.normative_documents, { issued: 1, repealed: 1, in_force: 2 });
    assert.equal(r.proactive.licensing!.decisions, 12);
    assert.equal(r.proactive.penalty!.decisions, null);
    assert.ok(summarize(checkReport(r)).M.includes('proactive.penalty.decisions'));
  });

  test('roll-up of three departments sums cell by cell and keeps the checks', () => {
    const parts = [1, 2, 3].map((n) =>
      computeReport('2021', 2024, rec(Array.from({ length: n }, () => c('2024-02-01', '2024-02-20', 'granted')))),
    );
    const sum = sumReports('2021', 2024, parts);
    assert.equal(sum.applications.granted!.natural_person, 6);
    assert.equal(sum.applications.new!.total, 6);
    assert.deepEqual(
      checkReport(sum).filter((f) => f.rule !== 'M'),
      [],
    );
  });
});

describe('each check fails on purpose', () => {
  const base = () =>
    computeReport(
      '2021',
      2024,
      rec([c('2024-02-01', '2024-02-20', 'granted'), c('2024-12-20', null, null)], {
        figures: {
          licensing: { decisions: 0 },
          penalty: { decisions: 0 },
          coercion: { decisions: 0 },
          fees: { amount_10k_yuan: 0 },
        },
      }),
    );
  test('a balanced report passes', () => assert.deepEqual(checkReport(base()), []));
  test('R1', () => {
    const r = base();
    r.applications.carried_forward!.natural_person = 0;
    r.applications.carried_forward!.total = 0;
    const f = checkReport(r).filter((x) => x.rule === 'R1');
    assert.deepEqual(
      f.map((x) => x.at),
      ['natural_person', 'total'],
    );
    assert.equal(f[0]!.message, '自然人列：新收2 + 结转0 ≠ 总计1 + 结转下年0');
  });
  test('R2', () => {
    const r = base();
    r.applications.total!.natural_person = 2;
    r.applications.total!.total = 2;
    assert.ok(checkReport(r).some((x) => x.rule === 'R2' && x.at === 'natural_person'));
  });
  test('R3', () => {
    const r = base();
    r.applications.granted!.total = 5;
    assert.deepEqual(
      checkReport(r)
        .filter((x) => x.rule === 'R3')
        .map((x) => x.at),
      ['granted'],
    );
  });
  test('R4', () => {
    const r = base();
    r.appeals.reconsideration!.total = 1;
    assert.deepEqual(
      checkReport(r)
        .filter((x) => x.rule === 'R4')
        .map((x) => x.at),
      ['reconsideration'],
    );
  });
  test('M, and a blank operand fails its check', () => {
    const r = base();
    r.applications.carried_over!.commercial = null;
    const s = summarize(checkReport(r));
    assert.deepEqual(s.M, ['applications.carried_over.commercial']);
    assert.ok(s.R1.includes('commercial'));
    assert.ok(s.R3.includes('carried_over'));
  });
  test('R5', () => {
    const prev = base();
    const next = emptyReport('2021', 0);
    next.year = 2025;
    assert.deepEqual(
      checkAcrossYears(prev, next).map((x) => x.at),
      ['natural_person', 'total'],
    );
  });
});

describe('grouped records (as the database sends them)', () => {
  // The database groups records by where each date lies relative to the year (migration 0012, report-inputs.ts):
  // the day before, the first day, or the day after. Counting the groups must give the report of the records.
  const bucket = (d: string | null, year: number) =>
    d === null
      ? null
      : d < `${year}-01-01`
        ? `${year - 1}-12-31`
        : d <= `${year}-12-31`
          ? `${year}-01-01`
          : `${year + 1}-01-01`;
  const day = fc
    .tuple(fc.integer({ min: 2022, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const caseArb = fc
    .record({
      applicantType: fc.constantFrom('natural_person', 'commercial', 'research'),
      receivedDate: day,
      closedDate: fc.option(day),
      outcome: fc.constantFrom('granted', 'partially_granted', 'declined_secret', 'other_misc'),
    })
    .map((x) => ({
      ...x,
      closedDate: x.closedDate !== null && x.closedDate < x.receivedDate ? x.receivedDate : x.closedDate,
      outcome: x.closedDate === null ? null : x.outcome,
    }));
  const itemArb = fc.record({
    genre: fc.constantFrom('rules', 'normative'),
    writtenDate: fc.option(day),
    publishDate: fc.option(day),
    validity: fc.constantFrom('in_force', 'repealed'),
    validityDate: fc.option(day),
  });
  const group = <T extends object>(xs: T[], key: (x: T) => T) => {
    const m = new Map<string, T & { count: number }>();
    for (const x of xs) {
      const k = key(x);
      const id = JSON.stringify(k);
      const g = m.get(id) ?? { ...k, count: 0 };
      g.count++;
      m.set(id, g);
    }
    return [...m.values()];
  };

  test('counting grouped cases and items gives the report of the individual records', () => {
    fc.assert(
      fc.property(
        fc.array(caseArb, { maxLength: 40 }),
        fc.array(itemArb, { maxLength: 20 }),
        fc.integer({ min: 2023, max: 2025 }),
        fc.constantFrom('2019' as const, '2021' as const),
        (cases, items, year, version) => {
          const open = cases.filter((x) => x.receivedDate <= `${year}-12-31`);
          const grouped = {
            cases: group(open, (x) => ({
              ...x,
              receivedDate: bucket(x.receivedDate, year)!,
              closedDate: bucket(x.closedDate, year),
            })),
            items: group(items, (x) => ({
              ...x,
              writtenDate: bucket(x.writtenDate, year),
              publishDate: bucket(x.publishDate, year),
              validityDate: bucket(x.validityDate, year),
            })),
          };
          assert.deepEqual(
            computeReport(version, year, rec(grouped.cases, { items: grouped.items })),
            computeReport(version, year, rec(cases, { items })),
          );
        },
      ),
      { numRuns: 300, seed: 12 },
    );
  });
});
