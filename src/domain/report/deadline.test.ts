import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportDeadline, reportDue } from './deadline.ts';

test('条例第四十九条: departments by 1月31日, governments by 3月31日 of the following year', () => {
  const cases: [string, number, string][] = [
    ['department', 2025, '2026-01-31'],
    ['dispatched', 2025, '2026-01-31'],
    ['township', 2025, '2026-01-31'],
    ['other', 2024, '2025-01-31'],
    ['government', 2025, '2026-03-31'],
    ['government', 2019, '2020-03-31'],
    ['unknown-kind', 2025, '2026-01-31'],
  ];
  for (const [kind, year, due] of cases) assert.equal(reportDeadline(kind, year), due, `${kind} ${year}`);
});

test('overdue: not published by the deadline, as of today', () => {
  const cases: {
    kind: string;
    published: boolean;
    publishedOn: string | null;
    today: string;
    want: ReturnType<typeof reportDue>['timeliness'];
    daysLate: number;
  }[] = [
    // a department's 2025 report: due 2026-01-31
    { kind: 'department', published: false, publishedOn: null, today: '2026-01-31', want: 'pending', daysLate: 0 },
    { kind: 'department', published: false, publishedOn: null, today: '2026-02-01', want: 'overdue', daysLate: 1 },
    { kind: 'department', published: false, publishedOn: null, today: '2026-03-02', want: 'overdue', daysLate: 30 },
    {
      kind: 'department',
      published: true,
      publishedOn: '2026-01-31',
      today: '2026-06-01',
      want: 'on_time',
      daysLate: 0,
    },
    {
      kind: 'department',
      published: true,
      publishedOn: '2026-02-03',
      today: '2026-06-01',
      want: 'published_late',
      daysLate: 3,
    },
    // the government's: due 2026-03-31, so not overdue in February
    { kind: 'government', published: false, publishedOn: null, today: '2026-02-01', want: 'pending', daysLate: 0 },
    { kind: 'government', published: false, publishedOn: null, today: '2026-04-01', want: 'overdue', daysLate: 1 },
    {
      kind: 'government',
      published: true,
      publishedOn: '2026-03-31',
      today: '2026-04-01',
      want: 'on_time',
      daysLate: 0,
    },
    // imported from a published text: no date known, never flagged
    { kind: 'department', published: true, publishedOn: null, today: '2027-01-01', want: 'on_time', daysLate: 0 },
  ];
  for (const c of cases) {
    const got = reportDue(c.kind, 2025, { published: c.published, publishedOn: c.publishedOn }, c.today);
    assert.equal(got.timeliness, c.want, JSON.stringify(c));
    assert.equal(got.daysLate, c.daysLate, JSON.stringify(c));
  }
});
