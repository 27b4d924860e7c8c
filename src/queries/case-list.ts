import { sql } from 'kysely';
import { calendarLoader } from '../db/repos/calendar.ts';
import { chinaDate } from '../domain/calendar/index.ts';
import {
  AWAITING_APPLICANT_STATES,
  type CaseFlag,
  type CaseState,
  COUNTS_OVERDUE_STATES,
  OPEN_STATES,
  replyDeadline,
  STATE_LABELS,
} from '../domain/case/index.ts';
import { invalid } from '../domain/errors.ts';
import type { CaseListQuery } from '../domain/lists/case-list.ts';
import { dueSoonCutoff } from '../domain/lists/cutoffs.ts';
import { offsetOf, pastEnd, tooDeep } from '../domain/lists/paging.ts';
import type { Ctx } from '../shared/context.ts';
import { nameQueryTokens } from '../shared/name-index.ts';
import { agenciesInScope, byRegion, cappedCount, inAgencies, type ListPage } from './list-scope.ts';

/**
 * A tracking number, whole or its beginning (GK2026-0001…); or its serial alone (000123, 123, 1000000): the
 * serial grows past six digits (domain/case/tracking-number.ts).
 */
const TRACKING_PREFIX = /^gk\d{0,4}(-\d{0,12})?$/i;
const SERIAL = /^\d{1,12}$/;

/**
 * The staff's case list (依申请公开), scoped by the policy: one page and its total; search by tracking number
 * or the applicant's name (keyed hashes of its bigrams: the name is never stored or compared in clear); the
 * filters, the report's drill-down and the queues — by the named state sets of domain/case/state-sets.ts — in
 * SQL, so that totals are true.
 */
export async function caseList(ctx: Ctx, f: CaseListQuery) {
  const agencies = await agenciesInScope(ctx, 'case.read', f.agencyId);
  const paging = { page: f.page, pageSize: f.pageSize };
  const empty = { items: [], total: 0, exact: true, ...paging };
  if (!agencies.length) return empty;
  const today = chinaDate(ctx.now());
  const cal = await calendarLoader(ctx.db);

  let base = ctx.db.selectFrom('applications as a').where(inAgencies('a.agency_id', agencies));
  if (f.state) base = base.where('a.state', '=', f.state);
  if (f.channel) base = base.where('a.channel', '=', f.channel);
  if (f.outcome) base = base.where('a.outcome', '=', f.outcome);
  if (f.applicantType) base = base.where('a.applicant_type', '=', f.applicantType);
  if (f.year)
    base = base.where('a.received_date', '>=', `${f.year}-01-01`).where('a.received_date', '<=', `${f.year}-12-31`);
  if (f.decidedYear)
    base = base
      .where('a.decided_date', '>=', `${f.decidedYear}-01-01`)
      .where('a.decided_date', '<=', `${f.decidedYear}-12-31`);
  if (f.docNumber) {
    const docNumber = f.docNumber;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('letters as l')
          .select('l.id')
          .whereRef('l.application_id', '=', 'a.id')
          .where('l.doc_number', '=', docNumber),
      ),
    );
  }
  if (f.queue === 'waiting') base = base.where('a.state', 'in', AWAITING_APPLICANT_STATES);
  else if (f.queue === 'open') base = base.where('a.state', 'in', OPEN_STATES);
  else if (f.queue === 'overdue')
    // isOverdue (state-sets.ts), as SQL: a reply owed, its clock running, due before today (条例第三十三条);
    // a pending extension is not overdue (the deadline status extension_pending): the head is deciding.
    base = base
      .where('a.state', 'in', COUNTS_OVERDUE_STATES)
      .where('a.extension_pending', '=', false)
      .where('a.reply_due', '<', today);
  else if (f.queue === 'due_soon') {
    // Due today or within DUE_SOON_WORKDAYS working days: a date range per region's calendar.
    const parts = [];
    for (const [region, ids] of byRegion(agencies)) {
      const cutoff = dueSoonCutoff(await cal(region), today);
      parts.push(sql`(a.agency_id = any(${ids}::uuid[]) and a.reply_due <= ${cutoff}::date)`);
    }
    base = base
      .where('a.state', 'in', COUNTS_OVERDUE_STATES)
      .where('a.extension_pending', '=', false)
      .where('a.reply_due', '>=', today)
      .where(sql<boolean>`(${sql.join(parts, sql` or `)})`);
  }
  if (f.q) {
    const q = f.q.replace(/\s+/g, '');
    if (TRACKING_PREFIX.test(q)) base = base.where('a.tracking_number', 'like', `${q.toUpperCase()}%`);
    else if (SERIAL.test(q))
      base = base.where(
        sql<boolean>`split_part(a.tracking_number, '-', 2) = ${q.replace(/^0+(?=\d)/, '').padStart(6, '0')}`,
      );
    else {
      const tokens = nameQueryTokens(ctx.secretKey, f.q);
      if (!tokens.length) return empty;
      base = base.where(sql<boolean>`a.applicant_name_tokens @> ${tokens}::text[]`);
    }
  }

  const { total, exact } = await cappedCount(ctx.db, base.select(sql`1`.as('one')));
  // Past the last row: an empty page with the real total. Deeper than OFFSET paging goes: narrow the search.
  if (total === 0 || pastEnd(paging, total)) return { ...empty, total, exact };
  if (tooDeep(paging)) throw invalid('页码过大：请用搜索或筛选缩小范围', { field: 'page' });

  let page = base
    .innerJoin('agencies as g', 'g.id', 'a.agency_id')
    .select([
      'a.tracking_number',
      'a.agency_id',
      'g.name as agency_name',
      'g.region_code',
      'a.received_date',
      'a.applicant_type',
      'a.applicant_masked',
      'a.description',
      'a.state',
      'a.outcome',
      'a.reply_due',
      'a.flags',
      'a.extension_pending',
    ]);
  // Every order ends on the tracking number: a total order (keyset-friendly), the same rows on the same page.
  if (f.sort === 'due') page = page.orderBy(sql`a.reply_due asc nulls last`).orderBy('a.tracking_number', 'asc');
  else if (f.sort === 'oldest') page = page.orderBy('a.received_date', 'asc').orderBy('a.tracking_number', 'asc');
  else page = page.orderBy('a.received_date', 'desc').orderBy('a.tracking_number', 'desc');
  const rows = await page.limit(f.pageSize).offset(offsetOf(paging)).execute();

  const items = [];
  for (const r of rows) {
    const state = r.state as CaseState;
    items.push({
      trackingNumber: r.tracking_number,
      agency: { id: r.agency_id, name: r.agency_name },
      receivedDate: r.received_date,
      applicantType: r.applicant_type,
      applicantName: (r.applicant_masked as { name?: string }).name ?? '',
      description: r.description.length > 60 ? `${r.description.slice(0, 60)}…` : r.description,
      state,
      stateLabel: STATE_LABELS[state],
      outcome: r.outcome,
      replyDue: r.reply_due,
      deadline: replyDeadline(await cal(r.region_code), state, r.reply_due, today, r.extension_pending),
      flags: r.flags as CaseFlag[],
      extensionPending: r.extension_pending,
    });
  }
  const out: ListPage<(typeof items)[number]> = { items, total, exact, ...paging };
  return out;
}
