import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx } from '../../test/helpers/factory.ts';
import { importCatalogue } from '../commands/catalogue/import.ts';
import { IMPORT_COLUMNS, indexTokens, normalizeForMatch, SEARCH_TOKENS_VERSION } from '../domain/catalogue/index.ts';
import { searchItems } from '../queries/catalogue.ts';
import { tick } from './scheduler.ts';

let database: TestDatabase;
const now = fixedClock(new Date('2026-03-02T01:00:00Z')); // 09:00 Beijing
const N = 60;

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  const agency = await makeAgency(ctx, { name: '凉州区人民政府办公室' });
  const rows: string[][] = [[...IMPORT_COLUMNS]];
  for (let i = 0; i < N; i++) {
    const d = new Date(Date.UTC(2015, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    rows.push([
      `${agency.creditCode}/2015-${String(i + 1).padStart(6, '0')}`,
      `关于印发第${i + 1}项实施办法的通知`,
      `第${1 + (i % 3)}局发〔2015〕${i + 1}号`,
      d,
      d,
      '政务',
      '通知',
      '20.13',
      '现行有效',
      '',
      `<p>依据第${i % 7}条办理。</p>`,
    ]);
  }
  await importCatalogue(ctx, agency.id, rows);
  // As before migration 0013: every vector holds version-1 tokens only.
  const all = await database.db
    .selectFrom('catalogue_items')
    .select(['id', 'title', 'doc_number', 'keywords', 'body_text'])
    .execute();
  for (const r of all) {
    const head = indexTokens(`${r.title} ${r.doc_number ?? ''} ${r.keywords}`, 1);
    const body = indexTokens(r.body_text, 1);
    await sql`update catalogue_items set search_version = 1, search = setweight(array_to_tsvector(${head}::text[]), 'A') || setweight(array_to_tsvector(${body}::text[]), 'B') where id = ${r.id}`.execute(
      database.db,
    );
  }
});
after(async () => database?.close());

/** How many published items contain the query as a substring, counted in JS over every row. */
async function truth(q: string) {
  const rows = await database.db
    .selectFrom('catalogue_items')
    .select(['title', 'doc_number', 'keywords', 'body_text'])
    .execute();
  const needle = normalizeForMatch(q);
  return rows.filter((r) =>
    normalizeForMatch(r.title + (r.doc_number ?? '') + r.keywords + r.body_text).includes(needle),
  ).length;
}
const versions = async () =>
  (
    await sql<{
      v: number;
      n: number;
    }>`select search_version as v, count(*)::int as n from catalogue_items group by 1 order by 1`.execute(database.db)
  ).rows;

const QUERIES = ['第1局发〔2015〕1号', '局发〔2015〕12号', '第2局', '实施办法', '第3条'];

test('older vectors are upgraded by the scheduler; search stays right before, during and after, and then finds numbers cut by the query', async () => {
  for (const q of QUERIES) assert.equal((await searchItems(database.db, q, {})).total, await truth(q), q);
  // Version 1 asked for the number 5, which "〔2015〕15号" does not hold: the gap the upgrade closes.
  const cut = '5号';
  const missed = (await searchItems(database.db, cut, {})).total;
  assert.ok(missed < (await truth(cut)));

  // Part-way (some rows upgraded): queries keep asking for the older tokens, which every vector has.
  const { upgradeSearchTokens } = await import('./search-tokens.ts');
  assert.deepEqual(await upgradeSearchTokens(database.db, { batch: 25, budgetMs: 0 }), { upgraded: 25 });
  assert.deepEqual(await versions(), [
    { v: 1, n: N - 25 },
    { v: SEARCH_TOKENS_VERSION, n: 25 },
  ]);
  for (const q of QUERIES) assert.equal((await searchItems(database.db, q, {})).total, await truth(q), q);
  // Upgraded rows may already be found by it (their vectors hold every suffix of a number); none is lost.
  const partial = (await searchItems(database.db, cut, {})).total;
  assert.ok(partial >= missed && partial <= (await truth(cut)));

  // The scheduler's pass upgrades the rest; then the newest tokens are asked for.
  const pass = await tick({ db: database.db, now, transport: null, mailFrom: 'x <x@x.cn>' });
  assert.deepEqual(pass.search, { upgraded: N - 25 });
  assert.deepEqual(await versions(), [{ v: SEARCH_TOKENS_VERSION, n: N }]);
  for (const q of [...QUERIES, cut, '〕1', '发〔201', '015', '2015'])
    assert.equal((await searchItems(database.db, q, {})).total, await truth(q), q);
  const again = await tick({ db: database.db, now, transport: null, mailFrom: 'x <x@x.cn>' });
  assert.deepEqual(again.search, { upgraded: 0 });
});
