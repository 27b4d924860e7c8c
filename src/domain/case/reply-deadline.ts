import type { Calendar, ISODate } from '../calendar/index.ts';
import { deadlineStatus } from '../clock/index.ts';
import { countsOverdue, isOverdue } from './state-sets.ts';
import type { CaseState } from './states.ts';

/**
 * Where a case's reply deadline stands today, for queues, reminders, the dashboard and the case view: none unless
 * the case can be overdue; `extension_pending` while an extension asked for awaits the head's decision
 * (条例第三十三条第一款: the head decides within the period; the case is not counted overdue meanwhile);
 * else overdue exactly when `isOverdue` says so (also on a weekend right after the due day, when no working day
 * has passed yet).
 */
export function replyDeadline(
  cal: Calendar,
  state: CaseState,
  replyDue: ISODate | null,
  today: ISODate,
  extensionPending = false,
) {
  if (replyDue === null || !countsOverdue(state)) return null;
  const s = deadlineStatus(cal, replyDue, today);
  if (extensionPending) return { ...s, status: 'extension_pending' as const, overdue: false };
  return isOverdue(state, replyDue, today) ? { ...s, status: 'overdue' as const, overdue: true } : s;
}
export type ReplyDeadline = NonNullable<ReturnType<typeof replyDeadline>>;
/** Every status a reply deadline can have: the clock's, and the case's pending extension. */
export const REPLY_DEADLINE_STATUSES = ['ok', 'due_soon', 'due_today', 'overdue', 'extension_pending'] as const;
