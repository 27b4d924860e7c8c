/**
 * The steps of a case as its applicant may see them on the tracking page: what was done and on which day —
 * never who did it, notes, the consulted third party (条例第三十二条 is the agency's inquiry, not the
 * applicant's business) or any event's data. An event not listed here is staff-only and stays off the page.
 */
import type { ISODate } from '../calendar/dates.ts';
import { REGISTERED_EVENT } from './states.ts';

export interface TimelineStep {
  type: string;
  date: ISODate;
  label: string;
  labelEn: string;
}

/** Applicant-visible events: the ones the applicant is told of (each has a notice or a letter) or did. */
export const APPLICANT_STEPS: Readonly<Record<string, readonly [zh: string, en: string]>> = {
  // 条例第三十一条: the day of receipt starts the clock.
  [REGISTERED_EVENT]: ['收到申请', 'Request received'],
  // 条例第三十条: one request to correct, and the corrected request restarting the clock.
  correction_requested: ['发出补正通知', 'Asked to correct the request'],
  correction_received: ['收到补正材料', 'Corrected request received'],
  correction_expired: ['逾期未补正，视为放弃申请', 'Not corrected in time: deemed abandoned'],
  // 国办函〔2020〕109号: the fee notice and its payment.
  fee_notice_sent: ['发出收费通知', 'Fee notice sent'],
  fee_paid: ['已缴纳信息处理费', 'Fee paid'],
  fee_expired: ['逾期未缴费，视为放弃申请', 'Fee not paid in time: deemed abandoned'],
  // 条例第三十三条: the applicant is told of an extension.
  extension_approved: ['答复期限依法延长', 'Reply period extended'],
  decided: ['作出答复', 'Reply decided'],
  served: ['送达答复', 'Reply served'],
  withdrawn: ['申请已撤回', 'Request withdrawn'],
  closed: ['办结', 'Closed'],
};

/** The applicant's timeline from the stored events (in order): the visible steps, with their dates only. */
export function applicantTimeline(events: readonly { type: string; date: ISODate }[]): TimelineStep[] {
  return events.flatMap((e) => {
    const step = APPLICANT_STEPS[e.type];
    return step ? [{ type: e.type, date: e.date, label: step[0], labelEn: step[1] }] : [];
  });
}
