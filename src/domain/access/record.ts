/**
 * Who may record which case event, now: the one answer for the command that records it and for the actions
 * the case view offers. The grants are the policy's (policy.ts); the event table (src/domain/case/events.ts)
 * names the action each event needs — 作出答复 needs the head's (case.approve) where the agency requires
 * approval of decisions — and the states and steps already done decide whether it can happen at all.
 */
import type { AgencyRules, CaseStanding } from '../case/event-spec.ts';
import { eventSpec } from '../case/event-views.ts';
import { CASE_EVENT_TYPES, type CaseEventType } from '../case/events.ts';
import { STATE_LABELS } from '../case/states.ts';
import { type Actor, can, type Resource } from './policy.ts';

/** A case as the policy sees it: whose it is, where it stands, and its agency's rules. */
export interface CaseForPolicy extends CaseStanding {
  resource: Resource;
  rules: AgencyRules;
}

export type Refusal = 'not_found' | 'forbidden' | 'conflict';
export type Verdict = { ok: true } | { ok: false; refusal: Refusal; reason: string };

const refuse = (refusal: Refusal, reason: string): Verdict => ({ ok: false, refusal, reason });

/**
 * Whether `actor` may record `event` on the case now. Refusals in order: the case is not visible (404, its
 * existence not revealed), the actor lacks the action (403), the state or a step already done rules it
 * out (409) — each with its reason in Chinese.
 */
export function mayRecord(actor: Actor | null, c: CaseForPolicy, event: CaseEventType): Verdict {
  const spec = eventSpec(event);
  if (!can(actor, 'case.read', c.resource)) return refuse('not_found', '申请不存在或无权访问');
  const action = spec.recordedWith(c.rules);
  if (!can(actor, action, c.resource)) {
    if (action === 'case.handle') return refuse('forbidden', '您没有执行此操作的权限');
    const why = event === 'decided' && c.rules.approvalRequiredForDecision ? '（本机关要求答复须经负责人批准）' : '';
    return refuse('forbidden', `“${spec.label.zh}”须由负责人（审批人）操作${why}`);
  }
  if (!spec.from.includes(c.state)) {
    const allowed = spec.from.map((s) => STATE_LABELS[s]).join('”“');
    return refuse(
      'conflict',
      `案件当前状态为“${STATE_LABELS[c.state]}”，不能${spec.label.zh}（仅在“${allowed}”状态下可以）`,
    );
  }
  const unavailable = spec.unavailable?.(c);
  if (unavailable) return refuse('conflict', `不能${spec.label.zh}：${unavailable}`);
  return { ok: true };
}

/** The events the actor may record on the case now, in the table's order: the case view's buttons. */
export function offeredEvents(actor: Actor | null, c: CaseForPolicy): CaseEventType[] {
  return CASE_EVENT_TYPES.filter((e) => mayRecord(actor, c, e).ok);
}
