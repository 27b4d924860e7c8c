import { sql } from 'kysely';
import { chinaDate } from '../domain/calendar/index.ts';
import { COUNTS_OVERDUE_STATES, OPEN_STATES, OUTCOME_INFO, type Outcome } from '../domain/case/index.ts';
import type { Ctx } from '../shared/context.ts';
import { supervisedRegion } from '../shared/region-scope.ts';

/**
 * The supervisor's dashboard numbers for a region and year: per agency open and overdue cases (as of today),
 * the year's decisions by outcome and the applications received by month.
 */
export async function regionStats(ctx: Ctx, regionCode: string, year: number) {
  const { region, agencies } = await supervisedRegion(ctx, regionCode, 'supervision.read');
  const ids = agencies.map((a) => a.id);
  const today = chinaDate(ctx.now());
  if (!ids.length)
    return {
      region: { code: region.code, name: region.name },
      year,
      agencies: [],
      byOutcome: [],
      byMonth: Array(12).fill(0),
    };
  const open = await ctx.db
    .selectFrom('applications')
    .select([
      'agency_id',
      sql<number>`count(*) filter (where state in (${sql.join(OPEN_STATES)}))::int`.as('open'),
      // Overdue as the domain defines it (isOverdue, a pending extension not overdue): the staff queue and the
      // daily reminder count the same.
      sql<number>`count(*) filter (where state in (${sql.join(COUNTS_OVERDUE_STATES)}) and not extension_pending and reply_due < ${today})::int`.as(
        'overdue',
      ),
    ])
    .where('agency_id', 'in', ids)
    .groupBy('agency_id')
    .execute();
  const outcomes = await ctx.db
    .selectFrom('applications')
    .select(['outcome', sql<number>`count(*)::int`.as('n')])
    .where('agency_id', 'in', ids)
    .where('outcome', 'is not', null)
    .where('decided_date', '>=', `${year}-01-01`)
    .where('decided_date', '<=', `${year}-12-31`)
    .groupBy('outcome')
    .execute();
  const months = await ctx.db
    .selectFrom('applications')
    .select([sql<number>`extract(month from received_date)::int`.as('m'), sql<number>`count(*)::int`.as('n')])
    .where('agency_id', 'in', ids)
    .where('received_date', '>=', `${year}-01-01`)
    .where('received_date', '<=', `${year}-12-31`)
    .groupBy(sql`extract(month from received_date)`)
    .execute();
  const byMonth = Array.from({ length: 12 }, (_, i) => months.find((m) => m.m === i + 1)?.n ?? 0);
  return {
    region: { code: region.code, name: region.name },
    year,
    agencies: agencies.map((a) => ({
      agencyId: a.id,
      agency: a.name,
      open: open.find((o) => o.agency_id === a.id)?.open ?? 0,
      overdue: open.find((o) => o.agency_id === a.id)?.overdue ?? 0,
    })),
    byOutcome: outcomes.map((o) => ({
      outcome: o.outcome,
      label: OUTCOME_INFO[o.outcome as Outcome]?.label ?? o.outcome,
      n: o.n,
    })),
    byMonth,
  };
}
