import assert from 'node:assert/strict';
import { createConnection, createServer, type Socket } from 'node:net';
import { test } from 'node:test';
import pg from 'pg';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx } from '../../test/helpers/factory.ts';
import { startTestServer } from '../../test/helpers/server.ts';
import { readRouter } from '../db/read-router.ts';

/** A TCP relay standing for the replica's address: closing it is the replica stopping (connections cut). */
async function relay(target: URL) {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    stop: async () => {
      const closed = new Promise((r) => server.close(r));
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}

test('portal reads go to the replica while it answers, to the primary once it stops; /readyz says which', {
  timeout: 120_000,
  skip: process.env.DATABASE_URL
    ? false
    : 'needs a PostgreSQL server (DATABASE_URL): the embedded database has no replica',
}, async () => {
  const database: TestDatabase = await testDatabase();
  const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
  await makeAgency(systemCtx(database, now), { name: '凉州区市场监督管理局' });
  const url = new URL(database.url!);
  const proxy = await relay(url);
  const replicaUrl = new URL(database.url!);
  replicaUrl.hostname = '127.0.0.1';
  replicaUrl.port = String(proxy.port);
  const pools = [0, 1].map(
    () => new pg.Pool({ connectionString: replicaUrl.toString(), connectionTimeoutMillis: 2000 }),
  );
  for (const p of pools) p.on('error', () => {});
  const routers = pools.map((p) => readRouter(database.pool, p));
  const servers = await Promise.all(
    routers.map((r) => startTestServer(database, now, { readDb: r.db, readHealth: r.health })),
  );
  try {
    for (const s of servers) {
      // The replica is checked every two seconds: a first check slowed down by a loaded machine is retried.
      let ready = await s.request('GET', '/readyz');
      for (let i = 0; i < 20 && ready.body.portalReads !== 'replica'; i++) {
        await new Promise((r) => setTimeout(r, 500));
        ready = await s.request('GET', '/readyz');
      }
      assert.equal(ready.status, 200);
      assert.equal(ready.body.portalReads, 'replica', JSON.stringify(ready.body));
      assert.equal(ready.body.replica.status, 'ok');
      assert.equal((await s.request('GET', '/')).status, 200);
    }
    await proxy.stop();
    // The replica is gone: every page still answers, from the primary, on both instances.
    for (const s of servers) {
      for (const path of ['/', '/search?q=通知', '/search', '/feed.xml']) {
        let r = await s.request('GET', path);
        // A read cut mid-query answers an HTML error page once; the next request is on the primary.
        if (r.status === 503) {
          assert.match(r.headers.get('content-type') ?? '', /text\/html/);
          r = await s.request('GET', path);
        }
        assert.equal(r.status, 200, `${path}: ${r.text.slice(0, 200)}`);
      }
      const ready = await s.request('GET', '/readyz');
      assert.equal(ready.status, 200, 'the instance stays ready: the primary answers');
      assert.equal(ready.body.portalReads, 'primary');
      assert.equal(ready.body.replica.status, 'down');
      assert.equal(ready.body.primary.status, 'ok');
    }
  } finally {
    for (const s of servers) await s.close();
    for (const r of routers) await r.close();
    for (const p of pools) await p.end().catch(() => {});
    await proxy.stop().catch(() => {});
    await database.close();
  }
});
