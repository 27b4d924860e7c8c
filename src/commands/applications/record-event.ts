import { type ApplicationRow, findApplication, listEvents } from '../../db/repos/applications.ts';
import { loadCalendar } from '../../db/repos/calendar.ts';
import { addWorkdays, chinaDate, dateZh } from '../../domain/calendar/index.ts';
import { type CaseEventInput, caseEventInput } from '../../domain/case/event-input.ts';
import {
  APPEAL_NOTICE,
  type CaseEventType,
  type CaseState,
  checkTransition,
  OUTCOME_INFO,
  type Outcome,
  STATE_LABELS,
  TRANSITIONS,
} from '../../domain/case/index.ts';
import { ClockInputError } from '../../domain/clock/index.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { caseClockWith } from '../../shared/case-clock.ts';
import { authorize, type Ctx, inTransaction } from '../../shared/context.ts';
import { enqueueMail } from '../../shared/outbox.ts';
import { decrypt } from '../../shared/pii.ts';
import { feeFor } from './fees.ts';
import { issueLetter } from './letters.ts';

/** [conv] time given to the applicant to supply a 补正 (stated in the 补正告知书). */
export const CORRECTION_RESPONSE_WORKDAYS = 15;

const NEEDS_REASONS = (o: Outcome) => o !== 'granted';

/** Records one step of a case: checks the transition, recomputes the clock, issues letters, notifies, audits. */
export async function recordCaseEvent(ctx: Ctx, trackingNumber: string, body: unknown) {
  const ev = caseEventInput.parse(body);
  const found = await findApplication(ctx.db, trackingNumber);
  if (!found) throw notFound('申请');
  const resource = { agencyId: found.agency_id, regionPath: found.region_path };
  authorize(ctx, 'case.read', resource);
  const needsApprover = TRANSITIONS[ev.type].roles.every((r) => r === 'approver');
  const settings = found.agency_settings as { requireApprovalForDecision?: boolean };
  if (needsApprover || (ev.type === 'decided' && settings.requireApprovalForDecision)) {
    if (!ctx.actor || !authorizedFor(ctx, 'case.approve', resource)) {
      throw new AppError('forbidden', `“${TRANSITIONS[ev.type].label}”须由负责人（审批人）操作`);
    }
  } else authorize(ctx, 'case.handle', resource, { visibleWith: 'case.read' });

  const today = chinaDate(ctx.now());
  if (ev.date > today) throw invalid('事件日期不能晚于今天');

  return inTransaction(ctx, async (trx, audit) => {
    const app = (await findApplication(trx, trackingNumber, { lock: true }))!;
    const events = await listEvents(trx, app.id);
    const last = events[events.length - 1]!;
    if (ev.date < last.date) throw invalid(`事件日期 ${ev.date} 早于上一事件日期 ${last.date}，请按时间顺序登记`);
    const check = checkTransition(app.state as CaseState, ev.type);
    if (!check.ok) throw new AppError('conflict', check.reason);

    const cal = await loadCalendar(trx, app.region_code);
    const before = caseClockWith(cal, app, events);
    const extra: Record<string, unknown> = {};
    await preconditions(ev, app, before, cal, extra, trx);

    const { type, date, ...payload } = ev;
    const data = { ...payload, ...extra };
    const seq = last.seq + 1;
    const next = [...events, { type, date, data }];
    let clock: ReturnType<typeof caseClockWith>;
    try {
      clock = caseClockWith(cal, app, next);
    } catch (err) {
      if (err instanceof ClockInputError) throw new AppError('conflict', err.message);
      throw err;
    }
    await trx
      .insertInto('application_events')
      .values({
        application_id: app.id,
        seq,
        type,
        date,
        data: JSON.stringify(data),
        actor_id: ctx.actor?.userId || null,
        actor_name: ctx.actor?.username ?? null,
      })
      .execute();

    const outcome: Outcome | undefined = ev.type === 'decided' ? (ev.outcome as Outcome) : check.outcome;
    const closes = check.to === 'closed';
    await trx
      .updateTable('applications')
      .set({
        state: check.to,
        reply_due: check.to === 'closed' ? app.reply_due : clock.replyDue,
        version: app.version + 1,
        updated_at: ctx.now(),
        ...(outcome && { outcome }),
        ...(ev.type === 'decided' && {
          outcome_basis: ev.basis || OUTCOME_INFO[ev.outcome as Outcome].basis,
          outcome_reasons: ev.reasons ?? null,
          decided_date: date,
        }),
        ...(closes && { closed_date: date }),
        ...(closes && !app.decided_date && outcome && { decided_date: date }),
        ...(ev.type === 'reopened' && {
          outcome: null,
          outcome_basis: null,
          outcome_reasons: null,
          decided_date: null,
          closed_date: null,
        }),
        ...(ev.type === 'extension_requested' && { extension_pending: true }),
        ...(ev.type === 'extension_approved' && { extension_pending: false }),
      })
      .where('id', '=', app.id)
      .execute();

    if (ev.type === 'fee_notice_sent') {
      await trx
        .insertInto('fees')
        .values({
          application_id: app.id,
          agency_id: app.agency_id,
          mode: ev.mode,
          pages: ev.pages ?? null,
          nth_in_month: (extra.nthInMonth as number | undefined) ?? null,
          amount: extra.amount as number,
          notice_date: date,
        })
        .onConflict((oc) =>
          oc
            .column('application_id')
            .doUpdateSet({ mode: ev.mode, amount: extra.amount as number, notice_date: date, paid_date: null }),
        )
        .execute();
    }
    if (ev.type === 'fee_paid')
      await trx.updateTable('fees').set({ paid_date: date }).where('application_id', '=', app.id).execute();

    const letterId = await letterFor(trx, ctx, app, ev, seq, clock, extra);
    await notifyApplicant(trx, ctx, app, ev.type, date, clock.replyDue);
    await audit({
      agencyId: app.agency_id,
      action: `case.${type}`,
      entityType: 'application',
      entityId: app.tracking_number,
      before: { state: app.state, replyDue: app.reply_due },
      after: { state: check.to, replyDue: clock.replyDue, ...data },
    });
    return {
      seq,
      state: check.to,
      stateLabel: STATE_LABELS[check.to],
      replyDue: clock.replyDue,
      letterId,
      outcome: outcome ?? null,
    };
  });
}

