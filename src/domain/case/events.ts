/**
 * The one table of case events: for each, its input, the states it may happen in and the state it leads to,
 * the outcome it fixes, who may record it, its effect on the statutory clock, its preconditions, its 告知书 and
 * its notice to the applicant, and its wording. A new event is a new row here (and its letter template).
 */
import { z } from 'zod';
// Calendar arithmetic from its own modules, not the index: the console loads this table without the holiday data.
import { dateZh, type ISODate } from '../calendar/dates.ts';
import { addWorkdays } from '../calendar/workdays.ts';
import { AppError, invalid } from '../errors.ts';
import { isoDate as date, defineEvent, type EventSpec, handler, head, type Text, text } from './event-spec.ts';
import {
  DECIDABLE_OUTCOMES,
  decisionBasis,
  OUTCOME_INFO,
  OUTCOME_LABELS_EN,
  type Outcome,
  WITHHELD_GROUNDS,
  WITHHELD_OUTCOMES,
} from './outcomes.ts';
import { AWAITING_REPLY_STATES } from './state-sets.ts';
import type { CaseState } from './states.ts';

/** [conv] time given to the applicant to supply a 补正 (stated in the 补正告知书; 条例第三十条 "合理的补正期限"). */
export const CORRECTION_RESPONSE_WORKDAYS = 15;

const working: CaseState[] = ['registered', 'in_progress'];
const t = (zh: string, en: string): Text => ({ zh, en });
const note = { label: t('备注', 'Notes') };
const parties = {
  third_party: t('第三方（条例第三十二条）', 'Third party (Art. 32)'),
  agency: t('其他机关（条例第三十四条）', 'Other agency (Art. 34)'),
};
const party = z.enum(['third_party', 'agency'], { message: 'party 应为 third_party（第三方）或 agency（其他机关）' });
const event = <K extends string, S extends z.ZodRawShape>(type: K, shape: S) =>
  z.object({ type: z.literal(type), date, ...shape });
const outcomeOptions = Object.fromEntries(
  DECIDABLE_OUTCOMES.map((o) => [o, t(OUTCOME_INFO[o].label, OUTCOME_LABELS_EN[o])]),
);
const withheldOptions = Object.fromEntries(
  WITHHELD_OUTCOMES.map((o) => [
    o,
    t(OUTCOME_INFO[o].label.replace('不予公开：', ''), OUTCOME_LABELS_EN[o].replace('Withheld: ', '')),
  ]),
);
/** The last stored event of a type before this one. */
const lastOf = (
  events: readonly { type: string; date: ISODate; data: Readonly<Record<string, unknown>> }[],
  type: string,
) => [...events].reverse().find((e) => e.type === type);

