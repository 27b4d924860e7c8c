/** Views of the event table (events.ts) for its readers: a row by type, labels, the clock mapping. */
import type { ISODate } from '../calendar/index.ts';
import type { ClockEvent } from '../clock/index.ts';
import type { EventSpec, Text } from './event-spec.ts';
import { CASE_EVENT_TYPES, CASE_EVENTS, type CaseEventType, isCaseEventType } from './events.ts';
import { type CaseState, REGISTERED_EVENT } from './states.ts';

/** A row of the table as the interpreters read it (the record command, the policy, the forms). */
export function eventSpec(type: CaseEventType): EventSpec {
  return CASE_EVENTS[type];
}

export const REGISTERED_LABEL: Text = { zh: '登记申请', en: 'Application registered' };

/** The label of a stored event (the first one, 登记申请, is intake's). */
export function eventLabel(type: string): Text {
  return isCaseEventType(type)
    ? CASE_EVENTS[type].label
    : type === REGISTERED_EVENT
      ? REGISTERED_LABEL
      : { zh: type, en: type };
}

/** The clock's view of stored events, each mapped by its row of the table. */
export function clockEvents(events: readonly { type: string; date: ISODate; data: unknown }[]): ClockEvent[] {
  return events.flatMap((e) => {
    if (!isCaseEventType(e.type)) return [];
    const map = eventSpec(e.type).clock;
    return map ? [map(e.date, (e.data ?? {}) as Record<string, unknown>)] : [];
  });
}

/** From-states, resulting state and label by type: a view of the table for the console's labels route. */
export const TRANSITIONS = Object.fromEntries(
  CASE_EVENT_TYPES.map((k) => [
    k,
    { from: CASE_EVENTS[k].from, to: CASE_EVENTS[k].to, label: CASE_EVENTS[k].label.zh },
  ]),
) as Record<CaseEventType, { from: readonly CaseState[]; to: CaseState | null; label: string }>;
