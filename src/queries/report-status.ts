import { sql } from 'kysely';
import { scopeSql } from '../db/repos/agencies.ts';
import { scopeFor, scopeIsEmpty } from '../domain/access/index.ts';
import { chinaDate } from '../domain/calendar/index.ts';
import { AppError } from '../domain/errors.ts';
import { reportDue } from '../domain/report/index.ts';
import type { Ctx } from '../shared/context.ts';
import { agencyReport } from '../shared/report/agency-report.ts';

/** The supervisor's view of a year's reports: every agency in scope, its status, deadline and failing checks. */
export async function reportStatus(ctx: Ctx, year: number) {
  if (!ctx.actor) throw new AppError('unauthenticated', '请先登录');
  const scope = scopeFor(ctx.actor, 'report.read');
  if (scopeIsEmpty(scope)) throw new AppError('forbidden', '您没有查看年度报告的权限');
  const rows = await ctx.db
    .selectFrom('agencies as g')
    .innerJoin('regions as r', 'r.code', 'g.region_code')
    .leftJoin('annual_reports as a', (j) => j.onRef('a.agency_id', '=', 'g.id').on('a.year', '=', year))
    .select(['g.id', 'g.name', 'g.kind', 'a.status', 'a.submitted_at', 'a.published_at'])
    .where(scopeSql(scope, 'g.id', 'r.path'))
    .orderBy(sql`g.kind = 'government'`, 'desc')
    .orderBy('g.name')
    .execute();
  const today = chinaDate(ctx.now());
  const out = [];
  for (const row of rows) {
    const r = await agencyReport(ctx.db, row.id, year);
    const status = row.status ?? 'draft';
    // 条例第四十九条 (domain/report/deadline.ts): overdue when not published by the deadline of its kind.
    const due = reportDue(
      row.kind,
      year,
      {
        published: status === 'published',
        publishedOn: row.published_at ? chinaDate(new Date(row.published_at)) : null,
      },
      today,
    );
    out.push({
      agencyId: row.id,
      agency: row.name,
      kind: row.kind,
      status,
      deadline: due.deadline,
      late: due.timeliness === 'overdue',
      timeliness: due.timeliness,
      daysLate: due.daysLate,
      submittedAt: row.submitted_at,
      publishedAt: row.published_at,
      failures: r.failures.length,
      failing: r.failures.slice(0, 5).map((f) => f.message),
    });
  }
  return out;
}
