/**
 * The shape of one row of the case-event table (`events.ts`): everything the platform knows about an event,
 * read by the command that records it (`src/commands/applications/record-event.ts`), the policy
 * (`src/domain/access/record.ts`), the clock mapping, the case view's offered actions and the console's forms.
 */
import { z } from 'zod';
import type { Calendar } from '../calendar/calendar.ts';
import { type ISODate, isISODate } from '../calendar/dates.ts';
import type { ClockEvent, ClockResult } from '../clock/index.ts';
import type { LetterKind, LetterVars } from './letters.ts';
import type { Outcome } from './outcomes.ts';
import type { CaseState } from './states.ts';

/** A text users see: Chinese first, English second. */
export interface Text {
  zh: string;
  en: string;
}

/** The wording of one form field; the kind of input follows from the field's schema (`event-form.ts`). */
export interface FieldSpec {
  label: Text;
  /** Labels of an enum's values. */
  options?: Readonly<Record<string, Text>>;
  initial?: string | number;
}

/** A calendar date (`YYYY-MM-DD`); `format: 'date'` tells forms and the OpenAPI document it is one. */
export const isoDate = z.string().refine(isISODate, '日期无效（格式 YYYY-MM-DD）').meta({ format: 'date' });
export const text = (max: number) => z.string().trim().max(max);

/** The policy actions an event may need (src/domain/access/policy.ts). */
export type CaseAction = 'case.handle' | 'case.approve';

/** What an agency's settings say about who records a step. */
export interface AgencyRules {
  /** `agency.settings.requireApprovalForDecision`: every reply is decided by the head (负责人). */
  approvalRequiredForDecision: boolean;
}

/** What is known of a case before an event, for the policy and for the steps already done. */
export interface CaseStanding {
  state: CaseState;
  extensionPending: boolean;
  /** The head refused the extension asked for (条例第三十三条第一款): the step is done, not asked again. */
  extensionRefused?: boolean;
  clock: Pick<ClockResult, 'state' | 'extensionWorkdays' | 'consultations' | 'correctionRequested'>;
}

/** The 信息处理费 of a fee notice, looked up by the command (国办函〔2020〕109号; fees.ts). */
export interface FeeQuote {
  amount: number;
  nthInMonth: number | null;
  text: string;
}

export interface PreconditionCtx {
  /** The clock before the event. */
  clock: ClockResult;
  cal: Calendar;
  /** Present when the spec's `lookup` is 'fee'. */
  fee?: FeeQuote;
}

export interface LetterCtx {
  /** The clock after the event. */
  clock: ClockResult;
  /** What the precondition added to the stored event. */
  extra: Readonly<Record<string, unknown>>;
  /** The events before this one, as stored (a letter may quote an earlier step: the reason for an extension). */
  events: readonly { type: string; date: ISODate; data: Readonly<Record<string, unknown>> }[];
}

/** What the command persists besides the event and the state, each handled in one exhaustive switch. */
export type Effect =
  | 'decision'
  | 'reopen'
  | 'extension_requested'
  | 'extension_settled'
  | 'extension_refused'
  | 'fee_notice'
  | 'fee_paid';
export const EFFECTS: readonly Effect[] = [
  'decision',
  'reopen',
  'extension_requested',
  'extension_settled',
  'extension_refused',
  'fee_notice',
  'fee_paid',
];

export interface EventSpec<S extends z.ZodObject = z.ZodObject> {
  /** The request body (`type`, `date` and the event's own fields). */
  input: S;
  label: Text;
  /** Every field but `type` and `date`. */
  fields: { [K in Exclude<keyof z.output<S>, 'type' | 'date'>]-?: FieldSpec };
  from: readonly CaseState[];
  /** null: the state does not change. */
  to: CaseState | null;
  /** The outcome the event fixes, when it ends or decides the case. */
  outcome?(ev: z.output<S>): Outcome;
  /** The policy action that may record it; the agency's settings are an input. */
  recordedWith(agency: AgencyRules): CaseAction;
  /** Why it cannot be recorded now although the state allows it (a step already done), or null. */
  unavailable?(c: CaseStanding): string | null;
  /** The stored event as the clock sees it (pure; stored data may predate today's schema). */
  clock?(date: ISODate, data: Readonly<Record<string, unknown>>): ClockEvent;
  /** The one database lookup a precondition needs, done by the command. */
  lookup?: 'fee';
  /** Throws an AppError when the event may not happen; returns data to store with the event. */
  precondition?(ev: z.output<S>, ctx: PreconditionCtx): Record<string, unknown> | undefined;
  effect?: Effect;
  /** The 告知书 the event issues, with the variables it contributes (the command adds the case's own). */
  letter?(ev: z.output<S>, ctx: LetterCtx): { kind: LetterKind; vars: LetterVars } | null;
  /** The e-mail to the applicant: what happened. */
  notice?: string;
}

/** One row of the table, typed by its schema. */
export function defineEvent<S extends z.ZodObject>(spec: EventSpec<S>): EventSpec<S> {
  return spec;
}

export const handler = (): CaseAction => 'case.handle';
export const head = (): CaseAction => 'case.approve';
