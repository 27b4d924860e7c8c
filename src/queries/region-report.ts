import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import {
  checkReport,
  computeReport,
  type Figures,
  governmentReport,
  sumReports,
  versionForYear,
} from '../domain/report/index.ts';
import type { Ctx } from '../shared/context.ts';
import { supervisedRegion } from '../shared/region-scope.ts';
import { frozenData } from '../shared/report/agency-report.ts';
import { reportRecords } from '../shared/report/report-inputs.ts';

type RegionAgency = { id: string; name: string; kind: string; parent_agency_id: string | null };

/**
 * A region's roll-up for the 政务公开办: every agency's own report of the year — the published or imported one
 * as it stands, else counted from its records (one batched read for all of them) — summed. A government's
 * frozen report already holds its departments (条例第五十条), so they are not counted a second time.
 */
export async function rollUp(db: Kysely<DB>, agencies: RegionAgency[], year: number) {
  const version = versionForYear(year);
  const ids = agencies.map((a) => a.id);
  const rows = ids.length
    ? await db
        .selectFrom('annual_reports')
        .select(['agency_id', 'status', 'source', 'data', 'figures'])
        .where('agency_id', 'in', ids)
        .where('year', '=', year)
        .execute()
    : [];
  const rowOf = new Map(rows.map((r) => [r.agency_id, r]));
  const frozen = (id: string) => frozenData(rowOf.get(id));
  const coveredBy = new Set(agencies.filter((a) => a.kind === 'government' && frozen(a.id)).map((a) => a.id));
  const counted = agencies.filter((a) => !(a.parent_agency_id && coveredBy.has(a.parent_agency_id)));
  const records = await reportRecords(
    db,
    counted.filter((a) => !frozen(a.id)).map((a) => a.id),
    year,
  );
  const parts = counted.map((a) => {
    const report =
      frozen(a.id) ??
      computeReport(version, year, {
        ...records.get(a.id)!,
        figures: (rowOf.get(a.id)?.figures ?? {}) as Figures,
      });
    return { agencyId: a.id, agency: a.name, source: frozen(a.id) ? 'frozen' : 'live', report };
  });
  // A live government's report holds its departments (条例第五十条) with the section-二 figures it entered
  // standing instead of their sum: the region counts that report once, not its departments again.
  const live = new Set(counted.filter((a) => a.kind === 'government' && !frozen(a.id)).map((a) => a.id));
  const partOf = new Map(parts.map((p) => [p.agencyId, p.report]));
  const totals = counted
    .filter((a) => !(a.parent_agency_id && live.has(a.parent_agency_id)))
    .map((a) =>
      live.has(a.id)
        ? governmentReport(
            version,
            year,
            partOf.get(a.id)!,
            counted.filter((d) => d.parent_agency_id === a.id).map((d) => partOf.get(d.id)!),
            (rowOf.get(a.id)?.figures ?? {}) as Figures,
          )
        : partOf.get(a.id)!,
    );
  const report = sumReports(version, year, totals);
  return { year, version, report, failures: checkReport(report), parts };
}

/** The roll-up of a region the caller supervises (`GET /api/v1/supervision/report`). */
export async function regionReport(ctx: Ctx, regionCode: string, year: number) {
  const { region, agencies } = await supervisedRegion(ctx, regionCode, 'supervision.read');
  const r = await rollUp(ctx.db, agencies, year);
  r.report.agency = region.name;
  return {
    region: { code: region.code, name: region.name },
    ...r,
    parts: r.parts.map(({ report, ...p }) => ({ ...p, applications: report.applications.total })),
  };
}
