import type { Kysely } from 'kysely';
import { searchColumns, staleSearchRows } from '../db/repos/catalogue.ts';
import type { DB } from '../db/schema.ts';

/**
 * Re-tokenises items whose search vectors are older than the newest token version (after an upgrade that
 * brought new tokens), a batch per transaction, for at most `budgetMs` per run: a catalogue of a million items
 * is upgraded over some hours of scheduler passes while search goes on with the older tokens. Nothing a
 * visitor sees changes but how fast a search is; the content and its history are untouched.
 */
export async function upgradeSearchTokens(db: Kysely<DB>, opts: { batch?: number; budgetMs?: number } = {}) {
  const batch = opts.batch ?? 500;
  const budgetMs = opts.budgetMs ?? 10_000;
  const started = performance.now();
  let upgraded = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const rows = await staleSearchRows(trx, batch);
      for (const r of rows)
        await trx
          .updateTable('catalogue_items')
          .set(searchColumns(r.title, r.doc_number, r.keywords, r.body_text) as never)
          .where('id', '=', r.id)
          .execute();
      return rows.length;
    });
    upgraded += n;
    if (n < batch || performance.now() - started > budgetMs) return { upgraded };
  }
}
