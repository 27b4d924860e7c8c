import { type Kysely, sql } from 'kysely';
import type { Ctx } from '../commands/context.ts';
import { authorize } from '../commands/context.ts';
import { findAgency } from '../db/repos/agencies.ts';
import type { DB } from '../db/schema.ts';
import { notFound } from '../domain/errors.ts';
import {
  type AppealRecord,
  type CaseRecord,
  type CheckFailure,
  checkReport,
  computeReport,
  draftNarrative,
  type Figures,
  type ItemRecord,
  type NarrativeFacts,
  type ReportData,
  type ReportVersion,
  sumReports,
  versionForYear,
} from '../domain/report/index.ts';
import { supervisionSummary } from './supervision.ts';

type Inputs = { records: { cases: CaseRecord[]; appeals: AppealRecord[]; items: ItemRecord[] }; facts: NarrativeFacts };

/**
 * The records that the reports of these agencies count, read in one pass per table. Cases come grouped by the
 * database: their dates only matter relative to the year (before, in, after), so each group carries one
 * representative date and its count — a province's million applications arrive as a few thousand rows.
 */
export async function inputsOf(db: Kysely<DB>, agencyIds: string[], year: number): Promise<Map<string, Inputs>> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const before = `${year - 1}-12-31`;
  const after = `${year + 1}-01-01`;
  const out = new Map<string, Inputs>();
  if (!agencyIds.length) return out;
  for (const id of agencyIds)
    out.set(id, {
      records: { cases: [], appeals: [], items: [] },
      facts: { publishedInYear: 0, publishedTotal: 0, feesCollected: 0, interpretations: 0 } as NarrativeFacts,
    });
  const [cases, appeals, items, fees, published] = await Promise.all([
    // 办结 is the day of the decision (答复); abandoned and withdrawn cases end on their closing day.
    sql<{
      agency_id: string;
      applicant_type: string;
      outcome: string | null;
      received: string;
      closed: string | null;
      n: number;
    }>`
      select agency_id, applicant_type, outcome,
        case when received_date >= ${start}::date then ${start} else ${before} end as received,
        case when closed is null then null when closed < ${start}::date then ${before}
          when closed <= ${end}::date then ${start} else ${after} end as closed,
        count(*)::int as n
      from (select agency_id, applicant_type, outcome, received_date,
              case when outcome is not null then coalesce(decided_date, closed_date) end as closed
            from applications where agency_id = any(${agencyIds}::uuid[]) and received_date <= ${end}::date) a
      where received_date >= ${start}::date or closed is null or closed >= ${start}::date
      group by 1, 2, 3, 4, 5`.execute(db),
    db
      .selectFrom('appeals')
      .select(['agency_id', 'kind', 'filed_date', 'result', 'result_date'])
      .where('agency_id', 'in', agencyIds)
      .where('filed_date', '<=', end)
      .execute(),
    db
      .selectFrom('catalogue_items')
      .select(['agency_id', 'genre', 'written_date', 'publish_date', 'validity', 'validity_date'])
      .where('agency_id', 'in', agencyIds)
      .where('state', 'in', ['published', 'withdrawn'])
      .where('genre', 'in', ['rules', 'normative'])
      .execute(),
    db
      .selectFrom('fees')
      .select(['agency_id', (eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.val(0)).as('sum')])
      .where('agency_id', 'in', agencyIds)
      .where('paid_date', '>=', start)
      .where('paid_date', '<=', end)
      .groupBy('agency_id')
      .execute(),
    db
      .selectFrom('catalogue_items')
      .select([
        'agency_id',
        (eb) => eb.fn.countAll<number>().filterWhere('publish_date', '>=', start).as('in_year'),
        (eb) => eb.fn.countAll<number>().as('total'),
        (eb) =>
          eb.fn
            .countAll<number>()
            .filterWhere('genre', '=', 'interpretation')
            .filterWhere('publish_date', '>=', start)
            .as('interpretations'),
      ])
      .where('agency_id', 'in', agencyIds)
      .where('state', '=', 'published')
      .where('publish_date', '<=', end)
      .groupBy('agency_id')
      .execute(),
  ]);
  for (const c of cases.rows)
    out.get(c.agency_id)!.records.cases.push({
      applicantType: c.applicant_type,
      receivedDate: c.received,
      closedDate: c.closed,
      outcome: c.outcome,
      count: c.n,
    });
  for (const a of appeals)
    out
      .get(a.agency_id)!
      .records.appeals.push({ kind: a.kind, filedDate: a.filed_date, result: a.result, resultDate: a.result_date });
  for (const i of items)
    out.get(i.agency_id)!.records.items.push({
      genre: i.genre,
      writtenDate: i.written_date,
      publishDate: i.publish_date,
      validity: i.validity,
      validityDate: i.validity_date,
    });
  for (const f of fees) out.get(f.agency_id)!.facts.feesCollected = Number(f.sum ?? 0);
  for (const p of published) {
    const facts = out.get(p.agency_id)!.facts;
    facts.publishedInYear = Number(p.in_year ?? 0);
    facts.publishedTotal = Number(p.total ?? 0);
    facts.interpretations = Number(p.interpretations ?? 0);
  }
  return out;
}

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
  const { records, facts } = (await inputsOf(db, [agencyId], year)).get(agencyId)!;
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
