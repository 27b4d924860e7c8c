/**
 * The states of an application. What each event does — its type is its row — from which
 * states, to which, who records it, what it asks for and what it issues — is the one table in `events.ts`;
 * the named sets of states (open, overdue-counting, waiting on the applicant, …) are in `state-sets.ts`.
 * registered → (补正 requested → corrected | deemed abandoned) → in progress (consultations,
 * fee notice → paid | unpaid) → (extension approved) → decided → served → closed; withdrawal before the reply.
 */
export const CASE_STATES = [
  'registered',
  'awaiting_correction',
  'in_progress',
  'awaiting_payment',
  'decided',
  'served',
  'closed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const STATE_LABELS: Record<CaseState, string> = {
  registered: '已登记',
  awaiting_correction: '待申请人补正',
  in_progress: '办理中',
  awaiting_payment: '待申请人缴费',
  decided: '已作出答复决定',
  served: '已送达',
  closed: '已办结',
};

/** The first stored event of every case, written by intake (not recorded through the event table). */
export const REGISTERED_EVENT = 'registered';

export function isCaseState(s: string): s is CaseState {
  return (CASE_STATES as readonly string[]).includes(s);
}
