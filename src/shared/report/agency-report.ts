import type { Kysely } from 'kysely';
import { findAgency } from '../../db/repos/agencies.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import {
  type CheckFailure,
  checkReport,
  computeReport,
  draftNarrative,
  type Figures,
  governmentReport,
  type NarrativeFacts,
  type ReportData,
  type ReportVersion,
  versionForYear,
} from '../../domain/report/index.ts';
import { narrativeFacts, reportRecords } from './report-inputs.ts';
import { supervisionSummary } from './supervision-summary.ts';

/** A report that stands as it is: published (frozen at publication) or imported from a published text. */
export function frozenData(row: { data: unknown; status: string; source: string } | undefined): ReportData | null {
  return row?.data && (row.status === 'published' || row.source === 'imported') ? (row.data as ReportData) : null;
}

export interface AgencyReport {
  agency: { id: string; name: string; creditCode: string; kind: string };
  year: number;
  version: ReportVersion;
  status: string;
  source: 'live' | 'imported' | 'frozen';
  report: ReportData;
  failures: CheckFailure[];
  override: Record<string, unknown> | null;
  /** The section-二 figures as entered for this agency (a government's stand instead of its departments' sum). */
  figures: Figures;
  facts: NarrativeFacts;
  departments?: { id: string; name: string; report: ReportData }[];
}

/** The report of an agency and year: frozen when published or imported, else computed now from the records. */
export async function agencyReport(
  db: Kysely<DB>,
  agencyId: string,
  year: number,
  opts: { version?: ReportVersion } = {},
): Promise<AgencyReport> {
  const agency = await findAgency(db, agencyId);
  if (!agency) throw notFound('机关');
  const row = await db
    .selectFrom('annual_reports')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  const version = opts.version ?? row?.version ?? versionForYear(year);
  const [records, facts] = await Promise.all([
    reportRecords(db, [agencyId], year).then((m) => m.get(agencyId)!),
    narrativeFacts(db, agencyId, year),
  ]);
  let report: ReportData;
  let source: AgencyReport['source'] = 'live';
  let departments: AgencyReport['departments'];
  const frozen = opts.version ? null : frozenData(row);
  if (frozen) {
    report = frozen;
    source = row!.source === 'imported' ? 'imported' : 'frozen';
  } else {
    report = computeReport(version, year, { ...records, figures: (row?.figures ?? {}) as Figures });
    if (agency.kind === 'government') {
      // 政府 report: its own office plus every department that reports to it (条例第五十条).
      const deps = await db
        .selectFrom('agencies')
        .select(['id', 'name'])
        .where('parent_agency_id', '=', agencyId)
        .orderBy('name')
        .execute();
      departments = [];
      for (const d of deps)
        departments.push({ ...d, report: (await agencyReport(db, d.id, year, { version })).report });
      const entered = (row?.figures ?? {}) as Figures;
      report = governmentReport(
        version,
        year,
        report,
        departments.map((d) => d.report),
        entered,
      );
    }
    report.year = year;
    report.agency = agency.name;
    const narrative = row?.narrative ?? {};
    if (agency.kind === 'government') facts.supervision = await supervisionSummary(db, agency.region_code, year);
    const draft = draftNarrative(report, facts);
    report.text = {
      overview: narrative.overview ?? draft.overview,
      problems: narrative.problems ?? draft.problems,
      other: narrative.other ?? draft.other,
    };
  }
  return {
    agency: { id: agency.id, name: agency.name, creditCode: agency.credit_code, kind: agency.kind },
    year,
    version: report.version,
    status: row?.status ?? 'draft',
    source,
    report,
    failures: checkReport(report),
    override: row?.override ?? null,
    figures: (row?.figures ?? {}) as Figures,
    facts,
    ...(departments ? { departments } : {}),
  };
}

export function reportTitle(r: { agency: { name: string }; year: number }) {
  return `${r.agency.name}${r.year}年政府信息公开工作年度报告`;
}
