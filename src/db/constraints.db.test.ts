import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { makeAgency, systemCtx } from '../../test/helpers/factory.ts';
import { CASE_STATES, OUTCOMES } from '../domain/case/index.ts';
import { ITEM_STATE_LABELS } from '../domain/catalogue/index.ts';
import { REPORT_STATUSES } from '../domain/report/status.ts';

let database: TestDatabase;
before(async () => {
  database = await testDatabase();
});
after(() => database.close());

/** The values a column's check constraint allows, read from the database's own definition of it. */
async function allowed(table: string, column: string): Promise<string[]> {
  const { rows } = await database.pool.query<{ def: string }>(
    `select pg_get_constraintdef(c.oid) as def from pg_constraint c
      join pg_class t on t.oid = c.conrelid
      join pg_attribute a on a.attrelid = t.oid and a.attnum = any(c.conkey)
     where c.contype = 'c' and t.relname = $1 and a.attname = $2`,
    [table, column],
  );
  assert.equal(rows.length, 1, `one check constraint on ${table}.${column}`);
  return [...rows[0]!.def.matchAll(/'([^']*)'::text/g)].map((m) => m[1]!).sort();
}

test('the database allows exactly the domain’s closed lists', async () => {
  const cases: [string, string, readonly string[]][] = [
    ['applications', 'state', CASE_STATES],
    ['applications', 'outcome', OUTCOMES],
    ['catalogue_items', 'state', Object.keys(ITEM_STATE_LABELS)],
    ['annual_reports', 'status', REPORT_STATUSES],
  ];
  for (const [table, column, list] of cases)
    assert.deepEqual(await allowed(table, column), [...list].sort(), `${table}.${column}`);
});

test('a value outside the list is refused by the database itself', async () => {
  const agency = await makeAgency(systemCtx(database));
  const insert = (state: string) =>
    database.pool.query(
      `insert into catalogue_items (agency_id, title, genre, state) values ($1, '关于开展抽检工作的通知', 'notice', $2)`,
      [agency.id, state],
    );
  await insert('draft');
  await assert.rejects(insert('limbo'), /catalogue_items_state_check/);
});
