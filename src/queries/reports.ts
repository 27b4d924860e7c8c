import { findAgency } from '../db/repos/agencies.ts';
import { notFound } from '../domain/errors.ts';
import type { ReportVersion } from '../domain/report/index.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { agencyReport } from '../shared/report/agency-report.ts';

export async function agencyReportForStaff(ctx: Ctx, agencyId: string, year: number, version?: ReportVersion) {
  const a = await findAgency(ctx.db, agencyId);
  if (!a) throw notFound('机关');
  authorize(ctx, 'report.read', { agencyId, regionPath: a.region_path });
  return agencyReport(ctx.db, agencyId, year, { version });
}
