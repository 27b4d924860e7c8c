import { type Kysely, sql, type Transaction } from 'kysely';
import { indexTokens, SEARCH_TOKENS_VERSION, searchText } from '../../domain/catalogue/index.ts';
import type { DB } from '../schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

export function findItem(db: Q, id: string, opts: { lock?: boolean } = {}) {
  let q = db
    .selectFrom('catalogue_items as i')
    .innerJoin('agencies as g', 'g.id', 'i.agency_id')
    .innerJoin('regions as r', 'r.code', 'g.region_code')
    .selectAll('i')
    .select(['g.name as agency_name', 'g.credit_code', 'g.index_pattern', 'g.region_code', 'r.path as region_path'])
    .where('i.id', '=', id);
  if (opts.lock) q = q.forUpdate('i');
  return q.executeTakeFirst();
}
export type ItemRow = NonNullable<Awaited<ReturnType<typeof findItem>>>;

/**
 * The search columns of an item: its vector (title, 文号 and keywords weigh more than the body; built without the
 * database's parser), its folded search text and the token version they hold. Spread into an insert or update.
 */
export function searchColumns(title: string, docNumber: string | null, keywords: string, bodyText: string) {
  const head = indexTokens(`${title} ${docNumber ?? ''} ${keywords}`);
  const inHead = new Set(head);
  const body = indexTokens(bodyText).filter((t) => !inHead.has(t));
  return {
    search: sql`setweight(array_to_tsvector(${head}::text[]), 'A') || setweight(array_to_tsvector(${body}::text[]), 'B')`,
    search_text: searchText(title, docNumber, keywords, bodyText),
    search_version: SEARCH_TOKENS_VERSION,
  };
}

/** The lowest token version any item's vector holds (the newest when there are none). */
export async function oldestSearchVersion(db: Q): Promise<number> {
  const r = await sql<{ v: number | null }>`select min(search_version)::int as v from catalogue_items`.execute(db);
  return r.rows[0]?.v ?? SEARCH_TOKENS_VERSION;
}

/** Up to `limit` items whose vectors are older than the newest version, locked (others skip them). */
export function staleSearchRows(db: Q, limit: number) {
  return db
    .selectFrom('catalogue_items')
    .select(['id', 'title', 'doc_number', 'keywords', 'body_text'])
    .where(sql<boolean>`search_version < ${SEARCH_TOKENS_VERSION}`)
    .orderBy(sql`search_version`)
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Next 索引号 sequence number of an agency and year: the row lock makes it gapless and unique under concurrency. */
export async function nextIndexSeq(trx: Transaction<DB>, agencyId: string, year: number): Promise<number> {
  const r = await trx
    .insertInto('index_sequences')
    .values({ agency_id: agencyId, year, last: 1 })
    .onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet({ last: sql`index_sequences.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return r.last;
}
