import type { Kysely } from 'kysely';
import type { Ctx } from '../commands/context.ts';
import { authorize } from '../commands/context.ts';
import { findAgency } from '../db/repos/agencies.ts';
import type { DB } from '../db/schema.ts';
import { notFound } from '../domain/errors.ts';
import {
  type CheckFailure,
  checkReport,
  computeReport,
  draftNarrative,
  type Figures,
  type NarrativeFacts,
  type ReportData,
  type ReportVersion,
  sumReports,
  versionForYear,
} from '../domain/report/index.ts';
import { supervisionSummary } from './supervision.ts';

/** The records of one agency that a report counts. */
async function inputs(db: Kysely<DB>, agencyId: string, year: number) {
  const end = `${year}-12-31`;
  const [cases, appeals, items, fees, published] = await Promise.all([
    db
      .selectFrom('applications')
      .select(['applicant_type', 'received_date', 'closed_date', 'decided_date', 'outcome'])
      .where('agency_id', '=', agencyId)
      .where('received_date', '<=', end)
      .execute(),
    db
      .selectFrom('appeals')
      .select(['kind', 'filed_date', 'result', 'result_date'])
      .where('agency_id', '=', agencyId)
      .where('filed_date', '<=', end)
      .execute(),
    db
      .selectFrom('catalogue_items')
      .select(['genre', 'written_date', 'publish_date', 'validity', 'validity_date'])
      .where('agency_id', '=', agencyId)
      .where('state', 'in', ['published', 'withdrawn'])
      .where('genre', 'in', ['rules', 'normative'])
      .execute(),
    db
      .selectFrom('fees')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.val(0)).as('sum'))
      .where('agency_id', '=', agencyId)
      .where('paid_date', '>=', `${year}-01-01`)
      .where('paid_date', '<=', end)
      .executeTakeFirst(),
    db
      .selectFrom('catalogue_items')
      .select([
        (eb) => eb.fn.countAll<number>().filterWhere('publish_date', '>=', `${year}-01-01`).as('in_year'),
        (eb) => eb.fn.countAll<number>().as('total'),
        (eb) =>
          eb.fn
            .countAll<number>()
            .filterWhere('genre', '=', 'interpretation')
            .filterWhere('publish_date', '>=', `${year}-01-01`)
            .as('interpretations'),
      ])
      .where('agency_id', '=', agencyId)
      .where('state', '=', 'published')
      .where('publish_date', '<=', end)
      .executeTakeFirst(),
  ]);
  return {
    records: {
      // 办结 is the day of the decision (答复); abandoned and withdrawn cases end on their closing day.
      cases: cases.map((c) => ({
        applicantType: c.applicant_type,
        receivedDate: c.received_date,
        closedDate: c.outcome ? (c.decided_date ?? c.closed_date) : null,
        outcome: c.outcome,
      })),
      appeals: appeals.map((a) => ({
        kind: a.kind,
        filedDate: a.filed_date,
        result: a.result,
        resultDate: a.result_date,
      })),
      items: items.map((i) => ({
        genre: i.genre,
        writtenDate: i.written_date,
        publishDate: i.publish_date,
        validity: i.validity,
        validityDate: i.validity_date,
      })),
    },
    facts: {
      publishedInYear: Number(published?.in_year ?? 0),
      publishedTotal: Number(published?.total ?? 0),
      feesCollected: Number(fees?.sum ?? 0),
      interpretations: Number(published?.interpretations ?? 0),
    } as NarrativeFacts,
  };
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
  const { records, facts } = await inputs(db, agencyId, year);
  let report: ReportData;
  let source: AgencyReport['source'] = 'live';
  let departments: AgencyReport['departments'];
  if (row?.data && (row.status === 'published' || row.source === 'imported') && !opts.version) {
    report = row.data as ReportData;
    source = row.source === 'imported' ? 'imported' : 'frozen';
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
      report = sumReports(version, year, [report, ...departments.map((d) => d.report)]);
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
    facts,
    ...(departments ? { departments } : {}),
  };
}

export async function agencyReportForStaff(ctx: Ctx, agencyId: string, year: number, version?: ReportVersion) {
  const a = await findAgency(ctx.db, agencyId);
  if (!a) throw notFound('机关');
  authorize(ctx, 'report.read', { agencyId, regionPath: a.region_path });
  return agencyReport(ctx.db, agencyId, year, { version });
}

export function reportTitle(r: { agency: { name: string }; year: number }) {
  return `${r.agency.name}${r.year}年政府信息公开工作年度报告`;
}
