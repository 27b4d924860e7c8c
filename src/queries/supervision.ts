import { sql } from 'kysely';
import {
  DEFAULT_PLAN,
  type PlanIndicator,
  rank,
  SCORING_RULE,
  scoreAgency,
  summarizeRatings,
} from '../domain/supervision/index.ts';
import type { Ctx } from '../shared/context.ts';
import { supervisedRegion } from '../shared/region-scope.ts';
import { agencyFacts } from '../shared/report/assessment-facts.ts';

export async function assessmentPlan(ctx: Ctx, regionCode: string, year: number) {
  const row = await ctx.db
    .selectFrom('assessment_plans')
    .select(['indicators', 'updated_at'])
    .where('region_code', '=', regionCode)
    .where('year', '=', year)
    .executeTakeFirst();
  return { indicators: (row?.indicators ?? DEFAULT_PLAN) as PlanIndicator[], isDefault: !row };
}

/** 考核: every agency of the region scored from its records, ranked, each score with the records behind it. */
export async function assessment(ctx: Ctx, regionCode: string, year: number) {
  const { region, agencies } = await supervisedRegion(ctx, regionCode, 'supervision.read');
  const plan = await assessmentPlan(ctx, region.code, year);
  const rows = [];
  for (const a of agencies) {
    const facts = await agencyFacts(ctx.db, a, year, ctx.now());
    rows.push({ agencyId: a.id, agency: a.name, kind: a.kind, ...scoreAgency(plan.indicators, facts) });
  }
  return { region: { code: region.code, name: region.name }, year, plan, rule: SCORING_RULE, rows: rank(rows) };
}

/** 政策解读 coverage: 规范性文件 without a 解读, and 解读 published after the policy they interpret. */
export async function interpretationCoverage(ctx: Ctx, regionCode: string) {
  const { agencies } = await supervisedRegion(ctx, regionCode, 'supervision.read');
  const ids = agencies.map((a) => a.id);
  if (!ids.length) return { missing: [], late: [] };
  const missing = await ctx.db
    .selectFrom('catalogue_items as i')
    .innerJoin('agencies as g', 'g.id', 'i.agency_id')
    .select(['i.id', 'i.title', 'i.doc_number', 'i.publish_date', 'g.name as agency'])
    .where('i.agency_id', 'in', ids)
    .where('i.genre', '=', 'normative')
    .where('i.state', '=', 'published')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('catalogue_items as x')
            .select('x.id')
            .whereRef('x.interprets_id', '=', 'i.id')
            .where('x.state', '=', 'published'),
        ),
      ),
    )
    .orderBy('i.publish_date', 'desc')
    .limit(500)
    .execute();
  const late = await ctx.db
    .selectFrom('catalogue_items as x')
    .innerJoin('catalogue_items as i', 'i.id', 'x.interprets_id')
    .innerJoin('agencies as g', 'g.id', 'i.agency_id')
    .select([
      'i.id as policyId',
      'i.title as policy',
      'i.publish_date as policyDate',
      'x.id as interpretationId',
      'x.title as interpretation',
      'x.publish_date as interpretationDate',
      'g.name as agency',
    ])
    .where('i.agency_id', 'in', ids)
    .where('x.state', '=', 'published')
    .where('i.state', '=', 'published')
    .whereRef('x.publish_date', '>', 'i.publish_date')
    .orderBy('x.publish_date', 'desc')
    .limit(500)
    .execute();
  return {
    missing,
    late: late.map((l) => ({
      ...l,
      daysLate: Math.round((Date.parse(l.interpretationDate!) - Date.parse(l.policyDate!)) / 86400_000),
    })),
  };
}

/** 社会评议: per agency, the year's ratings summarised, and the comments waiting for moderation. */
export async function ratingsOverview(ctx: Ctx, regionCode: string, year: number) {
  const { agencies } = await supervisedRegion(ctx, regionCode, 'supervision.read');
  const ids = agencies.map((a) => a.id);
  const rows = ids.length
    ? await ctx.db
        .selectFrom('ratings')
        .select(['id', 'agency_id', 'target_type', 'target_id', 'score', 'comment', 'status', 'created_at'])
        .where('agency_id', 'in', ids)
        .where('status', '!=', 'rejected')
        .where(sql<boolean>`extract(year from created_at at time zone 'Asia/Shanghai') = ${year}`)
        .orderBy('created_at', 'desc')
        .execute()
    : [];
  return {
    year,
    all: summarizeRatings(rows.map((r) => r.score)),
    agencies: agencies.map((a) => ({
      agencyId: a.id,
      agency: a.name,
      ...summarizeRatings(rows.filter((r) => r.agency_id === a.id).map((r) => r.score)),
    })),
    pending: rows.filter((r) => r.status === 'pending' && r.comment),
  };
}

/** 责任追究 records of the region's agencies in a year. */
export async function accountabilityRecords(ctx: Ctx, regionCode: string, year: number) {
  const { agencies } = await supervisedRegion(ctx, regionCode, 'supervision.read');
  const ids = agencies.map((a) => a.id);
  if (!ids.length) return [];
  return ctx.db
    .selectFrom('accountability_records as r')
    .innerJoin('agencies as g', 'g.id', 'r.agency_id')
    .select(['r.id', 'r.agency_id', 'g.name as agency', 'r.subject', 'r.measure', 'r.basis', 'r.reason', 'r.date'])
    .where('r.agency_id', 'in', ids)
    .where('r.date', '>=', `${year}-01-01`)
    .where('r.date', '<=', `${year}-12-31`)
    .orderBy('r.date')
    .execute();
}
