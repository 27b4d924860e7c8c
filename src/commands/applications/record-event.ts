import type { Transaction, Updateable } from 'kysely';
import { type ApplicationRow, caseForPolicy, findApplication, listEvents } from '../../db/repos/applications.ts';
import { loadCalendar } from '../../db/repos/calendar.ts';
import type { ApplicationsTable, DB } from '../../db/schema.ts';
import { mayRecord, type Verdict } from '../../domain/access/index.ts';
import { chinaDate, dateZh, type ISODate } from '../../domain/calendar/index.ts';
import { type CaseEventInput, caseEventInput } from '../../domain/case/event-input.ts';
import {
  CASE_EVENTS,
  type CaseState,
  countsOverdue,
  decisionBasis,
  type Effect,
  eventSpec,
  type FeeQuote,
  type LetterVars,
  STATE_LABELS,
} from '../../domain/case/index.ts';
import { ClockInputError, type ClockResult } from '../../domain/clock/index.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { CASE_REVIEW_EVENTS } from '../../domain/review/history.ts';
import { caseClockWith } from '../../shared/case-clock.ts';
import { type Ctx, inTransaction } from '../../shared/context.ts';
import { checkKey, once } from '../../shared/idempotency.ts';
import { enqueueMail } from '../../shared/outbox.ts';
import { decrypt } from '../../shared/pii.ts';
import { recordReview } from '../../shared/review-history.ts';
import { feeFor } from './fees.ts';
import { issueLetter } from './letters.ts';

/**
 * Records one step of a case by its row of the event table (domain/case/events.ts): loads the case under lock,
 * asks the policy (`mayRecord`), checks the preconditions, recomputes the clock, persists the event, its state
 * and its effect, issues its letter and notice, and audits — all in one transaction.
 */
export async function recordCaseEvent(ctx: Ctx, trackingNumber: string, body: unknown, idempotencyKey?: string) {
  const ev = caseEventInput.parse(body);
  if (!ctx.actor) throw new AppError('unauthenticated', '请先登录');
  const actor = ctx.actor;
  const spec = eventSpec(ev.type);
  const today = chinaDate(ctx.now());
  const key = checkKey(idempotencyKey);
  const scope = { scope: `case_event:${actor.userId || actor.username}`, key, request: { trackingNumber, ev } };

  return inTransaction(ctx, (trx, audit) => once(trx, ctx.secretKey, scope, () => record(trx, audit)));
  async function record(trx: Transaction<DB>, audit: Parameters<Parameters<typeof inTransaction>[1]>[1]) {
    // Under the row lock, of two steps recorded at once the second sees the first one's state.
    const app = await findApplication(trx, trackingNumber, { lock: true });
    if (!app) throw notFound('申请');
    const events = await listEvents(trx, app.id);
    const cal = await loadCalendar(trx, app.region_code);
    const before = caseClockWith(cal, app, events);
    refuseUnless(mayRecord(actor, caseForPolicy(app, before, events), ev.type));

    if (ev.date > today) throw invalid('事件日期不能晚于今天');
    const last = events[events.length - 1]!;
    if (ev.date < last.date) throw invalid(`事件日期 ${ev.date} 早于上一事件日期 ${last.date}，请按时间顺序登记`);
    const fee = spec.lookup === 'fee' ? await feeQuote(trx, app, ev) : undefined;
    const extra = spec.precondition?.(ev, { clock: before, cal, fee }) ?? {};

    const { type, date, ...payload } = ev;
    const data = { ...payload, ...extra };
    const seq = last.seq + 1;
    let clock: ClockResult;
    try {
      clock = caseClockWith(cal, app, [...events, { type, date, data }]);
    } catch (err) {
      if (err instanceof ClockInputError) throw new AppError('conflict', err.message);
      throw err;
    }
    await trx
      .insertInto('application_events')
      .values({
        agency_id: app.agency_id,
        application_id: app.id,
        seq,
        type,
        date,
        data: JSON.stringify(data),
        actor_id: actor.userId || null,
        actor_name: actor.username,
      })
      .execute();

    const to = spec.to ?? (app.state as CaseState);
    const outcome = spec.outcome?.(ev);
    const closes = to === 'closed';
    await trx
      .updateTable('applications')
      .set({
        state: to,
        reply_due: closes ? app.reply_due : clock.replyDue,
        version: app.version + 1,
        updated_at: ctx.now(),
        ...(outcome && { outcome }),
        ...(closes && { closed_date: date }),
        // A case ended without a reply (abandoned, withdrawn) ends on this day (the report's 办结).
        ...(closes && !app.decided_date && outcome && { decided_date: date }),
        ...(await applyEffect(trx, spec.effect, app, ev, fee)),
      })
      .where('id', '=', app.id)
      .execute();

    const letter = spec.letter?.(ev, { clock, extra, events });
    const issued = letter
      ? await issueLetter(trx, {
          applicationId: app.id,
          agencyId: app.agency_id,
          kind: letter.kind,
          date,
          eventSeq: seq,
          vars: { ...caseLetterVars(ctx, app, clock), ...letter.vars },
        })
      : null;
    if (spec.notice) await notifyApplicant(trx, ctx, app, spec.notice, date, countsOverdue(to) ? clock.replyDue : null);
    await audit({
      agencyId: app.agency_id,
      action: `case.${type}`,
      entityType: 'application',
      entityId: app.tracking_number,
      before: { state: app.state, replyDue: app.reply_due },
      after: { state: to, replyDue: clock.replyDue, ...data, ...(issued && { docNumber: issued.docNumber }) },
    });
    // 条例第三十三条第一款: the extension asked for and the head's consent or refusal, with their words.
    const decision = CASE_REVIEW_EVENTS[type];
    if (decision)
      await recordReview(trx, ctx, {
        agencyId: app.agency_id,
        subject: 'case',
        subjectId: app.tracking_number,
        step: type,
        decision,
        comment: typeof (data as { reason?: unknown }).reason === 'string' ? (data as { reason: string }).reason : null,
      });
    return {
      seq,
      state: to,
      stateLabel: STATE_LABELS[to],
      replyDue: clock.replyDue,
      letterId: issued?.id ?? null,
      docNumber: issued?.docNumber ?? null,
      outcome: outcome ?? null,
    };
  }
}

