import { sql } from 'kysely';
import { calendarLoader } from '../db/repos/calendar.ts';
import { oldestSearchVersion } from '../db/repos/catalogue.ts';
import { chinaDate } from '../domain/calendar/index.ts';
import {
  normalizeForMatch,
  queryTokens,
  SEARCH_TOKENS_VERSION,
  type SearchTokensVersion,
  tsqueryOf,
} from '../domain/catalogue/index.ts';
import { disclosureDue } from '../domain/clock/index.ts';
import { invalid } from '../domain/errors.ts';
import type { CatalogueListQuery } from '../domain/lists/catalogue-list.ts';
import { overdueFormedCutoff } from '../domain/lists/cutoffs.ts';
import { offsetOf, pastEnd, tooDeep } from '../domain/lists/paging.ts';
import type { Ctx } from '../shared/context.ts';
import { agenciesInScope, byRegion, cappedCount, inAgencies, type ListPage } from './list-scope.ts';

/** The item's date in the staff list: published, else formed (the expression migration 0019 indexes). */
const itemDate = sql<string | null>`coalesce(i.publish_date, i.formed_date)`;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The staff's catalogue (主动公开), scoped by the policy: one page, its total, search on 标题/文号/索引号, the
 * filters and the work queues in SQL (so that totals are true), each with its §26 timeliness and 解读 flags.
 */
export async function staffItemList(ctx: Ctx, f: CatalogueListQuery) {
  const agencies = await agenciesInScope(ctx, 'catalogue.read', f.agencyId);
  const paging = { page: f.page, pageSize: f.pageSize };
  const empty = { items: [], total: 0, exact: true, ...paging };
  if (!agencies.length) return empty;
  const today = chinaDate(ctx.now());
  const cal = await calendarLoader(ctx.db);

  let base = ctx.db.selectFrom('catalogue_items as i').where(inAgencies('i.agency_id', agencies));
  if (f.state) base = base.where('i.state', '=', f.state);
  if (f.genre) base = base.where('i.genre', '=', f.genre);
  if (f.articleItem) base = base.where('i.article_item', '=', f.articleItem);
  if (f.year) base = base.where(itemDate, '>=', `${f.year}-01-01`).where(itemDate, '<=', `${f.year}-12-31`);
  if (f.queue === 'review') base = base.where('i.state', '=', 'in_review');
  else if (f.queue === 'approval') base = base.where('i.state', '=', 'reviewed');
  else if (f.queue === 'no_interpretation')
    base = base
      .where('i.state', '=', 'published')
      .where('i.genre', '=', 'normative')
      .where(sql<boolean>`not exists (select 1 from catalogue_items x
        where x.interprets_id = i.id and x.state = 'published')`);
  else if (f.queue === 'overdue') {
    // 条例第二十六条: unpublished and formed on or before the region's bound (20 working days before today).
    const parts = [];
    for (const [region, ids] of byRegion(agencies)) {
      const cutoff = overdueFormedCutoff(await cal(region), today);
      parts.push(sql`(i.agency_id = any(${ids}::uuid[]) and i.formed_date <= ${cutoff}::date)`);
    }
    base = base
      .where('i.state', 'not in', ['published', 'withdrawn'])
      .where(sql<boolean>`(${sql.join(parts, sql` or `)})`);
  }
  if (f.q) {
    // 标题、文号: candidates from the search index, the exact text confirmed on title and 文号 only; 索引号: its beginning.
    const version = Math.min(await oldestSearchVersion(ctx.db), SEARCH_TOKENS_VERSION) as SearchTokensVersion;
    const tokens = queryTokens(f.q, version);
    const needle = normalizeForMatch(f.q);
    const prefix = `${escapeLike(f.q.replace(/\s+/g, ''))}%`;
    const byIndexNo = sql<boolean>`(i.index_no like ${prefix} or i.index_no like ${prefix.toUpperCase()})`;
    base = base.where(
      tokens.length && needle
        ? sql<boolean>`((i.search @@ ${tsqueryOf(tokens)}::tsquery and strpos(replace(lower(i.title ||
            coalesce(i.doc_number, '')), ' ', ''), ${needle}) > 0) or ${byIndexNo})`
        : byIndexNo,
    );
  }

  const { total, exact } = await cappedCount(ctx.db, base.select(sql`1`.as('one')));
  // Past the last row: an empty page with the real total. Deeper than OFFSET paging goes: narrow the search.
  if (total === 0 || pastEnd(paging, total)) return { ...empty, total, exact };
  if (tooDeep(paging)) throw invalid('页码过大：请用搜索或筛选缩小范围', { field: 'page' });

  let page = base
    .innerJoin('agencies as g', 'g.id', 'i.agency_id')
    .select([
      'i.id',
      'i.index_no',
      'i.title',
      'i.doc_number',
      'i.state',
      'i.genre',
      'i.formed_date',
      'i.publish_date',
      'i.agency_id',
      'g.name as agency_name',
      'g.region_code',
    ])
    .select(
      sql<number>`(select count(*)::int from catalogue_items x where x.interprets_id = i.id and x.state = 'published')`.as(
        'interpretations',
      ),
    );
  // Every order ends on the id: a total order, the same rows on the same page (keyset-friendly).
  if (f.sort === 'updated') page = page.orderBy('i.updated_at', 'desc').orderBy('i.id', 'desc');
  else if (f.sort === 'oldest') page = page.orderBy(sql`${itemDate} asc nulls last`).orderBy('i.id', 'asc');
  else page = page.orderBy(sql`${itemDate} desc nulls first`).orderBy('i.id', 'desc');
  const rows = await page.limit(f.pageSize).offset(offsetOf(paging)).execute();

  const items = [];
  for (const r of rows) {
    // 条例第二十六条: due 20 working days after the information was formed or changed.
    const due =
      r.formed_date && r.state !== 'published' && r.state !== 'withdrawn'
        ? disclosureDue(await cal(r.region_code), r.formed_date).due
        : null;
    items.push({
      ...r,
      disclosureDue: due,
      overdue: due !== null && due < today,
      needsInterpretation: r.genre === 'normative' && r.state === 'published' && r.interpretations === 0,
    });
  }
  const out: ListPage<(typeof items)[number]> = { items, total, exact, ...paging };
  return out;
}
