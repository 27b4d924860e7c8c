import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCalendar } from '../calendar/index.ts';
import { replyDeadline } from './reply-deadline.ts';
import {
  AWAITING_APPLICANT_STATES,
  AWAITING_REPLY_STATES,
  awaitingApplicant,
  awaitingReply,
  CLOCK_RUNNING_STATES,
  COUNTS_OVERDUE_STATES,
  clockRunning,
  countsOverdue,
  DECIDED_OR_LATER_STATES,
  decidedOrLater,
  isOpen,
  isOverdue,
  OPEN_STATES,
} from './state-sets.ts';
import { CASE_STATES } from './states.ts';

const cal = buildCalendar();

test('each list is its function’s states, for SQL', () => {
  const pairs = [
    [OPEN_STATES, isOpen],
    [AWAITING_REPLY_STATES, awaitingReply],
    [AWAITING_APPLICANT_STATES, awaitingApplicant],
    [CLOCK_RUNNING_STATES, clockRunning],
    [COUNTS_OVERDUE_STATES, countsOverdue],
    [DECIDED_OR_LATER_STATES, decidedOrLater],
  ] as const;
  for (const [list, f] of pairs) assert.deepEqual(list, CASE_STATES.filter(f));
});

test('the sets as the law reads them', () => {
  assert.deepEqual(
    OPEN_STATES,
    CASE_STATES.filter((s) => s !== 'closed'),
  );
  assert.deepEqual(AWAITING_APPLICANT_STATES, ['awaiting_correction', 'awaiting_payment']);
  // Decided, served and closed cases were answered; a case waiting on the applicant has its clock stopped.
  assert.deepEqual(COUNTS_OVERDUE_STATES, ['registered', 'in_progress']);
  assert.deepEqual(AWAITING_REPLY_STATES, ['registered', 'awaiting_correction', 'in_progress', 'awaiting_payment']);
  assert.deepEqual(DECIDED_OR_LATER_STATES, ['decided', 'served', 'closed']);
});

test('overdue: a reply owed, its clock running, due before today', () => {
  assert.equal(isOverdue('in_progress', '2026-03-06', '2026-03-09'), true);
  assert.equal(isOverdue('in_progress', '2026-03-06', '2026-03-06'), false, 'due today is not yet overdue');
  assert.equal(isOverdue('in_progress', null, '2026-03-09'), false, 'a paused clock has no due date');
  for (const s of ['decided', 'served', 'closed', 'awaiting_correction', 'awaiting_payment'] as const)
    assert.equal(isOverdue(s, '2026-03-06', '2026-03-09'), false, s);
});

test('the deadline status agrees with overdue, also on the weekend right after the due day', () => {
  // Due Friday 2026-03-06; on Saturday no working day has passed, but the reply is late all the same.
  const sat = replyDeadline(cal, 'registered', '2026-03-06', '2026-03-07')!;
  assert.equal(sat.overdue, true);
  assert.equal(sat.status, 'overdue');
  assert.equal(sat.daysLeft, 0);
  assert.equal(replyDeadline(cal, 'registered', '2026-03-06', '2026-03-09')!.daysLeft, -1);
  assert.equal(replyDeadline(cal, 'registered', '2026-03-06', '2026-03-06')!.status, 'due_today');
  assert.equal(replyDeadline(cal, 'registered', '2026-03-06', '2026-03-02')!.status, 'due_soon');
  assert.equal(replyDeadline(cal, 'decided', '2026-03-06', '2026-03-09'), null, 'a decided case has no countdown');
});

test('a pending extension is not overdue: the status says extension_pending, isOverdue agrees', () => {
  const pending = replyDeadline(cal, 'in_progress', '2026-03-06', '2026-03-09', true)!;
  assert.equal(pending.status, 'extension_pending');
  assert.equal(pending.overdue, false);
  assert.equal(pending.daysLeft, -1, 'the days left still say where the period stands');
  assert.equal(isOverdue('in_progress', '2026-03-06', '2026-03-09', true), false);
  assert.equal(replyDeadline(cal, 'decided', '2026-03-06', '2026-03-09', true), null);
});
