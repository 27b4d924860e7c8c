import { z } from 'zod';
import { CASE_EVENT_TYPES, CASE_EVENTS, type CaseEventType } from './events.ts';

type EventInputSchema = (typeof CASE_EVENTS)[CaseEventType]['input'];

/** The body of `POST /api/v1/cases/{trackingNumber}/events`, by event type: the union of the table's inputs. */
export const caseEventInput = z.discriminatedUnion(
  'type',
  CASE_EVENT_TYPES.map((k) => CASE_EVENTS[k].input) as [EventInputSchema, ...EventInputSchema[]],
  { error: (i) => (i.code === 'invalid_union' ? '事件类型 type 不正确' : undefined) },
);
export type CaseEventInput = z.infer<typeof caseEventInput>;
