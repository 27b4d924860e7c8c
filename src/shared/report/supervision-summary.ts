import { sql } from 'kysely';
import { findRegion } from '../../db/repos/agencies.ts';
import {
  DEFAULT_PLAN,
  type PlanIndicator,
  rank,
  type SupervisionFacts,
  scoreAgency,
  summarizeRatings,
} from '../../domain/supervision/index.ts';
import type { Ctx } from '../context.ts';
import { agencyFacts } from './assessment-facts.ts';

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
  // Agencies with nothing to assess are not ranked (不排名) and not in the average.
  const ranked = rank(scored).filter((r): r is typeof r & { total: number } => r.total !== null);
  return {
    assessed: ranked.length,
    average: ranked.length ? Math.round((ranked.reduce((s, r) => s + r.total, 0) / ranked.length) * 10) / 10 : null,
    top: ranked.slice(0, 3).map((r) => r.name),
    ratings: summarizeRatings(scores.map((r) => r.score)),
    accountability,
  };
}
