/**
 * The statutory clock of an application: a pure function of (receipt, clock events, calendar).
 *
 * 条例第三十三条第一款: reply within 20 working days of receipt; an extension of at most 20 working days with the
 *   consent of the head of the 政府信息公开工作机构.
 * 条例第三十三条第二款: time spent consulting third parties or other agencies is not counted.
 * 条例第三十条: a 补正 notice within 7 working days of receipt, once; the reply period then counts from receipt of the
 *   corrected application.
 * 条例第三十二条 / 第三十四条: the consulted party has 15 working days to answer.
 * 条例第三十五条: for unreasonable numbers of applications, a reasonable later date set by the agency.
 * 国办函〔2020〕109号: the fee notice is sent within the reply period; the applicant pays within 20 working days;
 *   the time from notice to payment is not counted [conv].
 */
import { addWorkdays, type Calendar, type ISODate, isISODate, workdaysBetween } from '../calendar/index.ts';
import { channelReceiptRule } from './receipt.ts';
import {
  CHANNELS,
  type ClockEvent,
  type ClockInput,
  ClockInputError,
  type ClockResult,
  type ConsultationResult,
  type TraceStep,
} from './types.ts';

export const REPLY_WORKDAYS = 20; // 第三十三条第一款
export const CORRECTION_NOTICE_WORKDAYS = 7; // 第三十条
export const CONSULTATION_ANSWER_WORKDAYS = 15; // 第三十二条、第三十四条
export const MAX_EXTENSION_WORKDAYS = 20; // 第三十三条第一款
export const FEE_PAYMENT_WORKDAYS = 20; // 国办函〔2020〕109号

const partyText = { third_party: '第三方', agency: '其他机关' } as const;
const partyArticle = { third_party: '第三十二条', agency: '第三十四条' } as const;

/** On one day, what opens comes before what closes, so the input order of a day's events does not matter. */
const SAME_DAY_ORDER: Record<ClockEvent['type'], number> = {
  correction_requested: 0,
  consultation_started: 0,
  fee_notice_sent: 0,
  extension_approved: 1,
  delayed_reply_set: 1,
  correction_received: 2,
  consultation_ended: 2,
  fee_paid: 2,
};

interface Pause {
  kind: 'consultation' | 'fee';
  from: ISODate;
  to: ISODate | null;
}

