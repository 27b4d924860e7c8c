import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { COLUMN_PARTS } from '../../domain/catalogue/column.ts';

/**
 * The sitemap index at a small per-file limit (7 URLs): as many item files as slices, every published 主动公开
 * item in exactly one of them, none of the others anywhere; the SQL walks the partial index (no OFFSET).
 */
let database: TestDatabase;
let server: TestServer;
let agencies: TestAgency[];
const PER_FILE = 7;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  agencies = [await makeAgency(ctx, { name: '凉州区教育局' }), await makeAgency(ctx, { name: '凉州区卫生健康局' })];
  // 40 published 主动公开 items (5 full files and one of 5), besides drafts, withdrawn and 依申请公开 ones.
  const kinds = [
    ...Array.from({ length: 40 }, () => ['published', 'proactive']),
    ...Array.from({ length: 4 }, () => ['draft', 'proactive']),
    ...Array.from({ length: 3 }, () => ['withdrawn', 'proactive']),
    ...Array.from({ length: 3 }, () => ['published', 'on_request']),
  ];
  for (const [i, [state, disclosure]] of kinds.entries()) {
    await sql`insert into catalogue_items (agency_id, title, genre, state, disclosure, publish_date)
      values (${agencies[i % 2]!.id}, ${`文件${i}`}, 'notice', ${state}, ${disclosure}, ${'2025-06-01'})`.execute(
      database.db,
    );
  }
  server = await startTestServer(database, now, { sitemapUrlsPerFile: PER_FILE });
});
after(async () => {
  await server.close();
  await database.close();
});

const locs = (xml: string) => [...xml.matchAll(/<loc>https?:\/\/[^/<]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]!);

test('the index lists one file per slice of the per-file limit; every public item is in exactly one', async () => {
  const index = await server.request('GET', '/sitemap.xml');
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-type') ?? '', /application\/xml/);
  const files = locs(index.text);
  assert.equal(files[0], '/sitemaps/pages.xml');
  assert.equal(files.length, 1 + Math.ceil(40 / PER_FILE));
  const seen: string[] = [];
  for (const f of files.slice(1)) {
    const r = await server.request('GET', f);
    assert.equal(r.status, 200, f);
    const urls = locs(r.text);
    assert.ok(urls.length > 0 && urls.length <= PER_FILE, `${f}: ${urls.length}`);
    assert.equal(f, `/sitemaps/items/${urls[0]!.slice('/items/'.length)}.xml`, 'a file is named by its first item');
    seen.push(...urls);
  }
  const expected = await sql<{ id: string }>`select id from catalogue_items
    where state = 'published' and disclosure = 'proactive' order by id`.execute(database.db);
  assert.deepEqual(
    seen,
    expected.rows.map((r) => `/items/${r.id}`),
  );
  assert.equal(new Set(seen).size, 40, 'no item twice');
  // The pages file: the site's pages and each agency's five column parts.
  const pages = locs((await server.request('GET', '/sitemaps/pages.xml')).text);
  assert.equal(pages.length, 6 + (await agencyCount()) * (1 + COLUMN_PARTS.length));
});

test('the reads use the partial index in id order, never OFFSET', async () => {
  await sql`analyze catalogue_items`.execute(database.db);
  await sql`set enable_seqscan = off`.execute(database.db);
  const plan = async (q: ReturnType<typeof sql>) =>
    (await sql<{ 'QUERY PLAN': string }>`explain ${q}`.execute(database.db)).rows
      .map((r) => r['QUERY PLAN'])
      .join('\n');
  const first = (
    await sql<{ id: string }>`select id::text id from catalogue_items order by id limit 1`.execute(database.db)
  ).rows[0]!.id;
  const file = await plan(
    sql`select id, publish_date from catalogue_items where state = 'published' and disclosure = 'proactive'
      and id >= ${sql.lit(first)} order by id limit 7`,
  );
  assert.match(file, /Index Only Scan using catalogue_items_sitemap_idx/);
  assert.doesNotMatch(file, /Sort/);
  const index = await plan(
    sql`select id from (select id, row_number() over (order by id) - 1 as rn from catalogue_items
      where state = 'published' and disclosure = 'proactive') s where rn % 7 = 0 order by id`,
  );
  assert.match(index, /Index Only Scan using catalogue_items_sitemap_idx/);
  assert.doesNotMatch(index, /Sort/);
  await sql`reset enable_seqscan`.execute(database.db);
});

async function agencyCount() {
  return (await sql<{ n: number }>`select count(*)::int n from agencies`.execute(database.db)).rows[0]!.n;
}
