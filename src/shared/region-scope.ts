import { sql } from 'kysely';
import { findRegion } from '../db/repos/agencies.ts';
import { notFound } from '../domain/errors.ts';
import { authorize, type Ctx } from './context.ts';

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
