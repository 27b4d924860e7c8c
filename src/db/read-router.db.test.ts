import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { readRouter } from './read-router.ts';

test('a read whose replica session the server ends (FATAL 57P01, as `pg_ctl stop -m fast` does) is run on the primary', {
  timeout: 60_000,
  skip: process.env.DATABASE_URL ? false : 'needs a PostgreSQL server (DATABASE_URL): pg_terminate_backend',
}, async (t) => {
  const database: TestDatabase = await testDatabase();
  t.after(() => database.close());
  // The "replica" is the same database under another application_name: its sessions can be told apart.
  const url = new URL(database.url!);
  url.searchParams.set('application_name', 'gk-read-replica');
  const replica = new pg.Pool({ connectionString: url.toString(), connectionTimeoutMillis: 2000 });
  replica.on('error', () => {});
  t.after(() => replica.end());
  const router = readRouter(database.pool, replica);
  t.after(() => router.close());
  await router.check();
  assert.equal(router.health().serving, 'replica');

  // Slow on the replica only, so the session can be ended mid-query; at once on the primary.
  const read = sql<{ app: string }>`select current_setting('application_name') as app,
    pg_sleep(case when current_setting('application_name') = 'gk-read-replica' then 20 else 0 end)::text as slept`
    .execute(router.db)
    .then((r) => r.rows[0]!.app);
  let ended = 0;
  for (let i = 0; i < 100 && ended === 0; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const r = await database.pool.query<{ ended: boolean }>(
      `select pg_terminate_backend(pid) as ended from pg_stat_activity
        where application_name = 'gk-read-replica' and state = 'active' and query like '%pg_sleep%'`,
    );
    ended = r.rows.filter((row) => row.ended).length;
  }
  assert.equal(ended, 1, 'the replica session running the read was ended');
  assert.notEqual(await read, 'gk-read-replica', 'the read was answered by the primary');
  // A query's own error is still the query's: not retried, the replica not marked down.
  await router.check();
  await assert.rejects(sql`select 'x'::int`.execute(router.db), /invalid input syntax/);
  assert.equal(router.health().replica.status, 'ok', JSON.stringify(router.health()));
});