export const CASE_EVENTS = {
  // 条例第三十条: unclear applications — tell the applicant once, within 7 working days, what to supply.
  correction_requested: defineEvent({
    input: event('correction_requested', { items: text(2000).min(2, '请写明需要补正的事项') }),
    label: t('发出补正通知', 'Request a correction'),
    fields: { items: { label: t('需要补正的事项', 'What the applicant must correct') } },
    from: ['registered'],
    to: 'awaiting_correction',
    recordedWith: handler,
    clock: (d) => ({ type: 'correction_requested', date: d }),
    letter: (ev) => ({ kind: 'correction', vars: { details: ev.items } }),
    notice: '需要您补正申请内容，请查看补正告知书',
  }),
  // 条例第三十条: the reply period counts from receipt of the corrected application.
  correction_received: defineEvent({
    input: event('correction_received', { note: text(500).optional() }),
    label: t('收到补正', 'Correction received'),
    fields: { note },
    from: ['awaiting_correction'],
    to: 'in_progress',
    recordedWith: handler,
    clock: (d) => ({ type: 'correction_received', date: d }),
  }),
  // 条例第三十条: no correction in time without good reason → deemed abandoned.
  correction_expired: defineEvent({
    input: event('correction_expired', { note: text(500).optional() }),
    label: t('逾期未补正，视为放弃申请', 'No correction in time: deemed abandoned'),
    fields: { note },
    from: ['awaiting_correction'],
    to: 'closed',
    outcome: () => 'other_no_correction',
    recordedWith: handler,
    precondition: (ev, { clock, cal }) => {
      const limit = addWorkdays(cal, clock.correctionRequested!, CORRECTION_RESPONSE_WORKDAYS).date;
      if (ev.date <= limit) throw new AppError('conflict', `补正期限 ${limit} 尚未届满，不能视为放弃申请`);
      return undefined;
    },
    letter: (_ev, { clock }) => ({
      kind: 'reply.other_no_correction',
      vars: {
        basis: OUTCOME_INFO.other_no_correction.basis,
        noticeDate: clock.correctionRequested ? dateZh(clock.correctionRequested) : '',
      },
    }),
    notice: '因逾期未补正，申请视为放弃',
  }),
  // 条例第三十二条 (third party), 第三十四条 (other agency): 15 working days to answer; 第三十三条第二款: not counted.
  consultation_started: defineEvent({
    input: event('consultation_started', { party, partyName: text(200).min(1, '请填写被征求意见方的名称') }),
    label: t('征求意见', 'Consult a third party or agency'),
    fields: {
      party: { label: t('征求意见对象', 'Consulted party'), options: parties, initial: 'third_party' },
      partyName: { label: t('名称', 'Name') },
    },
    from: working,
    to: 'in_progress',
    recordedWith: handler,
    clock: (d, data) => ({
      type: 'consultation_started',
      date: d,
      party: data.party === 'agency' ? 'agency' : 'third_party',
    }),
    letter: (ev, { clock }) =>
      ev.party === 'third_party'
        ? {
            kind: 'third_party',
            vars: { thirdParty: ev.partyName, thirdPartyDue: dateZh(clock.consultations.at(-1)!.answerDue) },
          }
        : null,
  }),
  consultation_ended: defineEvent({
    input: event('consultation_ended', {
      party: party.optional(),
      result: z.enum(['agree', 'object', 'no_answer']).optional(),
      note: text(1000).optional(),
    }),
    label: t('征求意见结束', 'Consultation ended'),
    fields: {
      party: { label: t('征求意见对象（不填为最近一次）', 'Consulted party (the latest if empty)'), options: parties },
      result: {
        label: t('意见', 'Opinion'),
        options: {
          agree: t('同意公开', 'Agrees to disclosure'),
          object: t('不同意公开', 'Disagrees with disclosure'),
          no_answer: t('逾期未答复', 'No answer in time'),
        },
      },
      note,
    },
    from: ['in_progress'],
    to: null,
    recordedWith: handler,
    unavailable: (c) => (c.clock.consultations.some((x) => x.ended === null) ? null : '没有正在进行的征求意见'),
    clock: (d, data) => ({
      type: 'consultation_ended',
      date: d,
      ...(data.party === 'agency' || data.party === 'third_party' ? { party: data.party } : {}),
    }),
  }),
  // 国办函〔2020〕109号: a fee notice within the reply period; the applicant pays within 20 working days.
  fee_notice_sent: defineEvent({
    input: event('fee_notice_sent', {
      mode: z.enum(['per_application', 'per_volume'], {
        message: '收费方式应为 per_application（按件）或 per_volume（按量）',
      }),
      pages: z.number().int().min(0).max(1_000_000).optional(),
      amount: z.number().min(0).optional(),
    }),
    label: t('发出收费通知', 'Send a fee notice'),
    fields: {
      mode: {
        label: t('收费方式（国办函〔2020〕109号）', 'Fee method (国办函〔2020〕109号)'),
        options: { per_application: t('按件计收', 'Per request'), per_volume: t('按量计收', 'By volume') },
        initial: 'per_volume',
      },
      pages: { label: t('页数（按量计收）', 'Pages (by volume)') },
      amount: { label: t('核对金额（元，可不填，按标准计算）', 'Amount to check (yuan; optional, computed)') },
    },
    from: working,
    to: 'awaiting_payment',
    recordedWith: handler,
    lookup: 'fee',
    precondition: (ev, { fee }) => {
      if (ev.date < '2021-01-01') throw invalid('信息处理费自2021年1月1日起依国办函〔2020〕109号收取');
      const f = fee!;
      if (ev.amount !== undefined && Math.abs(ev.amount - f.amount) > 0.005)
        throw invalid(`收费金额应为 ${f.amount} 元（${f.text}），与填写的 ${ev.amount} 元不符`);
      if (f.amount === 0) throw invalid(`按标准无需收费（${f.text}），不应发出收费通知`);
      return { amount: f.amount, nthInMonth: f.nthInMonth, feeText: f.text };
    },
    effect: 'fee_notice',
    clock: (d, data) => ({ type: 'fee_notice_sent', date: d, amount: Number(data.amount ?? 0) }),
    letter: (_ev, { clock, extra }) => ({
      kind: 'fee',
      vars: {
        fee: String(extra.amount),
        feeDue: clock.feePaymentDue ? dateZh(clock.feePaymentDue) : '',
        basis: String(extra.feeText),
        // An agency's fee template from before the text moved to {{basis}} still prints it.
        details: String(extra.feeText),
      },
    }),
    notice: '需要缴纳信息处理费，请查看收费通知书',
  }),
  fee_paid: defineEvent({
    input: event('fee_paid', {}),
    label: t('申请人已缴费', 'Fee paid'),
    fields: {},
    from: ['awaiting_payment'],
    to: 'in_progress',
    recordedWith: handler,
    effect: 'fee_paid',
    clock: (d) => ({ type: 'fee_paid', date: d }),
  }),
  // 国办函〔2020〕109号: not paid within 20 working days → deemed abandoned.
  fee_expired: defineEvent({
    input: event('fee_expired', {}),
    label: t('逾期未缴费，视为放弃申请', 'Fee not paid in time: deemed abandoned'),
    fields: {},
    from: ['awaiting_payment'],
    to: 'closed',
    outcome: () => 'other_unpaid_fee',
    recordedWith: handler,
    precondition: (ev, { clock }) => {
      if (clock.feePaymentDue && ev.date <= clock.feePaymentDue)
        throw new AppError('conflict', `缴费期限 ${clock.feePaymentDue} 尚未届满，不能视为放弃申请`);
      return undefined;
    },
    letter: (_ev, { events }) => {
      const notice = lastOf(events, 'fee_notice_sent');
      return {
        kind: 'reply.other_unpaid_fee',
        vars: { basis: OUTCOME_INFO.other_unpaid_fee.basis, noticeDate: notice ? dateZh(notice.date) : '' },
      };
    },
    notice: '因逾期未缴费，申请视为放弃',
  }),
  // 条例第三十三条第一款: an extension needs the consent of the head of the 政府信息公开工作机构; asked for once.
  extension_requested: defineEvent({
    input: event('extension_requested', { reason: text(1000).min(2, '请说明延期理由') }),
    label: t('申请延期答复', 'Ask for an extension'),
    fields: { reason: { label: t('延期理由', 'Reason for extension') } },
    from: ['registered', 'in_progress', 'awaiting_payment'],
    to: null,
    recordedWith: handler,
    unavailable: (c) =>
      c.extensionPending
        ? '延期申请已提交，等待负责人批准'
        : c.clock.extensionWorkdays > 0
          ? '已批准延期答复'
          : c.extensionRefused
            ? '负责人已决定不批准延期'
            : null,
    effect: 'extension_requested',
  }),
  // 条例第三十三条第一款: at most 20 working days more, approved by the head, within the reply period.
  extension_approved: defineEvent({
    input: event('extension_approved', {
      workdays: z
        .number()
        .int()
        .min(1, '延长的工作日数至少为1')
        .max(20, '延长答复期限最长不得超过20个工作日（第三十三条）'),
      reason: text(1000).optional(),
    }),
    label: t('批准延期答复', 'Approve the extension'),
    fields: {
      workdays: { label: t('延长工作日数（≤20，条例第三十三条）', 'Working days added (≤20, Art. 33)'), initial: 20 },
      reason: { label: t('批准意见', 'Approval opinion') },
    },
    from: ['registered', 'in_progress', 'awaiting_payment'],
    to: null,
    recordedWith: head,
    unavailable: (c) =>
      c.clock.extensionWorkdays > 0
        ? '已批准延期答复，不能再次延期（第三十三条）'
        : c.extensionRefused && !c.extensionPending
          ? '负责人已决定不批准延期'
          : null,
    precondition: (ev, { clock }) => {
      if (clock.replyDue && ev.date > clock.replyDue)
        throw new AppError('conflict', `答复期限 ${clock.replyDue} 已届满，不能再批准延期（第三十三条）`);
      return undefined;
    },
    effect: 'extension_settled',
    clock: (d, data) => ({ type: 'extension_approved', date: d, workdays: Number(data.workdays) }),
    // The letter gives the operator's reason for asking (条例第三十三条: 告知申请人), not the head's comment.
    letter: (ev, { events }) => {
      const asked = lastOf(events, 'extension_requested')?.data.reason;
      return {
        kind: 'extension',
        vars: { extensionDays: String(ev.workdays), reasons: typeof asked === 'string' ? asked : (ev.reason ?? '') },
      };
    },
    notice: '答复期限已依法延长',
  }),
  // 条例第三十三条第一款: the head may refuse the extension asked for; the reply is then due in 20 working days.
  extension_refused: defineEvent({
    input: event('extension_refused', { reason: text(1000).min(2, '请填写不批准延期的理由') }),
    label: t('不批准延期', 'Refuse the extension'),
    fields: { reason: { label: t('不批准的理由', 'Reason for refusing') } },
    from: ['registered', 'in_progress', 'awaiting_payment'],
    to: null,
    recordedWith: head,
    unavailable: (c) => (c.extensionPending ? null : '没有待批准的延期申请'),
    effect: 'extension_refused',
  }),
  // 条例第三十五条: applications clearly beyond a reasonable number — a reasonable later date, set once.
  delayed_reply_set: defineEvent({
    input: event('delayed_reply_set', { until: date, reason: text(1000).min(2, '请说明理由') }),
    label: t('确定延迟答复期限（第三十五条）', 'Set a later reply date (Art. 35)'),
    fields: { until: { label: t('延至', 'Extended to') }, reason: { label: t('理由', 'Reason') } },
    from: working,
    to: null,
    recordedWith: head,
    unavailable: (c) => (c.clock.state === 'delayed' ? '已确定延迟答复期限' : null),
    clock: (d, data) => ({ type: 'delayed_reply_set', date: d, until: String(data.until) }),
  }),
  // 条例第三十六条–第三十九条: the reply, by its legal type; reasons wherever it is not full disclosure.
  decided: defineEvent({
    input: event('decided', {
      outcome: z.enum(DECIDABLE_OUTCOMES as [Outcome, ...Outcome[]], { message: '答复结果不在法定类型之内' }),
      basis: text(500).optional(),
      reasons: text(5000).optional(),
      details: text(5000).optional(),
      withheld: z.enum(WITHHELD_OUTCOMES, { message: '不予公开部分的依据不在法定类型之内' }).optional(),
      publishedAt: text(500).optional(),
      holder: text(500).optional(),
    }),
    label: t('作出答复决定', 'Decide the reply'),
    fields: {
      outcome: { label: t('答复结果', 'Outcome'), options: outcomeOptions },
      basis: { label: t('依据（默认按答复结果）', "Legal basis (defaults to the outcome's)") },
      reasons: {
        label: t('理由（不予公开、部分公开等须写明）', 'Reason (required for withholding, partial disclosure, …)'),
      },
      details: { label: t('告知事项', 'Notices to the applicant') },
      withheld: {
        label: t('不予公开部分的依据（部分公开时必填）', 'Ground for the part withheld (partial disclosure)'),
        options: withheldOptions,
      },
      publishedAt: {
        label: t(
          '已主动公开的，获取方式和途径（条例第三十六条第（一）项）',
          'Where it is already published (Art. 36 (1))',
        ),
      },
      holder: {
        label: t(
          '负责公开该信息的机关及联系方式（条例第三十六条第（五）项）',
          'Agency that discloses it, and its contact (Art. 36 (5))',
        ),
      },
    },
    from: working,
    to: 'decided',
    outcome: (ev) => ev.outcome,
    recordedWith: (agency) => (agency.approvalRequiredForDecision ? 'case.approve' : 'case.handle'),
    precondition: (ev) => {
      if (ev.outcome !== 'granted' && !ev.reasons) throw invalid('请填写答复理由（条例第三十六条要求说明理由）');
      // 条例第三十七条: the part withheld is withheld under an article of its own (第十四条、第十五条、第十六条).
      if (ev.outcome === 'partially_granted' && !ev.withheld)
        throw invalid('请选择不予公开部分的依据（条例第三十七条）', { field: 'withheld' });
      if (ev.outcome === 'other_misc' && !ev.basis) throw invalid('请填写处理依据', { field: 'basis' });
      return undefined;
    },
    effect: 'decision',
    letter: (ev) => ({
      kind: `reply.${ev.outcome}`,
      vars: {
        basis: decisionBasis(ev),
        reasons: ev.reasons ?? '',
        details: ev.details ?? '',
        withheld: ev.withheld ? WITHHELD_GROUNDS[ev.withheld].phrase : '',
        publishedAt: ev.outcome === 'granted' ? (ev.publishedAt ?? '') : '',
        holder: ev.outcome === 'unavailable_not_held' ? (ev.holder ?? '') : '',
      },
    }),
    notice: '已作出答复',
  }),
  served: defineEvent({
    input: event('served', { method: text(100).min(1, '请填写送达方式（如邮寄、当面、电子邮件）') }),
    label: t('送达答复', 'Serve the reply'),
    fields: {
      method: {
        label: t('送达方式（如邮寄、当面、电子邮件）', 'Service method (post, in person, e-mail…)'),
        initial: '电子邮件',
      },
    },
    from: ['decided'],
    to: 'served',
    recordedWith: handler,
  }),
  // Withdrawal ends an application not yet answered; after the reply there is nothing left to withdraw.
  withdrawn: defineEvent({
    input: event('withdrawn', { note: text(500).optional() }),
    label: t('申请人撤回申请', 'Withdrawn by the applicant'),
    fields: { note },
    from: AWAITING_REPLY_STATES,
    to: 'closed',
    outcome: () => 'other_misc',
    recordedWith: handler,
    notice: '申请已撤回',
  }),
  // 条例第四十五条: 登记、审核、办理、答复、归档.
  closed: defineEvent({
    input: event('closed', {}),
    label: t('办结归档', 'Close and archive'),
    fields: {},
    from: ['served'],
    to: 'closed',
    recordedWith: handler,
    notice: '申请已办结',
  }),
  // A reconsideration or court decision sends the case back: the clock counts afresh from the reopening.
  reopened: defineEvent({
    input: event('reopened', { reason: text(1000).min(2, '请说明重新办理的原因（如复议决定）') }),
    label: t('重新办理', 'Reopen'),
    fields: { reason: { label: t('重新办理的原因', 'Reason for reopening') } },
    from: ['closed'],
    to: 'in_progress',
    recordedWith: head,
    effect: 'reopen',
  }),
} satisfies Record<string, EventSpec>;

/** The event types are the table's rows: a new row is a new type (no list elsewhere to keep in step). */
export type CaseEventType = keyof typeof CASE_EVENTS;
export const CASE_EVENT_TYPES = Object.keys(CASE_EVENTS) as CaseEventType[];

export function isCaseEventType(s: string): s is CaseEventType {
  return Object.hasOwn(CASE_EVENTS, s);
}
