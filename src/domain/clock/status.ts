import { type Calendar, type ISODate, workdaysUntil } from '../calendar/index.ts';

export const DUE_SOON_WORKDAYS = 5;

export type DeadlineStatus = 'ok' | 'due_soon' | 'due_today' | 'overdue';

/** The one place where overdue and days-left are derived from a due date and today. */
export function deadlineStatus(cal: Calendar, due: ISODate, today: ISODate) {
  const daysLeft = workdaysUntil(cal, today, due);
  const status: DeadlineStatus =
    daysLeft < 0 ? 'overdue' : daysLeft === 0 ? 'due_today' : daysLeft <= DUE_SOON_WORKDAYS ? 'due_soon' : 'ok';
  return { due, daysLeft, status, overdue: daysLeft < 0 };
}
