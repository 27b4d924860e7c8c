import { z } from 'zod';
import {
  APPLICANT_TYPES,
  type CaseEventType,
  type CaseState,
  FORMS,
  OUTCOMES,
  REPLY_DEADLINE_STATUSES,
  STATE_LABELS,
  TRANSITIONS,
} from '../../domain/case/index.ts';
import { CHANNELS } from '../../domain/clock/index.ts';
import { dateOut, instant } from './common.ts';

/** What the applications and cases routes answer: receipts, the tracking view, case lists and the staff's case. */

const CASE_STATES = Object.keys(STATE_LABELS) as [CaseState, ...CaseState[]];
const EVENT_TYPES = Object.keys(TRANSITIONS) as [CaseEventType, ...CaseEventType[]];
export const caseState = z.enum(CASE_STATES);
export const outcome = z.enum(OUTCOMES);

export const letterRef = z.object({
  id: z.uuid(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  issuedDate: dateOut,
  docNumber: z.string().nullable().meta({ description: '发文字号（GB/T 9704-2012），如 凉市监依申〔2026〕12号' }),
});
export const deadline = z.object({
  due: dateOut,
  daysLeft: z.number().int(),
  status: z.enum(REPLY_DEADLINE_STATUSES).meta({ description: 'extension_pending：延期申请待负责人批准，不计超期' }),
  overdue: z.boolean(),
});
export const flag = z.object({
  kind: z.enum(['possible_repeat', 'high_volume']),
  text: z.string(),
  related: z.array(z.string()).optional(),
});

export const intakeReceipt = z.object({
  trackingNumber: z.string(),
  queryCode: z.string().meta({ description: '查询码：凭申请编号和查询码查询进度、下载告知书' }),
  status: caseState,
  receivedDate: dateOut,
  replyDue: dateOut.nullable(),
});

export const tracked = z.object({
  trackingNumber: z.string(),
  agency: z.string(),
  status: caseState,
  statusLabel: z.string(),
  receivedDate: dateOut,
  replyDue: dateOut.nullable(),
  outcome: outcome.nullable(),
  outcomeLabel: z.string().nullable(),
  closedDate: dateOut.nullable(),
  letters: z.array(letterRef),
});

export const caseListItem = z.object({
  trackingNumber: z.string(),
  agency: z.object({ id: z.uuid(), name: z.string() }),
  receivedDate: dateOut,
  applicantType: z.enum(APPLICANT_TYPES),
  applicantName: z.string(),
  description: z.string(),
  state: caseState,
  stateLabel: z.string(),
  outcome: outcome.nullable(),
  replyDue: dateOut.nullable(),
  deadline: deadline.nullable(),
  flags: z.array(flag),
  extensionPending: z.boolean(),
});

const consultation = z.object({
  party: z.enum(['third_party', 'agency']),
  started: dateOut,
  ended: dateOut.nullable(),
  answerDue: dateOut,
  pausedWorkdays: z.number().int(),
});
/** The statutory clock of a case (条例第三十条至第三十五条) and why each date is what it is. */
export const clockResult = z.object({
  receivedDate: dateOut,
  channel: z.enum(CHANNELS),
  state: z.enum(['running', 'waiting_correction', 'paused', 'delayed']),
  replyDue: dateOut.nullable(),
  replyBase: dateOut.nullable(),
  correctionNoticeDue: dateOut,
  correctionRequested: dateOut.nullable(),
  correctionReceived: dateOut.nullable(),
  consultations: z.array(consultation),
  thirdPartyAnswerDue: dateOut.nullable(),
  feePaymentDue: dateOut.nullable(),
  pausedWorkdays: z.number().int(),
  extensionWorkdays: z.number().int(),
  provisional: z.boolean(),
  warnings: z.array(z.string()),
  trace: z.array(z.object({ date: dateOut.nullable(), article: z.string(), text: z.string() })),
});
export const caseClock = clockResult.extend({ status: deadline.nullable() });

export const staffCase = z.object({
  trackingNumber: z.string(),
  agency: z.object({ id: z.uuid(), name: z.string() }),
  channel: z.enum(CHANNELS),
  channelLabel: z.string(),
  receivedDate: dateOut,
  receiptBasis: z.string(),
  applicantType: z.enum(APPLICANT_TYPES),
  applicantTypeLabel: z.string(),
  applicant: z.record(z.string(), z.unknown()).meta({
    description:
      '申请人信息（name、idType、idNumber、creditCode、contactPerson、phone、email、address、postcode）：默认脱敏（masked: true）；reveal=1 时为完整信息（须有权限，并记入审计）',
  }),
  description: z.string(),
  form: z.enum(FORMS),
  formLabel: z.string(),
  delivery: z.string().nullable(),
  state: caseState,
  stateLabel: z.string(),
  outcome: outcome.nullable(),
  outcomeLabel: z.string().nullable(),
  outcomeBasis: z.string().nullable(),
  outcomeReasons: z.string().nullable(),
  decidedDate: dateOut.nullable(),
  closedDate: dateOut.nullable(),
  flags: z.array(flag),
  extensionPending: z.boolean(),
  clock: caseClock,
  events: z.array(
    z.object({
      seq: z.number().int(),
      type: z.string(),
      label: z.string(),
      date: dateOut,
      data: z.record(z.string(), z.unknown()),
      actor: z.string().nullable(),
      at: instant,
    }),
  ),
  allowedEvents: z.array(z.enum(EVENT_TYPES)),
  letters: z.array(letterRef),
  appeals: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      filedDate: dateOut,
      result: z.string(),
      resultDate: dateOut.nullable(),
      note: z.string().nullable(),
    }),
  ),
  fee: z
    .object({
      mode: z.string(),
      pages: z.number().int().nullable(),
      nthInMonth: z.number().int().nullable(),
      amount: z.number(),
      noticeDate: dateOut,
      paidDate: dateOut.nullable(),
    })
    .nullable(),
});
