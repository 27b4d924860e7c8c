import { findAgency, listAgencies } from '../db/repos/agencies.ts';
import { scopeFor } from '../domain/access/index.ts';
import { AppError, notFound } from '../domain/errors.ts';
import type { Ctx } from '../shared/context.ts';
import { authorize } from '../shared/context.ts';

/** Staff view of agencies: only those in the actor's scope. */
export async function agenciesForStaff(ctx: Ctx) {
  if (!ctx.actor) throw new AppError('unauthenticated', '请先登录');
  const rows = await listAgencies(ctx.db, scopeFor(ctx.actor, 'agency.read'));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    creditCode: r.credit_code,
    kind: r.kind,
    regionCode: r.region_code,
    regionName: r.region_name,
    parentAgencyId: r.parent_agency_id,
    contact: r.contact,
    indexPattern: r.index_pattern,
  }));
}

export async function agencyForStaff(ctx: Ctx, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('机关');
  const a = await findAgency(ctx.db, id);
  if (!a) throw notFound('机关');
  authorize(ctx, 'agency.read', { agencyId: a.id, regionPath: a.region_path });
  return {
    id: a.id,
    name: a.name,
    shortName: a.short_name,
    creditCode: a.credit_code,
    kind: a.kind,
    regionCode: a.region_code,
    regionName: a.region_name,
    parentAgencyId: a.parent_agency_id,
    contact: a.contact,
    indexPattern: a.index_pattern,
  };
}