function authorizedFor(ctx: Ctx, action: 'case.approve', resource: { agencyId: string; regionPath: string }) {
  try {
    authorize(ctx, action, resource);
    return true;
  } catch {
    return false;
  }
}

async function preconditions(
  ev: CaseEventInput,
  app: ApplicationRow,
  clock: ReturnType<typeof caseClockWith>,
  cal: Awaited<ReturnType<typeof loadCalendar>>,
  extra: Record<string, unknown>,
  trx: Parameters<typeof feeFor>[0],
) {
  switch (ev.type) {
    case 'correction_expired': {
      const requested = clock.correctionRequested!;
      const limit = addWorkdays(cal, requested, CORRECTION_RESPONSE_WORKDAYS).date;
      if (ev.date <= limit) throw new AppError('conflict', `补正期限 ${limit} 尚未届满，不能视为放弃申请`);
      break;
    }
    case 'fee_expired': {
      if (clock.feePaymentDue && ev.date <= clock.feePaymentDue) {
        throw new AppError('conflict', `缴费期限 ${clock.feePaymentDue} 尚未届满，不能视为放弃申请`);
      }
      break;
    }
    case 'fee_notice_sent': {
      if (ev.date < '2021-01-01') throw invalid('信息处理费自2021年1月1日起依国办函〔2020〕109号收取');
      const fee = await feeFor(trx, app, ev);
      if (ev.amount !== undefined && Math.abs(ev.amount - fee.amount) > 0.005) {
        throw invalid(`收费金额应为 ${fee.amount} 元（${fee.text}），与填写的 ${ev.amount} 元不符`);
      }
      if (fee.amount === 0) throw invalid(`按标准无需收费（${fee.text}），不应发出收费通知`);
      Object.assign(extra, { amount: fee.amount, nthInMonth: fee.nthInMonth, feeText: fee.text });
      break;
    }
    case 'decided': {
      if (NEEDS_REASONS(ev.outcome as Outcome) && !ev.reasons)
        throw invalid('请填写答复理由（条例第三十六条要求说明理由）');
      break;
    }
    case 'extension_approved': {
      if (clock.replyDue && ev.date > clock.replyDue) {
        throw new AppError('conflict', `答复期限 ${clock.replyDue} 已届满，不能再批准延期（第三十三条）`);
      }
      break;
    }
    default:
      break;
  }
}

