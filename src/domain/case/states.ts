/**
 * The life of an application as a closed state machine with one transition table.
 * registered → (补正 requested → corrected | deemed abandoned) → in progress (consultations,
 * fee notice → paid | unpaid) → (extension approved) → decided → served → closed; withdrawal at any point.
 */
import type { Role } from '../access/policy.ts';
import type { Outcome } from './outcomes.ts';

export type CaseState =
  | 'registered'
  | 'awaiting_correction'
  | 'in_progress'
  | 'awaiting_payment'
  | 'decided'
  | 'served'
  | 'closed';

export const STATE_LABELS: Record<CaseState, string> = {
  registered: '已登记',
  awaiting_correction: '待申请人补正',
  in_progress: '办理中',
  awaiting_payment: '待申请人缴费',
  decided: '已作出答复决定',
  served: '已送达',
  closed: '已办结',
};

export type CaseEventType =
  | 'correction_requested'
  | 'correction_received'
  | 'correction_expired'
  | 'consultation_started'
  | 'consultation_ended'
  | 'fee_notice_sent'
  | 'fee_paid'
  | 'fee_expired'
  | 'extension_requested'
  | 'extension_approved'
  | 'delayed_reply_set'
  | 'decided'
  | 'served'
  | 'withdrawn'
  | 'closed'
  | 'reopened';

export interface Transition {
  from: readonly CaseState[];
  /** null: the state does not change. */
  to: CaseState | null;
  /** The outcome this event fixes, when it ends the case. */
  outcome?: Outcome;
  /** Roles allowed to record the event (within their agency). */
  roles: readonly Role[];
  label: string;
}

const handlers: Role[] = ['operator', 'approver'];
const open: CaseState[] = ['registered', 'awaiting_correction', 'in_progress', 'awaiting_payment', 'decided', 'served'];
const working: CaseState[] = ['registered', 'in_progress'];

/** The one transition table. */
export const TRANSITIONS: Record<CaseEventType, Transition> = {
  correction_requested: { from: ['registered'], to: 'awaiting_correction', roles: handlers, label: '发出补正通知' },
  correction_received: { from: ['awaiting_correction'], to: 'in_progress', roles: handlers, label: '收到补正' },
  correction_expired: {
    from: ['awaiting_correction'],
    to: 'closed',
    outcome: 'other_no_correction',
    roles: handlers,
    label: '逾期未补正，视为放弃申请',
  },
  consultation_started: { from: working, to: 'in_progress', roles: handlers, label: '征求意见' },
  consultation_ended: { from: ['in_progress'], to: null, roles: handlers, label: '征求意见结束' },
  fee_notice_sent: { from: working, to: 'awaiting_payment', roles: handlers, label: '发出收费通知' },
  fee_paid: { from: ['awaiting_payment'], to: 'in_progress', roles: handlers, label: '申请人已缴费' },
  fee_expired: {
    from: ['awaiting_payment'],
    to: 'closed',
    outcome: 'other_unpaid_fee',
    roles: handlers,
    label: '逾期未缴费，视为放弃申请',
  },
  extension_requested: {
    from: ['registered', 'in_progress', 'awaiting_payment'],
    to: null,
    roles: handlers,
    label: '申请延期答复',
  },
  extension_approved: {
    from: ['registered', 'in_progress', 'awaiting_payment'],
    to: null,
    roles: ['approver'],
    label: '批准延期答复',
  },
  delayed_reply_set: { from: working, to: null, roles: ['approver'], label: '确定延迟答复期限（第三十五条）' },
  decided: { from: working, to: 'decided', roles: handlers, label: '作出答复决定' },
  served: { from: ['decided'], to: 'served', roles: handlers, label: '送达答复' },
  withdrawn: { from: open, to: 'closed', outcome: 'other_misc', roles: handlers, label: '申请人撤回申请' },
  closed: { from: ['served'], to: 'closed', roles: handlers, label: '办结归档' },
  reopened: { from: ['closed'], to: 'in_progress', roles: ['approver'], label: '重新办理' },
};

export const CASE_EVENT_TYPES = Object.keys(TRANSITIONS) as CaseEventType[];

export type TransitionCheck = { ok: true; to: CaseState; outcome?: Outcome } | { ok: false; reason: string };

/** Whether `event` may happen in `state`; the reason in Chinese when not. */
export function checkTransition(state: CaseState, event: CaseEventType): TransitionCheck {
  const t = TRANSITIONS[event];
  if (!t.from.includes(state)) {
    return {
      ok: false,
      reason: `案件当前状态为“${STATE_LABELS[state]}”，不能${t.label}（仅在“${t.from.map((s) => STATE_LABELS[s]).join('”“')}”状态下可以）`,
    };
  }
  return { ok: true, to: t.to ?? state, ...(t.outcome ? { outcome: t.outcome } : {}) };
}

/** The events that can be recorded now, for buttons. */
export function allowedEvents(state: CaseState): CaseEventType[] {
  return CASE_EVENT_TYPES.filter((e) => TRANSITIONS[e].from.includes(state));
}

export function isOpen(state: CaseState): boolean {
  switch (state) {
    case 'closed':
      return false;
    case 'registered':
    case 'awaiting_correction':
    case 'in_progress':
    case 'awaiting_payment':
    case 'decided':
    case 'served':
      return true;
    default: {
      const never: never = state;
      return never;
    }
  }
}
