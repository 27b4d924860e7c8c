import { sql } from 'kysely';
import { agencyResource, scopeSql } from '../db/repos/agencies.ts';
import { caseForPolicy, findApplication, listEvents } from '../db/repos/applications.ts';
import { calendarLoader } from '../db/repos/calendar.ts';
import { findItem } from '../db/repos/catalogue.ts';
import { type Action, mayRecord, scopeFor } from '../domain/access/index.ts';
import { chinaDate } from '../domain/calendar/index.ts';
import { type CaseState, replyDeadline, STATE_LABELS } from '../domain/case/index.ts';
import { AppError, notFound } from '../domain/errors.ts';
import type { ReviewSubject } from '../domain/review/history.ts';
import { caseClockWith } from '../shared/case-clock.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { present, reviewHistory } from '../shared/review-history.ts';

/** The review history of a catalogue item (条例第十七条 保密审查 and approval), for those who may read it. */
export async function itemReviews(ctx: Ctx, id: string) {
  const item = await findItem(ctx.db, id);
  if (!item) throw notFound('信息');
  authorize(ctx, 'catalogue.read', { agencyId: item.agency_id, regionPath: item.region_path });
  return { items: await reviewHistory(ctx.db, 'catalogue_item', id) };
}

/** The review history of an agency's annual report of a year (条例第四十九条). */
export async function reportReviews(ctx: Ctx, agencyId: string, year: number) {
  const res = await agencyResource(ctx.db, agencyId);
  if (!res) throw notFound('机关');
  authorize(ctx, 'report.read', res);
  return { items: await reviewHistory(ctx.db, 'annual_report', `${agencyId}/${year}`) };
}

/** The review history of a case: its extension asked for, consented to or refused (条例第三十三条第一款). */
export async function caseReviews(ctx: Ctx, trackingNumber: string) {
  const app = await findApplication(ctx.db, trackingNumber);
  if (!app) throw notFound('申请');
  authorize(ctx, 'case.read', { agencyId: app.agency_id, regionPath: app.region_path });
  return { items: await reviewHistory(ctx.db, 'case', trackingNumber) };
}

const LIMIT = 100;

