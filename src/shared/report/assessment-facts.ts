import type { Kysely } from 'kysely';
import { loadCalendar } from '../../db/repos/calendar.ts';
import type { DB } from '../../db/schema.ts';
import { chinaDate } from '../../domain/calendar/index.ts';
import { disclosureDue } from '../../domain/clock/index.ts';
import { checkReport, type ReportData, reportDue } from '../../domain/report/index.ts';
import type { AgencyFacts, IndicatorFacts } from '../../domain/supervision/index.ts';

const blank = (): IndicatorFacts => ({ numerator: 0, denominator: 0, shortfalls: [] });

/**
 * The records behind each 考核 indicator for one agency and year, as of `now` (a reply still open past its
 * deadline counts as late from the day after it). Pure reads; the scoring is domain/supervision.
 */
export async function agencyFacts(
  db: Kysely<DB>,
  agency: { id: string; kind: string; region_code: string },
  year: number,
  now: Date,
): Promise<AgencyFacts> {
  const today = chinaDate(now);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const f: AgencyFacts = {
    on_time_replies: blank(),
    disclosure_timeliness: blank(),
    interpretation_coverage: blank(),
    report_on_time: blank(),
    appeals_not_corrected: blank(),
  };

  // 条例第三十三条: replies whose deadline fell in the year.
  const cases = await db
    .selectFrom('applications')
    .select(['id', 'tracking_number', 'reply_due', 'decided_date'])
    .where('agency_id', '=', agency.id)
    .where('reply_due', '>=', from)
    .where('reply_due', '<=', to)
    .execute();
  for (const c of cases) {
    const due = c.reply_due!;
    const late = c.decided_date ? c.decided_date > due : due < today;
    if (!c.decided_date && !late) continue; // not yet due
    f.on_time_replies.denominator++;
    if (late)
      f.on_time_replies.shortfalls.push({
        id: c.id,
        label: `${c.tracking_number}：答复期限 ${due}，${c.decided_date ? `${c.decided_date} 答复` : '尚未答复'}`,
      });
    else f.on_time_replies.numerator++;
  }

  // 条例第二十六条: 20 working days from forming or change to publication.
  const cal = await loadCalendar(db, agency.region_code);
  const items = await db
    .selectFrom('catalogue_items')
    .select(['id', 'title', 'state', 'formed_date', 'publish_date'])
    .where('agency_id', '=', agency.id)
    .where('formed_date', 'is not', null)
    .where('state', '!=', 'withdrawn')
    .where((eb) =>
      eb.or([
        eb.and([eb('publish_date', '>=', from), eb('publish_date', '<=', to)]),
        eb.and([eb('state', '!=', 'published'), eb('formed_date', '<=', to)]),
      ]),
    )
    .execute();
  for (const it of items) {
    const due = disclosureDue(cal, it.formed_date!).due;
    const published = it.state === 'published' && it.publish_date;
    if (!published && !(due < today && due >= from && due <= to)) continue;
    f.disclosure_timeliness.denominator++;
    if (published && it.publish_date! <= due) f.disclosure_timeliness.numerator++;
    else
      f.disclosure_timeliness.shortfalls.push({
        id: it.id,
        label: `${it.title}：应于 ${due} 前公开，${published ? `${it.publish_date} 公开` : '尚未公开'}`,
      });
  }

  // 规范性文件 published in the year and their 解读.
  const normative = await db
    .selectFrom('catalogue_items as i')
    .select(['i.id', 'i.title'])
    .select((eb) =>
      eb
        .selectFrom('catalogue_items as x')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('x.interprets_id', '=', 'i.id')
        .where('x.state', '=', 'published')
        .as('interpretations'),
    )
    .where('i.agency_id', '=', agency.id)
    .where('i.genre', '=', 'normative')
    .where('i.state', '=', 'published')
    .where('i.publish_date', '>=', from)
    .where('i.publish_date', '<=', to)
    .execute();
  for (const n of normative) {
    f.interpretation_coverage.denominator++;
    if (Number(n.interpretations) > 0) f.interpretation_coverage.numerator++;
    else f.interpretation_coverage.shortfalls.push({ id: n.id, label: `${n.title}：未发布政策解读` });
  }

  // 条例第四十九条: the previous year's report, due in this year, on time and passing its checks.
  const prev = year - 1;
  const row = await db
    .selectFrom('annual_reports')
    .select(['id', 'status', 'published_at', 'override', 'data'])
    .where('agency_id', '=', agency.id)
    .where('year', '=', prev)
    .executeTakeFirst();
  const published = row?.status === 'published';
  const publishedOn = row?.published_at ? chinaDate(new Date(row.published_at)) : null;
  // One rule for the deadline and lateness (domain/report/deadline.ts); an imported published report is on time.
  const due = reportDue(agency.kind, prev, { published, publishedOn }, today);
  if (due.timeliness !== 'pending') {
    f.report_on_time.denominator = 2;
    if (due.timeliness === 'on_time') f.report_on_time.numerator++;
    else
      f.report_on_time.shortfalls.push({
        id: row?.id ?? agency.id,
        label: `${prev}年度报告：应于 ${due.deadline} 前公布，${publishedOn ? `${publishedOn} 公布` : '尚未公布'}`,
      });
    // The checks of what was published (frozen); an unpublished report cannot have passed them.
    const failures = row?.data && published ? checkReport(row.data as ReportData).length : null;
    if (failures === 0 || (failures !== null && row?.override)) f.report_on_time.numerator++;
    else
      f.report_on_time.shortfalls.push({
        id: row?.id ?? agency.id,
        label: `${prev}年度报告：${failures === null ? '尚未公布，无法通过校验' : `${failures} 项校验未通过`}`,
      });
  }

  // 行政复议、行政诉讼 concluded in the year.
  const appeals = await db
    .selectFrom('appeals as p')
    .innerJoin('applications as a', 'a.id', 'p.application_id')
    .select(['p.id', 'p.kind', 'p.result', 'p.result_date', 'a.tracking_number'])
    .where('p.agency_id', '=', agency.id)
    .where('p.result', '!=', 'pending')
    .where('p.result_date', '>=', from)
    .where('p.result_date', '<=', to)
    .execute();
  for (const p of appeals) {
    f.appeals_not_corrected.denominator++;
    if (p.result === 'corrected')
      f.appeals_not_corrected.shortfalls.push({
        id: p.id,
        label: `${p.tracking_number}：${p.kind === 'reconsideration' ? '行政复议' : '行政诉讼'}被纠错（${p.result_date}）`,
      });
    else f.appeals_not_corrected.numerator++;
  }
  return f;
}
