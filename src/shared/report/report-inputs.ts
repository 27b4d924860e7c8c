import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AppealRecord, CaseRecord, ItemRecord, NarrativeFacts } from '../../domain/report/index.ts';

export type Records = { cases: CaseRecord[]; appeals: AppealRecord[]; items: ItemRecord[] };
export type Inputs = { records: Records; facts: NarrativeFacts };

/**
 * A date as the report sees it: only where it lies relative to the year matters, so the database groups by
 * one representative date — the day before the year, its first day, or the day after it (null stays null).
 */
function yearBucket(column: RawBuilder<unknown>, year: number) {
  return sql<string | null>`case when ${column} is null then null
    when ${column} < ${`${year}-01-01`}::date then ${`${year - 1}-12-31`}
    when ${column} <= ${`${year}-12-31`}::date then ${`${year}-01-01`} else ${`${year + 1}-01-01`} end`;
}

/** The predicate of applications_report_spanning_idx (migration 0012): open, or ended in a later year. */
const SPANNING = sql`(ended_on is null or extract(year from ended_on) <> extract(year from received_date))`;

/**
 * The records the reports of these agencies count, read in one pass per table and grouped by the database:
 * a province's million applications arrive as a few thousand rows, each with its count. Every read is an
 * index-only scan (migration 0012): the year's new cases, the cases open on 1月1日, the 规章 and 规范性文件.
 */
export async function reportRecords(db: Kysely<DB>, agencyIds: string[], year: number): Promise<Map<string, Records>> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const out = new Map<string, Records>();
  if (!agencyIds.length) return out;
  for (const id of agencyIds) out.set(id, { cases: [], appeals: [], items: [] });
  const ids = sql`${agencyIds}::uuid[]`;
  const ended = yearBucket(sql.ref('ended_on'), year);
  // Each read names its columns as the domain's records do: a row is its agency and the record.
  const [cases, appeals, items] = await Promise.all([
    // 三: received in the year (新收), or received before it and open on 1月1日 (上年结转) — ended in or after
    // the year, or not yet. 办结 is `ended_on`: the day of the decision, or the closing day.
    sql<CaseRecord & { agency_id: string }>`
      select agency_id, applicant_type as "applicantType", outcome, received as "receivedDate",
        ended as "closedDate", count(*)::int as count from (
        select agency_id, applicant_type, outcome, ${start} as received, ${ended} as ended from applications
          where agency_id = any(${ids}) and received_date between ${start}::date and ${end}::date
        union all
        select agency_id, applicant_type, outcome, ${`${year - 1}-12-31`}, ${ended} from applications
          where agency_id = any(${ids}) and ended_on >= ${start}::date and received_date < ${start}::date
            and ${SPANNING}
        union all
        select agency_id, applicant_type, outcome, ${`${year - 1}-12-31`}, null from applications
          where agency_id = any(${ids}) and ended_on is null and received_date < ${start}::date and ${SPANNING}
      ) a group by 1, 2, 3, 4, 5`.execute(db),
    sql<AppealRecord & { agency_id: string }>`
      select agency_id, kind, filed_date as "filedDate", result, result_date as "resultDate" from appeals
      where agency_id = any(${ids}) and filed_date <= ${end}::date`.execute(db),
    sql<ItemRecord & { agency_id: string }>`
      select agency_id, genre, ${yearBucket(sql.ref('written_date'), year)} as "writtenDate",
        ${yearBucket(sql.ref('publish_date'), year)} as "publishDate", validity,
        ${yearBucket(sql.ref('validity_date'), year)} as "validityDate", count(*)::int as count
      from catalogue_items
      where agency_id = any(${ids}) and genre in ('rules', 'normative') and state in ('published', 'withdrawn')
      group by 1, 2, 3, 4, 5, 6`.execute(db),
  ]);
  for (const { agency_id, ...c } of cases.rows) out.get(agency_id)!.cases.push(c);
  for (const { agency_id, ...a } of appeals.rows) out.get(agency_id)!.appeals.push(a);
  for (const { agency_id, ...i } of items.rows) out.get(agency_id)!.items.push(i);
  return out;
}

/** The figures the narrative cites (sections 一 and 六): items published, interpretations, fees collected. */
export async function narrativeFacts(db: Kysely<DB>, agencyId: string, year: number): Promise<NarrativeFacts> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const [fees, published] = await Promise.all([
    db
      .selectFrom('fees')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.val(0)).as('sum'))
      .where('agency_id', '=', agencyId)
      .where('paid_date', '>=', start)
      .where('paid_date', '<=', end)
      .executeTakeFirst(),
    db
      .selectFrom('catalogue_items')
      .select([
        (eb) => eb.fn.countAll<number>().filterWhere('publish_date', '>=', start).as('in_year'),
        (eb) => eb.fn.countAll<number>().as('total'),
        (eb) =>
          eb.fn
            .countAll<number>()
            .filterWhere('genre', '=', 'interpretation')
            .filterWhere('publish_date', '>=', start)
            .as('interpretations'),
      ])
      .where('agency_id', '=', agencyId)
      .where('state', '=', 'published')
      .where('publish_date', '<=', end)
      .executeTakeFirst(),
  ]);
  return {
    publishedInYear: Number(published?.in_year ?? 0),
    publishedTotal: Number(published?.total ?? 0),
    feesCollected: Number(fees?.sum ?? 0),
    interpretations: Number(published?.interpretations ?? 0),
  };
}