/** The latest 退回 of each subject, with who, when and why. */
async function latestReturns(ctx: Ctx, subject: ReviewSubject, ids: string[]) {
  if (!ids.length) return new Map<string, ReturnType<typeof present>>();
  const rows = await ctx.db
    .selectFrom('review_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select(['h.id', 'h.at', 'h.step', 'h.decision', 'h.comment', 'h.actor_name', 'u.display_name', 'h.subject_id'])
    .where('h.subject_kind', '=', subject)
    .where('h.subject_id', 'in', ids)
    .where('h.decision', '=', 'returned')
    .orderBy('h.seq', 'desc')
    .execute();
  const out = new Map<string, ReturnType<typeof present>>();
  for (const r of rows) if (!out.has(r.subject_id)) out.set(r.subject_id, present(r));
  return out;
}

/**
 * 工作台 of the review loops: what was returned to the actor's agencies (items and reports, with who, when and
 * why), the extensions awaiting the head (条例第三十三条第一款) and the replies the head decides where the agency
 * requires it — each with the steps the actor may take now (`mayRecord`, the command's own verdict).
 */
export async function workbench(ctx: Ctx) {
  if (!ctx.actor) throw new AppError('unauthenticated', '请先登录');
  const scoped = (action: Action) => scopeSql(scopeFor(ctx.actor, action), 'g.id', 'r.path');
  const today = chinaDate(ctx.now());

  const items = await ctx.db
    .selectFrom('catalogue_items as i')
    .innerJoin('agencies as g', 'g.id', 'i.agency_id')
    .innerJoin('regions as r', 'r.code', 'g.region_code')
    .select(['i.id', 'i.title', 'g.name as agency_name'])
    .where('i.state', '=', 'draft')
    .where(scoped('catalogue.edit'))
    .where(
      sql<boolean>`exists (select 1 from review_history h where h.subject_kind = 'catalogue_item'
        and h.subject_id = i.id::text and h.decision = 'returned')`,
    )
    .orderBy('i.updated_at', 'desc')
    .limit(LIMIT)
    .execute();
  const reports = await ctx.db
    .selectFrom('annual_reports as a')
    .innerJoin('agencies as g', 'g.id', 'a.agency_id')
    .innerJoin('regions as r', 'r.code', 'g.region_code')
    .select(['a.agency_id', 'a.year', 'g.name as agency_name'])
    .where('a.status', '=', 'returned')
    .where(scoped('report.edit'))
    .orderBy('a.updated_at', 'desc')
    .limit(LIMIT)
    .execute();
  const itemReturns = await latestReturns(
    ctx,
    'catalogue_item',
    items.map((i) => i.id),
  );
  const reportReturns = await latestReturns(
    ctx,
    'annual_report',
    reports.map((r) => `${r.agency_id}/${r.year}`),
  );
  const returned = [
    ...items.flatMap((i) => {
      const h = itemReturns.get(i.id);
      // A draft once returned is back with its author because of its latest 退回 (only a return leads to draft).
      return h ? [{ kind: 'catalogue_item' as const, id: i.id, title: i.title, agency: i.agency_name, ...who(h) }] : [];
    }),
    ...reports.flatMap((r) => {
      const id = `${r.agency_id}/${r.year}`;
      const h = reportReturns.get(id);
      return h
        ? [
            {
              kind: 'annual_report' as const,
              id,
              title: `${r.agency_name}${r.year}年政府信息公开工作年度报告`,
              agency: r.agency_name,
              ...who(h),
            },
          ]
        : [];
    }),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());

  const { extensions, decisions } = await casesForHead(ctx, scoped('case.read'), today);
  return { returned, extensions, decisions };
}

const who = (h: ReturnType<typeof present>) => ({ by: h.by, at: h.at, comment: h.comment ?? '' });

/** The extensions awaiting the head and the replies awaiting the head's decision, with what the actor may do. */
async function casesForHead(ctx: Ctx, scope: ReturnType<typeof scopeSql>, today: string) {
  const rows = await ctx.db
    .selectFrom('applications as a')
    .innerJoin('agencies as g', 'g.id', 'a.agency_id')
    .innerJoin('regions as r', 'r.code', 'g.region_code')
    .select('a.tracking_number')
    .where(scope)
    .where('a.state', 'in', ['registered', 'in_progress', 'awaiting_payment'] satisfies CaseState[])
    .where((eb) =>
      eb.or([
        eb('a.extension_pending', '=', true),
        eb(sql<boolean>`coalesce((g.settings->>'requireApprovalForDecision')::boolean, false)`, '=', true),
      ]),
    )
    .orderBy(sql`a.reply_due nulls last`)
    .orderBy('a.tracking_number')
    .limit(LIMIT)
    .execute();
  const calendars = await calendarLoader(ctx.db);
  const extensions = [];
  const decisions = [];
  for (const { tracking_number } of rows) {
    const app = (await findApplication(ctx.db, tracking_number))!;
    const events = await listEvents(ctx.db, app.id);
    const cal = await calendars(app.region_code);
    const clock = caseClockWith(cal, app, events);
    const c = caseForPolicy(app, clock, events);
    const state = app.state as CaseState;
    const base = {
      trackingNumber: app.tracking_number,
      agency: app.agency_name,
      description: app.description.length > 60 ? `${app.description.slice(0, 60)}…` : app.description,
      stateLabel: STATE_LABELS[state],
      replyDue: clock.replyDue,
      deadline: replyDeadline(cal, state, clock.replyDue, today, app.extension_pending),
    };
    if (app.extension_pending) {
      const asked = [...events].reverse().find((e) => e.type === 'extension_requested');
      // 条例第三十三条第一款: consent is given within the reply period (the event's precondition says the same).
      const inTime = !clock.replyDue || today <= clock.replyDue;
      extensions.push({
        ...base,
        requestedDate: asked?.date ?? app.received_date,
        requestedBy: asked ? await displayName(ctx, asked.actor_id, asked.actor_name) : '',
        reason: typeof asked?.data.reason === 'string' ? asked.data.reason : '',
        mayApprove: inTime && mayRecord(ctx.actor, c, 'extension_approved').ok,
        mayRefuse: mayRecord(ctx.actor, c, 'extension_refused').ok,
      });
    }
    if (c.rules.approvalRequiredForDecision && mayRecord(ctx.actor, c, 'decided').ok) decisions.push(base);
  }
  return { extensions, decisions };
}

async function displayName(ctx: Ctx, id: string | null, fallback: string | null) {
  if (!id) return fallback ?? '';
  const u = await ctx.db.selectFrom('users').select('display_name').where('id', '=', id).executeTakeFirst();
  return u?.display_name ?? fallback ?? '';
}
