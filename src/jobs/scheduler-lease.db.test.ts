import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TEST_SECRET_KEY, type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock } from '../../test/helpers/factory.ts';
import { type Database, openDatabase } from '../db/connect.ts';
import { type Pass, startScheduler, tickOnce } from './scheduler.ts';

/**
 * One scheduler pass per interval across instances. On PostgreSQL the second instance has its own connection
 * pool (as a second process has); the embedded database is one process, so there both loops share it.
 */
let database: TestDatabase;
let second: Database | null = null;
before(async () => {
  database = await testDatabase();
  if (database.url)
    second = await openDatabase({ dataDir: database.dataDir, databaseUrl: database.url, secretKey: TEST_SECRET_KEY });
});
after(async () => {
  await second?.close();
  await database.close();
});
const dbB = () => second?.db ?? database.db;

test('an interval already passed by one instance is skipped by the other, and the next one is run', async () => {
  const now = fixedClock(new Date('2026-03-02T01:00:10Z'));
  const deps = (db: TestDatabase['db']) => ({ db, now, transport: null, mailFrom: 'x <x@x.cn>' });
  const a = await tickOnce(deps(database.db), 60_000, 'a');
  assert.equal(a?.intervalStart.toISOString(), '2026-03-02T01:00:00.000Z');
  now.set(new Date('2026-03-02T01:00:50Z'));
  assert.equal(await tickOnce(deps(dbB()), 60_000, 'b'), null, 'same minute: B skips');
  assert.equal(await tickOnce(deps(database.db), 60_000, 'a'), null, 'same minute: A does not run twice');
  now.set(new Date('2026-03-02T01:01:00Z'));
  const b = await tickOnce(deps(dbB()), 60_000, 'b');
  assert.equal(b?.intervalStart.toISOString(), '2026-03-02T01:01:00.000Z');
  const rows = await database.pool.query(
    "select instance, finished_at is not null as done from scheduler_passes where interval_start >= '2026-03-02' order by 1",
  );
  assert.deepEqual(rows.rows, [
    { instance: 'a', done: true },
    { instance: 'b', done: true },
  ]);
});

test('two scheduler loops, out of phase, make one pass per interval between them', async () => {
  const INTERVAL = 400;
  const passes: { by: string; pass: Pass }[] = [];
  const deps = (db: TestDatabase['db']) => ({ db, now: () => new Date(), transport: null, mailFrom: 'x <x@x.cn>' });
  const stops = [
    startScheduler(deps(database.db), INTERVAL, {
      instance: 'loop-a',
      onPass: (pass) => passes.push({ by: 'a', pass }),
    }),
  ];
  // B ticks half an interval after A: with only the advisory lock (no overlap) both would pass every interval.
  await new Promise((r) => setTimeout(r, INTERVAL / 2));
  stops.push(
    startScheduler(deps(dbB()), INTERVAL, { instance: 'loop-b', onPass: (pass) => passes.push({ by: 'b', pass }) }),
  );
  await new Promise((r) => setTimeout(r, INTERVAL * 10));
  for (const stop of stops) stop();
  await new Promise((r) => setTimeout(r, INTERVAL)); // a pass under way ends
  const keys = passes.map((p) => p.pass.intervalStart.getTime());
  assert.ok(passes.length >= 3, `${passes.length} passes in 10 intervals`);
  assert.equal(new Set(keys).size, keys.length, 'no interval passed twice');
  const rows = await database.pool.query<{ t: Date; instance: string }>(
    "select interval_start as t, instance from scheduler_passes where instance like 'loop-%' order by 1",
  );
  // Every pass has its row and every row its pass: the table is the record of what ran.
  assert.deepEqual(
    rows.rows.map(
      (r) => `${r.t.getTime()} loop-${passes.find((p) => p.pass.intervalStart.getTime() === r.t.getTime())?.by}`,
    ),
    rows.rows.map((r) => `${r.t.getTime()} ${r.instance}`),
  );
  assert.equal(rows.rows.length, passes.length);
});