function refuseUnless(v: Verdict): void {
  if (v.ok) return;
  switch (v.refusal) {
    case 'not_found':
      throw notFound('申请');
    case 'forbidden':
      throw new AppError('forbidden', v.reason);
    case 'conflict':
      throw new AppError('conflict', v.reason);
    default: {
      const never: never = v.refusal;
      throw new Error(`unknown refusal ${never}`);
    }
  }
}

/** The lookup the fee notice's precondition needs: the fee by the standard of 国办函〔2020〕109号. */
function feeQuote(trx: Transaction<DB>, app: ApplicationRow, ev: CaseEventInput): Promise<FeeQuote> {
  return feeFor(trx, app, CASE_EVENTS.fee_notice_sent.input.parse(ev));
}

type Columns = Updateable<ApplicationsTable>;

/** What an event persists besides itself and the state: the columns it sets, and the fee it records. */
async function applyEffect(
  trx: Transaction<DB>,
  effect: Effect | undefined,
  app: ApplicationRow,
  ev: CaseEventInput,
  fee: FeeQuote | undefined,
): Promise<Columns> {
  switch (effect) {
    case undefined:
      return {};
    case 'decision': {
      const d = CASE_EVENTS.decided.input.parse(ev);
      return {
        outcome_basis: decisionBasis(d),
        outcome_reasons: d.reasons ?? null,
        decided_date: d.date,
      };
    }
    case 'reopen':
      return { outcome: null, outcome_basis: null, outcome_reasons: null, decided_date: null, closed_date: null };
    case 'extension_requested':
      return { extension_pending: true };
    case 'extension_settled':
    case 'extension_refused':
      // 条例第三十三条第一款: the head has decided; the period stays as it was when refused.
      return { extension_pending: false };
    case 'fee_notice': {
      const n = CASE_EVENTS.fee_notice_sent.input.parse(ev);
      const f = fee!;
      await trx
        .insertInto('fees')
        .values({
          application_id: app.id,
          agency_id: app.agency_id,
          mode: n.mode,
          pages: n.pages ?? null,
          nth_in_month: f.nthInMonth,
          amount: f.amount,
          notice_date: n.date,
        })
        .onConflict((oc) =>
          oc
            .columns(['agency_id', 'application_id'])
            .doUpdateSet({ mode: n.mode, amount: f.amount, notice_date: n.date, paid_date: null }),
        )
        .execute();
      return {};
    }
    case 'fee_paid':
      await trx.updateTable('fees').set({ paid_date: ev.date }).where('application_id', '=', app.id).execute();
      return {};
    default: {
      const never: never = effect;
      throw new Error(`unknown effect ${never}`);
    }
  }
}

/** The variables every letter of the case has; the event's row adds its own. */
function caseLetterVars(ctx: Ctx, app: ApplicationRow, clock: ClockResult): LetterVars {
  const applicant = decrypt<{ name: string }>(ctx.secretKey, app.applicant_enc);
  const contact = app.agency_contact as { office?: string; phone?: string; address?: string };
  return {
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
}

async function notifyApplicant(
  trx: Transaction<DB>,
  ctx: Ctx,
  app: ApplicationRow,
  what: string,
  date: ISODate,
  replyDue: ISODate | null,
) {
  const applicant = decrypt<{ name: string; email?: string }>(ctx.secretKey, app.applicant_enc);
  if (!applicant.email) return;
  await enqueueMail(trx, {
    to: applicant.email,
    subject: `【${app.agency_name}】您的政府信息公开申请 ${app.tracking_number} 有新进展`,
    body: `${applicant.name}：\n\n您的政府信息公开申请（${app.tracking_number}）于${dateZh(date)}：${what}。${replyDue ? `\n当前答复期限：${dateZh(replyDue)}。` : ''}\n\n请凭申请编号和查询码登录政府信息公开平台查看详情和告知书。`,
  });
}
