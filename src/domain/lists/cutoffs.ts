import { addDays, type Calendar, type ISODate } from '../calendar/index.ts';
import { deadlineStatus, disclosureDue } from '../clock/index.ts';

/**
 * The working-day queues as date bounds, so that a list filters and counts them in SQL (an index range) rather
 * than after reading: each is monotone in the date, so one bound per calendar (region) says it exactly.
 */

/**
 * 条例第二十六条 (20 working days from forming or changing): the latest 形成日期 whose disclosure is due before
 * today — an unpublished item formed on or before it is overdue.
 */
export function overdueFormedCutoff(cal: Calendar, today: ISODate): ISODate {
  let d = today;
  // 20 working days are at most ~45 calendar days (the longest holidays included): bounded.
  for (let i = 0; i < 400 && disclosureDue(cal, d).due >= today; i++) d = addDays(d, -1);
  return d;
}

/**
 * 即将到期 (≤ DUE_SOON_WORKDAYS working days left, due today included): the latest reply date still in the queue.
 * A case due from today to this day, its clock running, is due soon.
 */
export function dueSoonCutoff(cal: Calendar, today: ISODate): ISODate {
  let d = today;
  for (let i = 0; i < 400 && deadlineStatus(cal, addDays(d, 1), today).status !== 'ok'; i++) d = addDays(d, 1);
  return d;
}
