import type { Calendar } from './calendar.ts';
import { addDays, diffDays, type ISODate, yearOf } from './dates.ts';

export interface WorkdayCount {
  date: ISODate;
  /** Some counted day lies in a year without official holiday data. */
  provisional: boolean;
  provisionalYears: number[];
}

/**
 * The N-th working day after `from` (`from` itself not counted) [conv: regulations.md], skipping days in `skip`
 * (paused days: consultations, fee notices). N = 0 gives `from`.
 */
export function addWorkdays(cal: Calendar, from: ISODate, n: number, skip?: ReadonlySet<ISODate>): WorkdayCount {
  let d = from;
  let counted = 0;
  const provisionalYears = new Set<number>();
  // Bounded: 20 working days never span more than a few months, even with long pauses.
  for (let guard = 0; counted < n; guard++) {
    if (guard > 3660) throw new Error('working-day count does not end');
    d = addDays(d, 1);
    const info = cal.day(d);
    if (!info.work || skip?.has(d)) continue;
    counted++;
    if (info.provisional) provisionalYears.add(yearOf(d));
  }
  return { date: d, provisional: provisionalYears.size > 0, provisionalYears: [...provisionalYears].sort() };
}

/** Working days in (from, to] — after `from`, up to and including `to`. */
export function workdaysBetween(cal: Calendar, from: ISODate, to: ISODate): ISODate[] {
  const out: ISODate[] = [];
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isWorkday(d)) out.push(d);
  return out;
}

/** Signed working days from `today` to `due`: positive = left, 0 = due today, negative = overdue by that many. */
export function workdaysUntil(cal: Calendar, today: ISODate, due: ISODate): number {
  const a = ordinal(cal, today);
  const b = ordinal(cal, due);
  if (a !== null && b !== null) return b - a;
  if (due >= today) return workdaysBetween(cal, today, due).length;
  return 0 - workdaysBetween(cal, due, today).length; // 0 - n, never -0
}

/**
 * Working days in (ORIGIN, d] of one calendar, counted once and remembered: a reminder run over tens of
 * thousands of open cases, some overdue by years, asks it in constant time. A changed calendar is a new object.
 * Null outside 2000–2099 (the plain count serves there).
 */
const ORIGIN = '1999-12-31';
const SPAN = diffDays(ORIGIN, '2099-12-31');
const ordinals = new WeakMap<Calendar, number[]>();
function ordinal(cal: Calendar, d: ISODate): number | null {
  const i = diffDays(ORIGIN, d);
  if (!(i >= 0 && i <= SPAN)) return null;
  let cum = ordinals.get(cal);
  if (!cum) {
    cum = [0];
    ordinals.set(cal, cum);
  }
  for (let k = cum.length; k <= i; k++) cum.push(cum[k - 1]! + (cal.isWorkday(addDays(ORIGIN, k)) ? 1 : 0));
  return cum[i]!;
}
