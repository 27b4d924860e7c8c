import { sql } from 'kysely';
import { authorize, type Ctx } from '../commands/context.ts';
import { findRegion } from '../db/repos/agencies.ts';
import { notFound } from '../domain/errors.ts';
import {
  DEFAULT_PLAN,
  type PlanIndicator,
  rank,
  type SupervisionFacts,
  scoreAgency,
  summarizeRatings,
} from '../domain/supervision/index.ts';
import { agencyFacts } from './assessment-facts.ts';

/** A region the actor supervises (404 otherwise), and the agencies in it and below. */
export async function supervisedRegion(
  ctx: Ctx,
  regionCode: string,
  action: 'supervision.read' | 'supervision.manage',
) {
  const region = /^\d{6}$/.test(regionCode) ? await findRegion(ctx.db, regionCode) : undefined;
  if (!region) throw notFound('地区');
  authorize(ctx, action, { agencyId: null, regionPath: region.path });
  const agencies = await ctx.db
    .selectFrom('agencies as g')
    .innerJoin('regions as r', 'r.code', 'g.region_code')
    .select(['g.id', 'g.name', 'g.kind', 'g.region_code', 'g.parent_agency_id'])
    .where((eb) => eb.or([eb('r.path', '=', region.path), eb('r.path', 'like', `${region.path}/%`)]))
    .orderBy(sql`g.kind = 'government'`, 'desc')
    .orderBy('g.name')
    .execute();
  return { region, agencies };
}

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
  return { region: { code: region.code, name: region.name }, year, plan, rows: rank(rows) };
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

/**
 * 条例第五十条: what a government's annual report states of its 考核, 社会评议 and 责任追究 — for the region of the
 * government agency, as of the end of the year. Called by the report query, which has authorized its caller.
 */
export async function supervisionSummary(db: Ctx['db'], regionCode: string, year: number): Promise<SupervisionFacts> {
  const region = await findRegion(db, regionCode);
  if (!region) return { assessed: 0, average: null, top: [], ratings: summarizeRatings([]), accountability: [] };
  const agencies = await db
    .selectFrom('agencies as g')
    .innerJoin('regions as r', 'r.code', 'g.region_code')
    .select(['g.id', 'g.name', 'g.kind', 'g.region_code'])
    .where((eb) => eb.or([eb('r.path', '=', region.path), eb('r.path', 'like', `${region.path}/%`)]))
    .where('g.kind', '!=', 'government')
    .execute();
  const planRow = await db
    .selectFrom('assessment_plans')
    .select('indicators')
    .where('region_code', '=', regionCode)
    .where('year', '=', year)
    .executeTakeFirst();
  const plan = (planRow?.indicators ?? DEFAULT_PLAN) as PlanIndicator[];
  const endOfYear = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const scored = [];
  for (const a of agencies)
    scored.push({ name: a.name, ...scoreAgency(plan, await agencyFacts(db, a, year, endOfYear)) });
  const ids = agencies.map((a) => a.id);
  const scores = ids.length
    ? await db
        .selectFrom('ratings')
        .select('score')
        .where('agency_id', 'in', ids)
        .where('status', '!=', 'rejected')
        .where(sql<boolean>`extract(year from created_at at time zone 'Asia/Shanghai') = ${year}`)
        .execute()
    : [];
  const accountability = ids.length
    ? await db
        .selectFrom('accountability_records as r')
        .innerJoin('agencies as g', 'g.id', 'r.agency_id')
        .select(['g.name as agency', 'r.subject', 'r.measure'])
        .where('r.agency_id', 'in', ids)
        .where('r.date', '>=', `${year}-01-01`)
        .where('r.date', '<=', `${year}-12-31`)
        .orderBy('r.date')
        .execute()
    : [];
  const ranked = rank(scored);
  return {
    assessed: ranked.length,
    average: ranked.length ? Math.round((ranked.reduce((s, r) => s + r.total, 0) / ranked.length) * 10) / 10 : null,
    top: ranked.slice(0, 3).map((r) => r.name),
    ratings: summarizeRatings(scores.map((r) => r.score)),
    accountability,
  };
}
