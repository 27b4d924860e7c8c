import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface LexemeStats {
  at: number;
  rows: number;
  freq: Map<string, number>;
}
/**
 * Lexeme frequencies PostgreSQL keeps for the search vectors (pg_stats) and the row count. Re-read in the
 * background once a minute old (a search never waits for it but the first): after a bulk import the
 * catalogue's size and its common words change at once, and a plan made for a tenth of the rows is slow.
 */
const lexemeStats = new WeakMap<Kysely<DB>, { stats: Promise<LexemeStats>; refreshing: boolean }>();
const STATS_MAX_AGE_MS = 60_000;
async function readLexemeStats(db: Kysely<DB>, now: number): Promise<LexemeStats> {
  const r = await sql<{ elem: string; freq: number }>`select unnest(most_common_elems::text::text[]) as elem,
    unnest(most_common_elem_freqs) as freq from pg_stats
    where tablename = 'catalogue_items' and attname = 'search'`.execute(db);
  const n = await sql<{ n: number }>`select greatest(reltuples, 0)::float8 as n from pg_class
    where relname = 'catalogue_items'`.execute(db);
  return {
    at: now,
    rows: Number(n.rows[0]?.n ?? 0),
    freq: new Map(r.rows.map((x) => [x.elem, Number(x.freq)])),
  };
}
export async function currentLexemeStats(db: Kysely<DB>, now = Date.now()): Promise<LexemeStats> {
  let entry = lexemeStats.get(db);
  if (!entry) {
    entry = { stats: readLexemeStats(db, now), refreshing: false };
    lexemeStats.set(db, entry);
    entry.stats.catch(() => lexemeStats.delete(db));
  }
  const s = await entry.stats;
  if (now - s.at > STATS_MAX_AGE_MS && !entry.refreshing) {
    const e = entry;
    e.refreshing = true;
    readLexemeStats(db, now)
      .then((fresh) => {
        e.stats = Promise.resolve(fresh);
      })
      .catch(() => {}) // the older figures serve until the next try
      .finally(() => {
        e.refreshing = false;
      });
  }
  return s;
}
