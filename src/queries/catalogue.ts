import { type Kysely, sql } from 'kysely';
import { oldestSearchVersion } from '../db/repos/catalogue.ts';
import type { DB } from '../db/schema.ts';
import {
  normalizeForMatch,
  queryTokens,
  SEARCH_TOKENS_VERSION,
  type SearchTokensVersion,
  tsqueryOf,
} from '../domain/catalogue/index.ts';
import { currentLexemeStats } from './lexeme-stats.ts';

export interface PublicFilter {
  agencyId?: string;
  articleItem?: string;
  topic?: string;
  year?: number;
  validity?: string;
  genre?: string;
}

export const PAGE_SIZE = 20;
export const COUNT_CAP = 1000;

/** Published 主动公开 items matching a filter; no join, so that counts and search candidates read the items only. */
function publicOnly(db: Kysely<DB>, f: PublicFilter) {
  let q = db
    .selectFrom('catalogue_items as i')
    .where('i.state', '=', 'published')
    .where('i.disclosure', '=', 'proactive');
  if (f.agencyId) q = q.where('i.agency_id', '=', f.agencyId);
  if (f.articleItem) q = q.where('i.article_item', '=', f.articleItem);
  if (f.topic) q = q.where('i.topic', '=', f.topic);
  if (f.genre) q = q.where('i.genre', '=', f.genre);
  if (f.validity) q = q.where('i.validity', '=', f.validity as 'in_force');
  if (f.year) q = q.where('i.publish_date', '>=', `${f.year}-01-01`).where('i.publish_date', '<=', `${f.year}-12-31`);
  return q;
}

/** The same with the publishing agency, for what a page shows. */
function publicBase(db: Kysely<DB>, f: PublicFilter) {
  return publicOnly(db, f).innerJoin('agencies as g', 'g.id', 'i.agency_id');
}

const listColumns = [
  'i.id',
  'i.index_no',
  'i.title',
  'i.doc_number',
  'i.publish_date',
  'i.validity',
  'i.genre',
  'i.topic',
  'i.article_item',
  'g.name as agency_name',
  'i.agency_id',
] as const;

/** Public list, newest first, paged; the count is capped ("约 N 条" beyond the cap). */
export async function publicItems(db: Kysely<DB>, f: PublicFilter, page = 1) {
  const rows = await publicBase(db, f)
    .select(listColumns)
    .orderBy('i.publish_date', 'desc')
    .orderBy('i.id', 'desc')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  const c = await sql<{ n: number }>`select count(*)::int as n from (${publicOnly(db, f)
    .select('i.id')
    .limit(COUNT_CAP + 1)}) x`.execute(db);
  return { rows, total: c.rows[0]!.n, capped: c.rows[0]!.n > COUNT_CAP };
}

/**
 * How far a walk over the newest items may go (at most WALK_ROWS, and a small share of the catalogue, so that
 * PostgreSQL walks the date index rather than sorting the table), and how many matches it should meet there:
 * the rarest of the query's tokens bounds the share of documents that match.
 */
async function walkPlan(
  db: Kysely<DB>,
  tokens: string[],
  share: number,
): Promise<{ rows: number; expected: number; size: number }> {
  const s = await currentLexemeStats(db);
  const rows = Math.min(WALK_ROWS, Math.ceil(s.rows * share));
  return { rows, expected: Math.min(...tokens.map((t) => s.freq.get(t) ?? 0)) * rows, size: s.rows };
}

/** Newest items walked for a common query before the index is asked instead. */
const WALK_ROWS = 30_000;

/**
 * Chinese full-text search: candidates by the query's bigrams, the exact substring confirmed on them, then
 * ranked (title matches first) and paged. A rare query takes its candidates from the GIN index (capped); a
 * common one (every bigram in many documents — the GIN posting lists would be read whole) walks the newest
 * items instead, newest first, as far as the page needs, and estimates the total from the share of matches it
 * met ("约 N 条"). Every row shown is an exact substring match.
 */
export async function searchItems(
  db: Kysely<DB>,
  q: string,
  f: PublicFilter,
  page = 1,
  /** The share of the catalogue a walk may cover (tests of small catalogues raise it). */
  walkShare = 0.05,
) {
  // The newest tokens once every item has them (an index lookup); meanwhile the older ones, which all vectors hold.
  const version = Math.min(await oldestSearchVersion(db), SEARCH_TOKENS_VERSION) as SearchTokensVersion;
  const tokens = queryTokens(q, version);
  const needle = normalizeForMatch(q);
  if (tokens.length === 0 || !needle) return { rows: [], total: 0, capped: false };
  const tsq = tsqueryOf(tokens);
  const rank = sql<number>`(case when strpos(replace(lower(i.title || coalesce(i.doc_number, '')), ' ', ''), ${needle}) > 0 then 1 else 0 end) + ts_rank(i.search, ${tsq}::tsquery)`;
  const matches = sql<boolean>`strpos(i.match_text, ${needle}) > 0`;
  const candidates = publicOnly(db, f)
    .select(['i.id', rank.as('rank'), 'i.publish_date'])
    .where(sql<boolean>`i.search @@ ${tsq}::tsquery`)
    .where(matches)
    .limit(COUNT_CAP + 1);
  let ids: string[] | undefined;
  let total: number | undefined;
  const walk = await walkPlan(db, tokens, walkShare);
  // Filtered searches (one agency, one year…) take the index: the walk's estimate is of the whole catalogue.
  const filtered = Object.values(f).some((v) => v !== undefined && v !== '');
  if (!filtered && walk.expected >= 1.2 * COUNT_CAP) {
    const recent = publicOnly(db, f)
      .select(['i.id', 'i.match_text'])
      .select(sql<number>`row_number() over (order by i.publish_date desc, i.id desc)`.as('rn'))
      .orderBy('i.publish_date', 'desc')
      .orderBy('i.id', 'desc')
      .limit(walk.rows);
    // Only as many matches as the page needs (and one more), newest first.
    const need = page * PAGE_SIZE + 1;
    const walked = await db.selectFrom(recent.as('i')).select(['i.id', 'i.rn']).where(matches).limit(need).execute();
    if (walked.length === need) {
      // How many there are, from the share of matches among the items walked: "约 N 条", never shown exact.
      const estimate = Math.round((need / Number(walked.at(-1)!.rn)) * walk.size);
      if (estimate > COUNT_CAP) {
        total = estimate;
        ids = walked.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((w) => w.id);
      }
    }
    // Fewer among the newest, or not many after all: the index is asked below, and every match counted.
  }
  if (!ids) {
    // One pass over the (capped) candidates: the page and, by a window, how many there are.
    const ranked = await sql<{ id: string; rank: number; n: number }>`
      select c.id, c.rank, count(*) over ()::int as n from (${candidates}) c
      order by c.rank desc, c.publish_date desc, c.id desc
      limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}`.execute(db);
    total = ranked.rows[0]?.n;
    if (total === undefined && page > 1)
      total = (await sql<{ n: number }>`select count(*)::int as n from (${candidates}) c`.execute(db)).rows[0]!.n;
    ids = ranked.rows.map((r) => r.id);
  }
  total ??= 0;
  const rows = ids.length
    ? await db
        .selectFrom('catalogue_items as i')
        .innerJoin('agencies as g', 'g.id', 'i.agency_id')
        .select([...listColumns, 'i.body_text'])
        .where('i.id', 'in', ids)
        .execute()
    : [];
  rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  return { rows, total, capped: total > COUNT_CAP };
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
