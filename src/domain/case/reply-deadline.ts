import type { Calendar, ISODate } from '../calendar/index.ts';
import { deadlineStatus } from '../clock/index.ts';
import { countsOverdue, isOverdue } from './state-sets.ts';
import type { CaseState } from './states.ts';

/**
 * Where a case's reply deadline stands today, for queues, reminders and the case view: none unless the case
 * can be overdue; overdue exactly when `isOverdue` says so (also on a weekend right after the due day, when
 * no working day has passed yet).
 */
export function replyDeadline(cal: Calendar, state: CaseState, replyDue: ISODate | null, today: ISODate) {
  if (replyDue === null || !countsOverdue(state)) return null;
  const s = deadlineStatus(cal, replyDue, today);
  return isOverdue(state, replyDue, today) ? { ...s, status: 'overdue' as const, overdue: true } : s;
}
export type ReplyDeadline = NonNullable<ReturnType<typeof replyDeadline>>;