export function computeClock(input: ClockInput, cal: Calendar): ClockResult {
  validate(input);
  const received = input.received.date;
  const events = [...input.events]
    .map((e, i) => ({ e, i }))
    .sort((a, b) =>
      a.e.date < b.e.date
        ? -1
        : a.e.date > b.e.date
          ? 1
          : SAME_DAY_ORDER[a.e.type] - SAME_DAY_ORDER[b.e.type] || a.i - b.i,
    )
    .map((x) => x.e);
  const trace: TraceStep[] = [];
  const warnings: string[] = [];
  const provisionalYears = new Set<number>();
  const note = (r: { provisionalYears: number[] }) => {
    for (const y of r.provisionalYears) provisionalYears.add(y);
  };

  const rule = channelReceiptRule[input.received.channel];
  trace.push({ date: received, article: '第三十一条', text: `收到申请 ${received}（第三十一条：${rule}）` });

  const notice = addWorkdays(cal, received, CORRECTION_NOTICE_WORKDAYS);
  note(notice);
  trace.push({
    date: notice.date,
    article: '第三十条',
    text: `补正告知期限 ${notice.date}（第三十条：申请内容不明确的，应自收到申请之日起7个工作日内一次性告知补正）`,
  });

  let correctionRequested: ISODate | null = null;
  let correctionReceived: ISODate | null = null;
  let extension = 0;
  let delayedUntil: ISODate | null = null;
  const pauses: Pause[] = [];
  const consultations: (ConsultationResult & { pause: Pause })[] = [];
  let openFee: Pause | null = null;
  let feePaymentDue: ISODate | null = null;

  const fail = (msg: string): never => {
    throw new ClockInputError(msg);
  };

  for (const ev of events) {
    switch (ev.type) {
      case 'correction_requested': {
        if (correctionRequested) fail(`补正只能一次性告知（第三十条），${ev.date} 的第二次补正通知无效`);
        correctionRequested = ev.date;
        if (ev.date > notice.date) warnings.push(`补正通知 ${ev.date} 晚于法定告知期限 ${notice.date}（第三十条）`);
        trace.push({
          date: ev.date,
          article: '第三十条',
          text: `${ev.date} 发出补正通知；答复期限自收到补正后的申请之日起计算（第三十条）`,
        });
        break;
      }
      case 'correction_received': {
        if (!correctionRequested) fail(`${ev.date} 收到补正，但此前没有补正通知`);
        if (correctionReceived) fail(`${ev.date} 重复记录收到补正`);
        correctionReceived = ev.date;
        trace.push({
          date: ev.date,
          article: '第三十条',
          text: `${ev.date} 收到补正后的申请，答复期限自此日起计算（第三十条）`,
        });
        break;
      }
      case 'consultation_started': {
        const answer = addWorkdays(cal, ev.date, CONSULTATION_ANSWER_WORKDAYS);
        note(answer);
        const pause: Pause = { kind: 'consultation', from: ev.date, to: null };
        pauses.push(pause);
        consultations.push({
          party: ev.party,
          started: ev.date,
          ended: null,
          answerDue: answer.date,
          pausedWorkdays: 0,
          pause,
        });
        trace.push({
          date: ev.date,
          article: partyArticle[ev.party],
          text: `${ev.date} 书面征求${partyText[ev.party]}意见（${partyArticle[ev.party]}），${partyText[ev.party]}答复期限 ${answer.date}（15个工作日）；征求意见期间不计入答复期限（第三十三条第二款）`,
        });
        break;
      }
      case 'consultation_ended': {
        const open = [...consultations].reverse().find((c) => c.ended === null && (!ev.party || c.party === ev.party));
        if (!open) fail(`${ev.date} 征求意见结束，但此前没有未结束的征求意见`);
        const c = open!;
        c.ended = ev.date;
        c.pause.to = ev.date;
        c.pausedWorkdays = workdaysBetween(cal, c.started, ev.date).length;
        trace.push({
          date: ev.date,
          article: '第三十三条第二款',
          text: `${ev.date} 征求${partyText[c.party]}意见结束，${c.started} 之后至 ${ev.date} 的 ${c.pausedWorkdays} 个工作日不计入答复期限（第三十三条第二款）`,
        });
        break;
      }
      case 'fee_notice_sent': {
        if (openFee) fail(`${ev.date} 发出收费通知，但上一份收费通知尚未缴费`);
        const due = addWorkdays(cal, ev.date, FEE_PAYMENT_WORKDAYS);
        note(due);
        feePaymentDue = due.date;
        openFee = { kind: 'fee', from: ev.date, to: null };
        pauses.push(openFee);
        const amount = ev.amount !== undefined ? `，金额 ${ev.amount} 元` : '';
        trace.push({
          date: ev.date,
          article: '国办函〔2020〕109号',
          text: `${ev.date} 发出收费通知${amount}，缴费期限 ${due.date}（收到通知后20个工作日，国办函〔2020〕109号）；通知至缴费期间不计入答复期限`,
        });
        break;
      }
      case 'fee_paid': {
        if (!openFee) fail(`${ev.date} 记录缴费，但此前没有收费通知`);
        const f = openFee!;
        f.to = ev.date;
        openFee = null;
        feePaymentDue = null;
        const n = workdaysBetween(cal, f.from, ev.date).length;
        trace.push({
          date: ev.date,
          article: '国办函〔2020〕109号',
          text: `${ev.date} 申请人缴费，${f.from} 之后至 ${ev.date} 的 ${n} 个工作日不计入答复期限（国办函〔2020〕109号）`,
        });
        break;
      }
      case 'extension_approved': {
        if (extension + ev.workdays > MAX_EXTENSION_WORKDAYS) {
          fail(`延长答复期限合计 ${extension + ev.workdays} 个工作日，超过第三十三条规定的最长20个工作日`);
        }
        extension += ev.workdays;
        trace.push({
          date: ev.date,
          article: '第三十三条第一款',
          text: `${ev.date} 经政府信息公开工作机构负责人同意延长答复期限 ${ev.workdays} 个工作日（第三十三条第一款，最长20个工作日）`,
        });
        break;
      }
      case 'delayed_reply_set': {
        delayedUntil = ev.until;
        trace.push({
          date: ev.date,
          article: '第三十五条',
          text: `${ev.date} 因申请数量、频次明显超过合理范围，确定延迟答复的合理期限至 ${ev.until}（第三十五条）`,
        });
        break;
      }
      default: {
        const never: never = ev;
        fail(`未知事件类型：${JSON.stringify(never)}`);
      }
    }
  }

  const base = correctionRequested ? correctionReceived : received;
  const openPause = pauses.find((p) => p.to === null);
  const skip = new Set<ISODate>();
  for (const p of pauses) if (p.to) for (const d of workdaysBetween(cal, p.from, p.to)) skip.add(d);

  let replyDue: ISODate | null = null;
  let state: ClockResult['state'] = 'running';
  if (delayedUntil) {
    state = 'delayed';
    replyDue = delayedUntil;
    trace.push({
      date: delayedUntil,
      article: '第三十五条',
      text: `答复期限 ${delayedUntil}（第三十五条：行政机关确定的合理期限）`,
    });
  } else if (!base) {
    state = 'waiting_correction';
    trace.push({
      date: null,
      article: '第三十条',
      text: '等待申请人补正：答复期限自收到补正后的申请之日起计算（第三十条）',
    });
  } else if (openPause) {
    state = 'paused';
    const what = openPause.kind === 'fee' ? '等待申请人缴费（国办函〔2020〕109号）' : '征求意见中（第三十三条第二款）';
    trace.push({
      date: null,
      article: openPause.kind === 'fee' ? '国办函〔2020〕109号' : '第三十三条第二款',
      text: `${what}：期限暂停计算，恢复后确定答复期限`,
    });
  } else {
    const due = addWorkdays(cal, base, REPLY_WORKDAYS + extension, skip);
    note(due);
    replyDue = due.date;
    const counted = [...skip].filter((d) => d > base && d <= due.date).length;
    const parts = [`${base === received ? '收到申请' : '收到补正后的申请'}之日起20个工作日`];
    if (counted) parts.push(`不计入征求意见、缴费期间 ${counted} 个工作日`);
    if (extension) parts.push(`延长 ${extension} 个工作日`);
    trace.push({
      date: replyDue,
      article: '第三十三条',
      text: `答复期限 ${replyDue}（第三十三条：${parts.join('，')}）`,
    });
  }

  const provisional = provisionalYears.size > 0;
  if (provisional) {
    const years = [...provisionalYears].sort().join('、');
    const text = `注意：${years}年的节假日安排尚未录入，相关日期按周一至周五推算，为暂定日期，录入国务院通知后将重新计算`;
    warnings.push(text);
    trace.push({ date: null, article: '国务院办公厅节假日安排通知', text });
  }

  const pausedWorkdays = skip.size;
  const lastOpen = [...consultations].reverse().find((c) => c.ended === null);
  return {
    receivedDate: received,
    channel: input.received.channel,
    state,
    replyDue,
    replyBase: base,
    correctionNoticeDue: notice.date,
    correctionRequested,
    correctionReceived,
    consultations: consultations.map(({ pause: _p, ...c }) => c),
    thirdPartyAnswerDue: lastOpen?.answerDue ?? null,
    feePaymentDue,
    pausedWorkdays,
    extensionWorkdays: extension,
    provisional,
    warnings,
    trace,
  };
}