async function letterFor(
  trx: Parameters<typeof issueLetter>[0],
  ctx: Ctx,
  app: ApplicationRow,
  ev: CaseEventInput,
  seq: number,
  clock: ReturnType<typeof caseClockWith>,
  extra: Record<string, unknown>,
): Promise<string | null> {
  const applicant = decrypt<{ name: string }>(ctx.secretKey, app.applicant_enc);
  const contact = app.agency_contact as { office?: string; phone?: string; address?: string };
  const base = {
    agency: app.agency_name,
    applicant: applicant.name,
    trackingNumber: app.tracking_number,
    receivedDate: dateZh(app.received_date),
    description: app.description,
    replyDue: clock.replyDue ? dateZh(clock.replyDue) : '',
    office: contact.office ?? `${app.agency_name}政府信息公开工作机构`,
    phone: contact.phone ?? '',
    address: contact.address ?? '',
  };
  const issue = (kind: string, vars: Record<string, string>) =>
    issueLetter(trx, {
      applicationId: app.id,
      agencyId: app.agency_id,
      kind,
      date: ev.date,
      eventSeq: seq,
      vars: { ...base, ...vars },
    });
  switch (ev.type) {
    case 'correction_requested':
      return issue('correction', { details: ev.items });
    case 'extension_approved':
      return issue('extension', { extensionDays: String(ev.workdays), reasons: ev.reason ? `${ev.reason}。` : '' });
    case 'consultation_started':
      if (ev.party !== 'third_party') return null;
      return issue('third_party', {
        details: ev.partyName,
        thirdPartyDue: dateZh(clock.consultations.at(-1)!.answerDue),
      });
    case 'fee_notice_sent':
      return issue('fee', {
        fee: String(extra.amount),
        feeDue: clock.feePaymentDue ? dateZh(clock.feePaymentDue) : '',
        details: String(extra.feeText),
      });
    case 'decided':
      return issue(`reply.${ev.outcome}`, {
        basis: ev.basis || OUTCOME_INFO[ev.outcome as Outcome].basis,
        reasons: ev.reasons ?? '',
        details: ev.details ?? '',
        appealNotice: APPEAL_NOTICE,
      });
    default:
      return null;
  }
}

const NOTIFY: Partial<Record<CaseEventType, string>> = {
  correction_requested: '需要您补正申请内容，请查看补正告知书',
  extension_approved: '答复期限已依法延长',
  fee_notice_sent: '需要缴纳信息处理费，请查看收费通知书',
  decided: '已作出答复',
  correction_expired: '因逾期未补正，申请视为放弃',
  fee_expired: '因逾期未缴费，申请视为放弃',
  withdrawn: '申请已撤回',
  closed: '申请已办结',
};

async function notifyApplicant(
  trx: Parameters<typeof issueLetter>[0],
  ctx: Ctx,
  app: ApplicationRow,
  type: CaseEventType,
  date: string,
  replyDue: string | null,
) {
  const what = NOTIFY[type];
  if (!what) return;
  const applicant = decrypt<{ name: string; email?: string }>(ctx.secretKey, app.applicant_enc);
  if (!applicant.email) return;
  await enqueueMail(trx, {
    to: applicant.email,
    subject: `【${app.agency_name}】您的政府信息公开申请 ${app.tracking_number} 有新进展`,
    body: `${applicant.name}：\n\n您的政府信息公开申请（${app.tracking_number}）于${dateZh(date)}：${what}。${replyDue && type !== 'decided' && type !== 'closed' ? `\n当前答复期限：${dateZh(replyDue)}。` : ''}\n\n请凭申请编号和查询码登录政府信息公开平台查看详情和告知书。`,
  });
}
