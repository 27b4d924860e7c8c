import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEST_SECRET_KEY, type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx } from '../../test/helpers/factory.ts';
import { replicaUnavailable, type StreamingReplica, startStreamingReplica } from '../../test/helpers/replica.ts';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';
import { openDatabase, openReadDatabase } from '../db/connect.ts';
import { MAX_REPLICA_LAG_MS, readRouter } from '../db/read-router.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Ask until `ok` holds (or the time is up); the last answer is returned for the assertion. */
async function until<T>(ask: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const end = Date.now() + ms;
  let v = await ask();
  while (!ok(v) && Date.now() < end) {
    await sleep(200);
    v = await ask();
  }
  return v;
}

/**
 * deploy.md's set-up with a real replica: a pg_basebackup of the local PostgreSQL streaming on another port, two
 * instances on the primary with the replica as DATABASE_READ_URL (each its own pools and read router, as two
 * `gongkai serve` would). Replay paused shows the pages come from the replica, then that a replica left behind
 * gives its reads to the primary; stopped (`pg_ctl stop -m immediate`), the portal keeps answering from the primary.
 */
test('portal reads on a real streaming replica: served there, moved to the primary when it lags or stops', {
  timeout: 90_000,
  skip: replicaUnavailable() ?? false,
}, async (t) => {
  const cleanup: (() => Promise<unknown>)[] = [];
  t.after(async () => {
    for (const f of cleanup.reverse()) await f().catch((err) => t.diagnostic(`cleanup: ${err}`));
  });
  const started = Date.now();
  const database: TestDatabase = await testDatabase();
  cleanup.push(() => database.close());
  const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
  const agency = await makeAgency(systemCtx(database, now), { name: '凉州区市场监督管理局' });
  const name = new URL(database.url!).pathname.slice(1);
  const migrated = Date.now() - started;

  const replica: StreamingReplica = await startStreamingReplica(process.env.DATABASE_URL!);
  cleanup.push(() => replica.remove());
  t.diagnostic(`test database after ${migrated} ms, replica on port ${replica.port} after ${Date.now() - started} ms`);
  const [copied] = await replica.query<{ n: string }>('select count(*) as n from agencies', name);
  assert.equal(Number(copied?.n), 1, "the copy holds the test database's rows");

  const other = await openDatabase({
    dataDir: database.dataDir,
    databaseUrl: database.url!,
    secretKey: TEST_SECRET_KEY,
  });
  cleanup.push(() => other.close());
  const servers: TestServer[] = [];
  const routers: ReturnType<typeof readRouter>[] = [];
  for (const primary of [database, other]) {
    const read = await openReadDatabase(replica.url(name));
    cleanup.push(() => read.close());
    const router = readRouter(primary.pool, read.pool);
    cleanup.push(() => router.close());
    const server = await startTestServer(primary, now, { readDb: router.db, readHealth: router.health });
    cleanup.push(() => server.close());
    routers.push(router);
    servers.push(server);
  }
  const readyz = (s: TestServer) => s.request('GET', '/readyz');
  for (const s of servers) {
    const r = await until(
      () => readyz(s),
      (r) => r.body.portalReads === 'replica',
      10_000,
    );
    assert.equal(r.status, 200);
    assert.equal(r.body.portalReads, 'replica', JSON.stringify(r.body));
    assert.equal(r.body.replica.status, 'ok');
    assert.equal(r.body.primary.status, 'ok');
  }

  const tk = {
    operator: await servers[0]!.apiToken(agency.users.operator.username),
    reviewer: await servers[0]!.apiToken(agency.users.reviewer.username),
    approver: await servers[0]!.apiToken(agency.users.approver.username),
  };
  const publish = async (title: string) => {
    const c = await servers[0]!.request('POST', '/api/v1/catalogue/items', {
      token: tk.operator,
      body: { title, genre: 'notice', articleItem: '20.13', bodyHtml: '<p>正文</p>' },
    });
    assert.equal(c.status, 201, c.text);
    const id = c.body.id as string;
    const step = (s: string, token: string, body: object = {}) =>
      servers[0]!.request('POST', `/api/v1/catalogue/items/${id}/${s}`, { token, body });
    assert.equal((await step('submit', tk.operator)).status, 200);
    assert.equal((await step('review', tk.reviewer, { disclosure: 'proactive' })).status, 200);
    assert.equal((await step('approve', tk.approver)).status, 200);
    return id;
  };
  const page = (s: TestServer, id: string) => s.request('GET', `/items/${id}`);

  // Published on the primary, the item reaches both portals once the replica has replayed it.
  const first = await publish('关于开展食品安全专项整治的通知');
  for (const s of servers)
    assert.equal(
      (
        await until(
          () => page(s, first),
          (r) => r.status === 200,
          10_000,
        )
      ).status,
      200,
    );

  // Replay paused: the primary has the next item, the replica not yet, and the portals do not show it: they
  // read on the replica. The last replayed write is seconds old, well under the lag limit.
  await replica.query('select pg_wal_replay_pause()');
  const paused = Date.now();
  const second = await publish('关于暂停复制期间发布的公告');
  for (const [i, s] of servers.entries()) {
    assert.equal(routers[i]!.health().serving, 'replica');
    const r = await page(s, second);
    assert.equal(r.status, 404, 'read on the replica, which has not replayed the item');
    assert.match(r.headers.get('content-type') ?? '', /text\/html/);
  }
  assert.ok(Date.now() - paused < MAX_REPLICA_LAG_MS, 'the check above ran while the replica was close behind');

  // Left behind for longer than the limit (pg_last_xact_replay_timestamp() old and WAL not replayed), the
  // replica is reported lagging and the pages come from the primary: the item is there.
  for (const s of servers) {
    const r = await until(
      () => readyz(s),
      (r) => r.body.replica?.status === 'lagging',
      MAX_REPLICA_LAG_MS + 15_000,
    );
    assert.equal(r.status, 200);
    assert.equal(r.body.replica.status, 'lagging', JSON.stringify(r.body));
    assert.equal(r.body.portalReads, 'primary');
    assert.ok(r.body.replica.lagMs > MAX_REPLICA_LAG_MS, JSON.stringify(r.body));
    assert.equal((await page(s, second)).status, 200, 'read on the primary');
  }
  t.diagnostic(`replica reported lagging ${Date.now() - paused} ms after replay was paused`);

  // Replay resumed: caught up, the replica takes the reads again though its last replayed write is old (the
  // primary has nothing it lacks).
  await replica.query('select pg_wal_replay_resume()');
  for (const s of servers) {
    const r = await until(
      () => readyz(s),
      (r) => r.body.portalReads === 'replica',
      15_000,
    );
    assert.equal(r.body.portalReads, 'replica', JSON.stringify(r.body));
    assert.equal(r.body.replica.status, 'ok');
    assert.equal((await page(s, second)).status, 200);
  }

  // The replica stops as in a crash: every page still answers, from the primary, on both instances, and no
  // request meets an error.
  await replica.stop();
  const stopped = Date.now();
  const paths = ['/', `/items/${first}`, `/items/${second}`, '/search?q=通知', '/search', '/feed.xml', '/reports'];
  for (let round = 0; round < 3; round++) {
    for (const s of servers) {
      for (const path of paths) {
        const r = await s.request('GET', path);
        assert.equal(r.status, 200, `${path}: ${r.text.slice(0, 300)}`);
        if (path !== '/feed.xml') assert.match(r.headers.get('content-type') ?? '', /text\/html/);
      }
    }
    if (round === 0) await sleep(2500); // past the next health check: the check, not a cut read, has moved them
  }
  for (const s of servers) {
    const r = await readyz(s);
    assert.equal(r.status, 200, 'the instance stays ready: the primary answers');
    assert.equal(r.body.status, 'ok');
    assert.equal(r.body.portalReads, 'primary');
    assert.equal(r.body.replica.status, 'down');
    assert.equal(r.body.replica.lagMs, null);
    assert.equal(r.body.primary.status, 'ok');
  }
  t.diagnostic(`replica stopped ${Date.now() - stopped} ms ago; the test took ${Date.now() - started} ms`);
});
