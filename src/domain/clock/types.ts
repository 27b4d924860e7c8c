import type { ISODate } from '../calendar/index.ts';

/** How an application arrived; it decides how the receipt date was established (条例第三十一条). */
export type Channel = 'in_person' | 'post' | 'letter' | 'online' | 'fax' | 'email';
export const CHANNELS: readonly Channel[] = ['in_person', 'post', 'letter', 'online', 'fax', 'email'];

export type ConsultedParty = 'third_party' | 'agency';

/** The events of a case that move its statutory clock. */
export type ClockEvent =
  | { type: 'correction_requested'; date: ISODate }
  | { type: 'correction_received'; date: ISODate }
  | { type: 'consultation_started'; date: ISODate; party: ConsultedParty }
  | { type: 'consultation_ended'; date: ISODate; party?: ConsultedParty }
  | { type: 'fee_notice_sent'; date: ISODate; amount?: number }
  | { type: 'fee_paid'; date: ISODate }
  | { type: 'extension_approved'; date: ISODate; workdays: number }
  | { type: 'delayed_reply_set'; date: ISODate; until: ISODate };

export type ClockEventType = ClockEvent['type'];
export const CLOCK_EVENT_TYPES: readonly ClockEventType[] = [
  'correction_requested',
  'correction_received',
  'consultation_started',
  'consultation_ended',
  'fee_notice_sent',
  'fee_paid',
  'extension_approved',
  'delayed_reply_set',
];

export interface ClockInput {
  received: { date: ISODate; channel: Channel };
  events: readonly ClockEvent[];
}

export interface TraceStep {
  date: ISODate | null;
  /** The article or document the step applies, e.g. '第三十三条第一款'. */
  article: string;
  text: string;
}

export interface ConsultationResult {
  party: ConsultedParty;
  started: ISODate;
  ended: ISODate | null;
  /** The consulted party's 15-working-day answer window (第三十二条 / 第三十四条). */
  answerDue: ISODate;
  pausedWorkdays: number;
}

/** Where the reply clock stands. */
export type ClockState =
  | 'running' // counting towards replyDue
  | 'waiting_correction' // 补正 requested, not yet received: the reply period has not begun
  | 'paused' // a consultation or an unpaid fee notice is open: replyDue unknown until it ends
  | 'delayed'; // 第三十五条: a date set by the agency

export interface ClockResult {
  receivedDate: ISODate;
  channel: Channel;
  state: ClockState;
  /** The reply deadline; null while waiting for a correction or while a pause is open. */
  replyDue: ISODate | null;
  /** The day the reply period counts from: receipt, or receipt of the corrected application. */
  replyBase: ISODate | null;
  correctionNoticeDue: ISODate;
  correctionRequested: ISODate | null;
  correctionReceived: ISODate | null;
  consultations: ConsultationResult[];
  /** Latest open consultation's answer window, for convenience. */
  thirdPartyAnswerDue: ISODate | null;
  feePaymentDue: ISODate | null;
  pausedWorkdays: number;
  extensionWorkdays: number;
  /** Some counted day lies in a year without official holiday data. */
  provisional: boolean;
  warnings: string[];
  trace: TraceStep[];
}

/** Input that cannot be a real case; the message says why, in Chinese. */
export class ClockInputError extends Error {}
