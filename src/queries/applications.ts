import { caseForPolicy, findApplication, listEvents } from '../db/repos/applications.ts';
import { loadCalendar } from '../db/repos/calendar.ts';
import { offeredEvents } from '../domain/access/index.ts';
import { chinaDate } from '../domain/calendar/index.ts';
import {
  APPLICANT_TYPE_LABELS,
  type CaseFlag,
  type CaseState,
  eventLabel,
  FORM_LABELS,
  letterKindLabel,
  OUTCOME_INFO,
  type Outcome,
  replyDeadline,
  STATE_LABELS,
} from '../domain/case/index.ts';
import { isTrackingNumber } from '../domain/case/tracking-number.ts';
import { channelLabels } from '../domain/clock/index.ts';
import { AppError, notFound } from '../domain/errors.ts';
import { caseClockWith } from '../shared/case-clock.ts';
import { authorize, type Ctx, inTransaction } from '../shared/context.ts';
import { decrypt } from '../shared/pii.ts';
import { queryCodeHash } from '../shared/tracking.ts';

/** Staff view of one case. Personal data masked unless `reveal` (then the view itself is audited). */
export async function caseForStaff(ctx: Ctx, trackingNumber: string, opts: { reveal?: boolean } = {}) {
  const app = await findApplication(ctx.db, trackingNumber);
  if (!app) throw notFound('申请');
  const resource = { agencyId: app.agency_id, regionPath: app.region_path };
  authorize(ctx, 'case.read', resource);
  let applicant: Record<string, unknown> = { ...(app.applicant_masked as object), masked: true };
  if (opts.reveal) {
    authorize(ctx, 'case.view_personal', resource, { visibleWith: 'case.read' });
    applicant = { ...decrypt<Record<string, unknown>>(ctx.secretKey, app.applicant_enc), masked: false };
    // 个人信息保护法: every full view of an applicant's personal data is recorded.
    await inTransaction(ctx, (_trx, audit) =>
      audit({
        agencyId: app.agency_id,
        action: 'case.personal_viewed',
        entityType: 'application',
        entityId: app.tracking_number,
      }),
    );
  }
  const [events, letters, appeals, fee] = await Promise.all([
    listEvents(ctx.db, app.id),
    ctx.db
      .selectFrom('letters')
      .select(['id', 'kind', 'title', 'issued_date', 'event_seq', 'doc_number'])
      .where('application_id', '=', app.id)
      .orderBy('created_at')
      .execute(),
    ctx.db.selectFrom('appeals').selectAll().where('application_id', '=', app.id).orderBy('filed_date').execute(),
    ctx.db.selectFrom('fees').selectAll().where('application_id', '=', app.id).executeTakeFirst(),
  ]);
  const cal = await loadCalendar(ctx.db, app.region_code);
  const clock = caseClockWith(cal, app, events);
  // The timeline names people by their display name (the login name of an account since removed).
  const actorIds = [...new Set(events.map((e) => e.actor_id).filter((id): id is string => !!id))];
  const names = new Map(
    actorIds.length
      ? (await ctx.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', actorIds).execute()).map(
          (u) => [u.id, u.display_name],
        )
      : [],
  );
  const state = app.state as CaseState;
  const today = chinaDate(ctx.now());
  return {
    trackingNumber: app.tracking_number,
    agency: { id: app.agency_id, name: app.agency_name },
    channel: app.channel,
    channelLabel: channelLabels[app.channel],
    receivedDate: app.received_date,
    receiptBasis: app.receipt_basis,
    applicantType: app.applicant_type,
    applicantTypeLabel: APPLICANT_TYPE_LABELS[app.applicant_type],
    applicant,
    description: app.description,
    form: app.form,
    formLabel: FORM_LABELS[app.form],
    delivery: app.delivery,
    state,
    stateLabel: STATE_LABELS[state],
    outcome: app.outcome,
    outcomeLabel: app.outcome ? OUTCOME_INFO[app.outcome as Outcome].label : null,
    outcomeBasis: app.outcome_basis,
    outcomeReasons: app.outcome_reasons,
    decidedDate: app.decided_date,
    closedDate: app.closed_date,
    flags: app.flags as CaseFlag[],
    extensionPending: app.extension_pending,
    clock: {
      ...clock,
      status: replyDeadline(cal, state, clock.replyDue, today, app.extension_pending),
    },
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      label: eventLabel(e.type).zh,
      date: e.date,
      data: e.data,
      actor: (e.actor_id && names.get(e.actor_id)) || e.actor_name,
      at: e.created_at,
    })),
    // The same verdict the command gives (mayRecord): what is offered here may be recorded.
    allowedEvents: offeredEvents(ctx.actor, caseForPolicy(app, clock, events)),
    letters: letters.map((l) => ({
      id: l.id,
      kind: l.kind,
      kindLabel: letterKindLabel(l.kind),
      title: l.title,
      issuedDate: l.issued_date,
      docNumber: l.doc_number,
    })),
    appeals: appeals.map((a) => ({
      id: a.id,
      kind: a.kind,
      filedDate: a.filed_date,
      result: a.result,
      resultDate: a.result_date,
      note: a.note,
    })),
    fee: fee
      ? {
          mode: fee.mode,
          pages: fee.pages,
          nthInMonth: fee.nth_in_month,
          amount: Number(fee.amount),
          noticeDate: fee.notice_date,
          paidDate: fee.paid_date,
        }
      : null,
  };
}

/** The applicant's view by tracking number and query code: status and due date, nothing about anyone else. */
export async function trackApplication(ctx: Pick<Ctx, 'db' | 'now' | 'secretKey'>, number: string, code: string) {
  const fail = () => new AppError('not_found', '申请编号或查询码不正确');
  if (!isTrackingNumber(number) || !/^[A-Z0-9]{8}$/i.test(code)) throw fail();
  const app = await findApplication(ctx.db, number);
  if (!app || app.query_code_hash !== queryCodeHash(ctx.secretKey, number, code)) throw fail();
  const state = app.state as CaseState;
  const letters = await ctx.db
    .selectFrom('letters')
    .select(['id', 'kind', 'title', 'issued_date', 'doc_number'])
    .where('application_id', '=', app.id)
    .orderBy('created_at')
    .execute();
  return {
    trackingNumber: app.tracking_number,
    agency: app.agency_name,
    status: state,
    statusLabel: STATE_LABELS[state],
    receivedDate: app.received_date,
    replyDue: state === 'closed' ? null : app.reply_due,
    outcome: app.outcome,
    outcomeLabel: app.outcome ? OUTCOME_INFO[app.outcome as Outcome].label : null,
    closedDate: app.closed_date,
    letters: letters.map((l) => ({
      id: l.id,
      kind: l.kind,
      kindLabel: letterKindLabel(l.kind),
      title: l.title,
      issuedDate: l.issued_date,
      docNumber: l.doc_number,
    })),
  };
}
