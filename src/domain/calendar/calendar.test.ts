import assert from 'node:assert/strict';
import { test } from 'node:test';
import chineseDays from 'chinese-days';
import fc from 'fast-check';
import { buildCalendar } from './calendar.ts';
import { addDays, isISODate } from './dates.ts';
import { addWorkdays, workdaysUntil } from './workdays.ts';

const cal = buildCalendar();

test('hand-checked dates against the State Council notices', () => {
  const cases: [string, boolean, string][] = [
    // 2020 Spring Festival: extended to 2月2日, which cancelled the 2月1日 (Saturday) make-up day.
    ['2020-01-19', true, '2020 春节调休上班（周日）'],
    ['2020-01-31', false, '2020 春节延长假期'],
    ['2020-02-01', false, '2020 原调休上班日因延长假期取消'],
    ['2020-02-02', false, '2020 春节延长假期最后一天'],
    ['2020-02-03', true, '2020 春节后首个工作日'],
    ['2024-09-29', true, '2024 国庆调休上班（周日）'],
    ['2024-10-12', true, '2024 国庆调休上班（周六）'],
    ['2024-10-07', false, '2024 国庆'],
    ['2025-01-28', false, '2025 除夕放假'],
    ['2025-01-26', true, '2025 春节调休上班（周日）'],
    ['2026-02-14', true, '2026 春节调休上班（周六）'],
    ['2026-02-28', true, '2026 春节调休上班（周六）'],
    ['2026-02-16', false, '2026 春节'],
    ['2019-05-01', false, '2019 劳动节'],
    ['2019-04-28', true, '2019 劳动节调休上班'],
  ];
  for (const [d, work, why] of cases) assert.equal(cal.isWorkday(d), work, `${d} ${why}`);
});

test('the built-in data agrees with chinese-days on every day of 2019–2026', () => {
  for (let d = '2019-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
    assert.equal(cal.isWorkday(d), chineseDays.isWorkday(d), d);
  }
});

test('years without official data are provisional, counted Monday–Friday', () => {
  const day = cal.day('2027-01-01');
  assert.equal(day.provisional, true);
  assert.equal(day.source, 'weekday');
  const r = addWorkdays(cal, '2026-12-20', 20);
  assert.equal(r.provisional, true);
  assert.deepEqual(r.provisionalYears, [2027]);
  assert.equal(addWorkdays(cal, '2026-11-02', 20).provisional, false);
});

test('an entered year notice makes the year official and its days count', () => {
  const c = buildCalendar({
    enteredYears: [2027],
    entries: [{ date: '2027-01-01', kind: 'holiday', name: '元旦', regionCode: null }],
  });
  assert.equal(c.day('2027-01-01').work, false);
  assert.equal(c.day('2027-01-04').provisional, false);
});

test('regional overrides apply to their region and below, most specific wins, never elsewhere', () => {
  const entries = [
    { date: '2026-03-10', kind: 'holiday' as const, name: '自治州成立纪念日', regionCode: '620600' },
    { date: '2026-03-10', kind: 'workday' as const, name: '区内调整', regionCode: '620602' },
    { date: '2026-03-11', kind: 'holiday' as const, name: '自治州成立纪念日', regionCode: '620600' },
  ];
  const city = buildCalendar({ entries, regionPath: ['620000', '620600'] });
  const district = buildCalendar({ entries, regionPath: ['620000', '620600', '620602'] });
  const other = buildCalendar({ entries, regionPath: ['620000', '620100'] });
  assert.equal(city.isWorkday('2026-03-10'), false);
  assert.equal(district.isWorkday('2026-03-10'), true);
  assert.equal(district.isWorkday('2026-03-11'), false);
  assert.equal(other.isWorkday('2026-03-11'), true);
});

test('N working days after D: D is not counted; a trigger on a rest day counts from the next working day', () => {
  assert.equal(addWorkdays(cal, '2026-03-02', 1).date, '2026-03-03'); // Monday → Tuesday
  assert.equal(addWorkdays(cal, '2026-03-06', 1).date, '2026-03-09'); // Friday → Monday
  assert.equal(addWorkdays(cal, '2026-03-07', 1).date, '2026-03-09'); // Saturday → Monday
  assert.equal(addWorkdays(cal, '2026-03-02', 0).date, '2026-03-02');
});

test('working days until a due date: positive left, zero today, negative overdue', () => {
  assert.equal(workdaysUntil(cal, '2026-03-02', '2026-03-06'), 4);
  assert.equal(workdaysUntil(cal, '2026-03-06', '2026-03-06'), 0);
  assert.equal(workdaysUntil(cal, '2026-03-09', '2026-03-06'), -1);
});

test('date validation', () => {
  assert.equal(isISODate('2024-02-29'), true);
  assert.equal(isISODate('2021-02-29'), false);
  assert.equal(isISODate('2021-02-30'), false);
  assert.equal(isISODate('2021-2-3'), false);
  assert.equal(isISODate(20210203), false);
});

test('working days until a due date: the remembered count equals counting day by day, for any pair of dates', () => {
  const day = fc.integer({ min: 0, max: 365 * 12 }).map((n) => addDays('2017-01-01', n));
  const countDays = (from: string, to: string) => {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isWorkday(d)) n++;
    return n;
  };
  fc.assert(
    fc.property(day, day, (today, due) => {
      const expected = due >= today ? countDays(today, due) : 0 - countDays(due, today);
      assert.equal(workdaysUntil(cal, today, due), expected);
    }),
    { numRuns: 300 },
  );
  // Outside the remembered span the plain count answers.
  assert.equal(workdaysUntil(cal, '1999-12-30', '2000-01-04'), countDays('1999-12-30', '2000-01-04'));
  // Due on a Friday, today the Saturday after: no working day has passed, and the answer is 0, not -0
  // (found by the property above; strict equality tells them apart), inside and outside the remembered span.
  assert.equal(workdaysUntil(cal, '2017-01-07', '2017-01-06'), 0);
  assert.equal(workdaysUntil(cal, '1999-01-09', '1999-01-08'), 0);
});
