/**
 * Named sets of case states, defined once: every query, queue, job and dashboard that asks "open?", "overdue?",
 * "waiting on the applicant?" asks here — as a function for code, and as a list for SQL (`state in (…)`).
 * Each state is classified in one table, so a new state cannot be left out of any set.
 */
import type { ISODate } from '../calendar/dates.ts';
import { CASE_STATES, type CaseState } from './states.ts';

interface StateClass {
  /** Not yet ended (办结). */
  open: boolean;
  /** No reply (答复) made yet: the 条例第三十三条 period is owed. */
  replyOwed: boolean;
  /**
   * The clock is stopped on the applicant: a 补正 not yet supplied (条例第三十条: the period counts from the
   * corrected application) or a fee not yet paid (国办函〔2020〕109号: notice to payment is not counted).
   */
  awaitingApplicant: boolean;
  /** A reply has been decided (it may since have been served and the case closed). */
  decided: boolean;
}

const CLASS: Record<CaseState, StateClass> = {
  registered: { open: true, replyOwed: true, awaitingApplicant: false, decided: false },
  awaiting_correction: { open: true, replyOwed: true, awaitingApplicant: true, decided: false },
  in_progress: { open: true, replyOwed: true, awaitingApplicant: false, decided: false },
  awaiting_payment: { open: true, replyOwed: true, awaitingApplicant: true, decided: false },
  decided: { open: true, replyOwed: false, awaitingApplicant: false, decided: true },
  served: { open: true, replyOwed: false, awaitingApplicant: false, decided: true },
  closed: { open: false, replyOwed: false, awaitingApplicant: false, decided: true },
};

/** Not ended: every state but 已办结. */
export const isOpen = (s: CaseState): boolean => CLASS[s].open;
/** No reply made yet (an application may be withdrawn until then). */
export const awaitingReply = (s: CaseState): boolean => CLASS[s].replyOwed;
/** Waiting on the applicant (补正, fee): the reply clock is stopped. */
export const awaitingApplicant = (s: CaseState): boolean => CLASS[s].awaitingApplicant;
/** The reply clock runs: a reply is owed and the applicant is not holding it up (a consultation may pause it). */
export const clockRunning = (s: CaseState): boolean => CLASS[s].replyOwed && !CLASS[s].awaitingApplicant;
/**
 * Can be overdue: a reply is owed and its clock is running. Decided, served and closed cases are not overdue
 * (the reply was made, or the case ended); a case waiting on the applicant is not (its clock is stopped).
 */
export const countsOverdue = clockRunning;
/** Decided, served or closed: the states a reply may be rated in. */
export const decidedOrLater = (s: CaseState): boolean => CLASS[s].decided;

const list = (f: (s: CaseState) => boolean): readonly CaseState[] => Object.freeze(CASE_STATES.filter(f));
export const OPEN_STATES = list(isOpen);
export const AWAITING_REPLY_STATES = list(awaitingReply);
export const AWAITING_APPLICANT_STATES = list(awaitingApplicant);
export const CLOCK_RUNNING_STATES = list(clockRunning);
export const COUNTS_OVERDUE_STATES = list(countsOverdue);
export const DECIDED_OR_LATER_STATES = list(decidedOrLater);

/**
 * The one definition of overdue (条例第三十三条): a reply is owed, its clock runs, no extension awaits the head's
 * decision (条例第三十三条第一款; the deadline status `extension_pending`), and the day it was due is before
 * today. SQL says the same with `state in COUNTS_OVERDUE_STATES and not extension_pending and reply_due < today`.
 */
export function isOverdue(
  state: CaseState,
  replyDue: ISODate | null,
  today: ISODate,
  extensionPending = false,
): boolean {
  return countsOverdue(state) && !extensionPending && replyDue !== null && replyDue < today;
}
