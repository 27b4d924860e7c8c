import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { listColumns, PAGE_SIZE, type PublicFilter, publicBase, publicOnly } from './catalogue-public.ts';
import { cappedCount } from './list-scope.ts';

export type { PublicFilter } from './catalogue-public.ts';
export { PAGE_SIZE } from './catalogue-public.ts';
export { SEARCH_COUNT_CAP, type SearchResult, type SearchSort, searchItems } from './catalogue-search.ts';

/** Public list, newest first, paged; counted exactly up to COUNT_CAP, then the planner's estimate ("约 N 条"). */
export async function publicItems(db: Kysely<DB>, f: PublicFilter, page = 1) {
  const rows = await publicBase(db, f)
    .select(listColumns)
    .orderBy('i.publish_date', 'desc')
    .orderBy('i.id', 'desc')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  const { total, exact } = await cappedCount(db, publicOnly(db, f).select('i.id'));
  return { rows, total, capped: !exact };
}

/**
 * One published item for the public: unpublished, withdrawn or non-主动公开 items do not exist here. One round
 * trip: the item, its 解读 both ways and its attachments (no review records, no search vector).
 */
export async function publicItem(db: Kysely<DB>, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const visible = sql`x.state = 'published' and x.disclosure = 'proactive'`;
  const item = await publicBase(db, {})
    .select([
      'i.id',
      'i.agency_id',
      'i.index_no',
      'i.title',
      'i.doc_number',
      'i.disclosure',
      'i.written_date',
      'i.formed_date',
      'i.publish_date',
      'i.topic',
      'i.genre',
      'i.article_item',
      'i.validity',
      'i.validity_date',
      'i.supersedes_id',
      'i.interprets_id',
      'i.keywords',
      'i.body_html',
      'i.updated_at',
      'g.name as agency_name',
      'g.credit_code',
      sql<{ id: string; title: string }[]>`coalesce((select json_agg(json_build_object('id', x.id, 'title', x.title)
        order by x.publish_date, x.id) from catalogue_items x where x.interprets_id = i.id and ${visible}), '[]')`.as(
        'interpretations',
      ),
      sql<{ id: string; title: string } | null>`(select json_build_object('id', x.id, 'title', x.title)
        from catalogue_items x where x.id = i.interprets_id and ${visible})`.as('interprets'),
      sql<{ id: string; filename: string; mime: string; size: number }[]>`coalesce((select json_agg(json_build_object(
        'id', a.id, 'filename', a.filename, 'mime', a.mime, 'size', a.size) order by a.created_at)
        from catalogue_attachments a where a.item_id = i.id), '[]')`.as('attachments'),
    ])
    .where('i.id', '=', id)
    .executeTakeFirst();
  return item ? { ...item, interprets: item.interprets ?? undefined } : undefined;
}
