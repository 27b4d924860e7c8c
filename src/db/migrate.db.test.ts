import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { listMigrations, migrate } from './migrate.ts';

let database: TestDatabase;
before(async () => {
  database = await testDatabase();
});
after(() => database.close());

test('every migration is applied once, in order, and a second run applies nothing', async () => {
  const { rows } = await database.pool.query('select version from schema_migrations order by version');
  assert.deepEqual(
    rows.map((r) => r.version),
    listMigrations().map((m) => m.version),
  );
  assert.deepEqual(await migrate(database.pool), []);
});

test('migration files are numbered without gaps', () => {
  for (const [i, m] of listMigrations().entries()) assert.equal(m.version, i + 1, `${m.version}_${m.name}`);
});

test('date columns come back as YYYY-MM-DD strings', async () => {
  const r = await sql<{ d: unknown }>`select date '2020-02-02' as d`.execute(database.db);
  assert.equal(r.rows[0]!.d, '2020-02-02');
});

test(`runs on ${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'}`, async () => {
  const r = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(database.db);
  assert.match(r.rows[0]!.v, /^\d+/);
  assert.equal(database.kind, process.env.DATABASE_URL ? 'postgres' : 'embedded');
});
