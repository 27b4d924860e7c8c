import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx } from '../../test/helpers/factory.ts';
import { importCatalogue } from '../commands/catalogue/import.ts';
import { IMPORT_COLUMNS } from '../domain/catalogue/index.ts';
import { searchItems } from './catalogue.ts';

/** A small catalogue: a walk may cover all of it, and counts are exact up to 1,000 here. */
const small = { walkShare: 1, countCap: 1000 };
const COUNT_CAP = small.countCap;

let database: TestDatabase;
const N = 3000;

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, fixedClock());
  const agency = await makeAgency(ctx, { name: '凉州区市场监督管理局' });
  // Every item says 专项整治 (a common query); one in ten, in the newest, also says 冷链 in its body only.
  const rows: string[][] = [[...IMPORT_COLUMNS]];
  for (let i = 0; i < N; i++) {
    const d = new Date(Date.UTC(2018, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    rows.push([
      `${agency.creditCode}/${d.slice(0, 4)}-${String(i + 1).padStart(6, '0')}`,
      `关于开展第${i + 1}次专项整治工作的通知`,
      '',
      d,
      d,
      '市场监管',
      '通知',
      '20.13',
      '现行有效',
      '',
      `<p>正文${i % 10 === 0 ? '冷链食品' : '普通食品'}。</p>`,
    ]);
  }
  await importCatalogue(ctx, agency.id, rows);
  await sql`analyze catalogue_items`.execute(database.db);
});
after(async () => database?.close());

test('a common query walks the newest items as far as the page needs: newest first, an estimated total, every hit a real substring match', async () => {
  const r = await searchItems(database.db, '专项整治', {}, 1, small);
  // Every item walked matched: the estimate is the catalogue's size, shown as "约".
  assert.equal(r.total, N);
  assert.ok(r.total > COUNT_CAP);
  assert.equal(r.capped, true);
  // All match in the title: newest first.
  const dates = r.rows.map((x) => x.publish_date!);
  assert.deepEqual(dates, [...dates].sort().reverse());
  assert.equal(dates[0], new Date(Date.UTC(2018, 0, 1) + (N - 1) * 86_400_000).toISOString().slice(0, 10));
  for (const x of r.rows) assert.match(x.title, /专项整治/);
  // Filtered to the agency: the index counts exactly, capped.
  const agencyId = r.rows[0]!.agency_id;
  const filtered = await searchItems(database.db, '专项整治', { agencyId }, 1, small);
  assert.equal(filtered.capped, true);
  assert.ok(filtered.total > COUNT_CAP);
  const page3 = await searchItems(database.db, '专项整治', {}, 3, small);
  assert.equal(page3.rows.length, 20);
  assert.ok(page3.rows.every((x) => !r.rows.some((y) => y.id === x.id)));
});

test('a rarer query goes to the index and counts exactly', async () => {
  const r = await searchItems(database.db, '冷链', {}, 1, small);
  assert.equal(r.total, N / 10);
  assert.equal(r.capped, false);
  for (const x of r.rows) assert.match(x.body_text, /冷链/);
  assert.equal((await searchItems(database.db, '冷链专项', {}, 1, small)).total, 0);
});
