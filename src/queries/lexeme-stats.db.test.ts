import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, type TestAgency } from '../../test/helpers/factory.ts';
import { importCatalogue } from '../commands/catalogue/import.ts';
import { IMPORT_COLUMNS } from '../domain/catalogue/index.ts';
import { currentLexemeStats } from './lexeme-stats.ts';

let database: TestDatabase;
let agency: TestAgency;
const now = fixedClock();

async function load(from: number, n: number) {
  const rows: string[][] = [[...IMPORT_COLUMNS]];
  for (let i = from; i < from + n; i++)
    rows.push([
      `${agency.creditCode}/2020-${String(i + 1).padStart(6, '0')}`,
      `第${i + 1}号通知`,
      '',
      '2020-03-01',
      '2020-03-01',
      '政务',
      '通知',
      '20.13',
      '现行有效',
      '',
      '<p>冷链食品</p>',
    ]);
  await importCatalogue(systemCtx(database, now), agency.id, rows);
  await sql`analyze catalogue_items`.execute(database.db);
}

before(async () => {
  database = await testDatabase();
  agency = await makeAgency(systemCtx(database, now), { name: '凉州区市场监督管理局' });
});
after(async () => database?.close());

test("the search plan's figures are re-read in the background once a minute old: a bulk import is seen within a minute", async () => {
  await load(0, 50);
  const t0 = 1_000_000;
  const first = await currentLexemeStats(database.db, t0);
  assert.equal(first.rows, 50);
  assert.ok(first.freq.get('冷链')! > 0.9);
  await load(50, 450);
  // Within the minute the figures stand; past it, the call answers at once with them and re-reads behind.
  assert.equal((await currentLexemeStats(database.db, t0 + 30_000)).rows, 50);
  assert.equal((await currentLexemeStats(database.db, t0 + 61_000)).rows, 50);
  let fresh = await currentLexemeStats(database.db, t0 + 61_001);
  for (let i = 0; i < 100 && fresh.rows === 50; i++) {
    await new Promise((r) => setTimeout(r, 20));
    fresh = await currentLexemeStats(database.db, t0 + 61_002);
  }
  assert.equal(fresh.rows, 500);
  assert.equal(fresh.at, t0 + 61_000);
});