function validate(input: ClockInput) {
  const fail = (msg: string): never => {
    throw new ClockInputError(msg);
  };
  if (!input || typeof input !== 'object' || !input.received) fail('缺少 received（收到申请的日期与渠道）');
  const r = input.received;
  if (!isISODate(r.date)) fail(`收到申请日期 ${JSON.stringify(r.date)} 不是有效日期（格式 YYYY-MM-DD）`);
  if (!CHANNELS.includes(r.channel))
    fail(`申请渠道 ${JSON.stringify(r.channel)} 不正确，应为 ${CHANNELS.join('、')} 之一`);
  if (!Array.isArray(input.events)) fail('events 应为数组');
  for (const [i, e] of input.events.entries()) {
    const at = `第 ${i + 1} 个事件`;
    if (!e || typeof e !== 'object') fail(`${at}格式不正确`);
    if (!isISODate(e.date)) fail(`${at}（${e.type}）的日期 ${JSON.stringify(e.date)} 不是有效日期`);
    if (e.date < r.date) fail(`${at}（${e.type}）的日期 ${e.date} 早于收到申请日期 ${r.date}`);
    switch (e.type) {
      case 'consultation_started':
        if (e.party !== 'third_party' && e.party !== 'agency') fail(`${at}：party 应为 third_party 或 agency`);
        break;
      case 'consultation_ended':
        if (e.party !== undefined && e.party !== 'third_party' && e.party !== 'agency')
          fail(`${at}：party 应为 third_party 或 agency`);
        break;
      case 'extension_approved':
        if (!Number.isInteger(e.workdays) || e.workdays < 1) fail(`${at}：延长的工作日数应为正整数`);
        if (e.workdays > MAX_EXTENSION_WORKDAYS)
          fail(`${at}：延长 ${e.workdays} 个工作日，超过第三十三条规定的最长20个工作日`);
        break;
      case 'fee_notice_sent':
        if (e.amount !== undefined && (typeof e.amount !== 'number' || e.amount < 0)) fail(`${at}：收费金额不正确`);
        break;
      case 'delayed_reply_set':
        if (!isISODate(e.until) || e.until < e.date) fail(`${at}：延迟答复期限 until 应为不早于事件日期的有效日期`);
        break;
      case 'correction_requested':
      case 'correction_received':
      case 'fee_paid':
        break;
      default:
        fail(`${at}：未知事件类型 ${JSON.stringify((e as { type: unknown }).type)}`);
    }
  }
}

export type { ClockEvent };
