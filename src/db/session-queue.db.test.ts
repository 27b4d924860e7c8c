import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import pg from 'pg';
import { dataDirSecretKey } from '../../test/helpers/db.ts';
import { type Database, openDatabase } from './connect.ts';

/**
 * The embedded database's host shared by several connections (the server's and CLI commands' beside it): one
 * PGlite session, handed to one connection for a whole exchange or transaction (session-queue.ts). Runs on
 * the embedded database whatever DATABASE_URL says: it is the host that is tested.
 */
let dataDir: string;
let own: Database;
let other: pg.Pool;
let socketDir: string;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gongkai-session-'));
  own = await openDatabase({ dataDir, databaseUrl: undefined, secretKey: dataDirSecretKey(dataDir) });
  socketDir = (own.pool as unknown as { options: { host: string } }).options.host;
  other = new pg.Pool({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 4 });
  await own.pool.query('create table shared_t (x int)');
});
after(async () => {
  await other.end();
  await own.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A bare protocol client: sends messages as it is told, so a test can pause inside an exchange. */
async function rawClient(path: string) {
  const socket = connect(path);
  await once(socket, 'connect');
  let buf = Buffer.alloc(0);
  socket.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
  });
  const msg = (type: string, ...parts: Buffer[]) => {
    const body = Buffer.concat(parts);
    const head = Buffer.alloc(5);
    head.write(type, 0);
    head.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([head, body]);
  };
  const cstr = (v: string) => Buffer.from(`${v}\0`);
  const i16 = (v: number) => Buffer.from([v >> 8, v & 0xff]);
  const i32 = (v: number) => {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    return b;
  };
  /** Reads messages up to ReadyForQuery: the column names, the rows' text values, the errors. */
  const untilReady = async () => {
    const out = { columns: [] as string[], rows: [] as string[][], errors: [] as string[] };
    for (;;) {
      while (buf.length >= 5 && buf.length >= 1 + buf.readInt32BE(1)) {
        const type = String.fromCharCode(buf[0]!);
        const body = buf.subarray(5, 1 + buf.readInt32BE(1));
        buf = buf.subarray(1 + buf.readInt32BE(1));
        if (type === 'Z') return out;
        if (type === 'T') out.columns = [body.subarray(2, body.indexOf(0, 2)).toString()];
        if (type === 'E') out.errors.push(body.toString('latin1'));
        if (type === 'D') out.rows.push([body.subarray(6, 6 + body.readInt32BE(2)).toString()]);
      }
      await once(socket, 'data');
    }
  };
  const startup = Buffer.concat([
    i32(196608),
    cstr('user'),
    cstr('postgres'),
    cstr('database'),
    cstr('postgres'),
    cstr(''),
  ]);
  socket.write(Buffer.concat([i32(startup.length + 4), startup]));
  await untilReady();
  return {
    parse: (text: string) => socket.write(msg('P', cstr(''), cstr(text), i16(0))),
    bindExecuteSync: (value: string) =>
      socket.write(
        Buffer.concat([
          msg('B', cstr(''), cstr(''), i16(0), i16(1), i32(Buffer.byteLength(value)), Buffer.from(value), i16(0)),
          msg('D', Buffer.from('P'), cstr('')),
          msg('E', cstr(''), i32(0)),
          msg('S'),
        ]),
      ),
    untilReady,
    end: () => socket.destroy(),
  };
}

test("another connection's query waits for an exchange in progress instead of replacing its statement", async () => {
  const a = await rawClient(join(socketDir, '.s.PGSQL.5432'));
  try {
    a.parse('select $1::text as a');
    await setTimeout(100);
    // With the exchange above half sent, a second connection asks (its own unnamed statement and portal).
    const b = other.query('select $1::int as b, $2::int as c', [1, 2]);
    await setTimeout(200);
    a.bindExecuteSync('hello');
    const r = await a.untilReady();
    assert.deepEqual(r, { columns: ['a'], rows: [['hello']], errors: [] });
    assert.deepEqual((await b).rows, [{ b: 1, c: 2 }]);
  } finally {
    a.end();
  }
});

test('concurrent parameterised queries on several connections each get their own answer', async () => {
  const mine = Array.from({ length: 100 }, (_, i) =>
    own.pool.query<{ a: number }>('select $1::int as a', [i]).then((r) => assert.deepEqual(r.rows, [{ a: i }])),
  );
  const theirs = Array.from({ length: 100 }, (_, i) =>
    other
      .query<{ b: string; c: string }>('select $1::text as b, $2::text as c', [`b${i}`, `c${i}`])
      .then((r) => assert.deepEqual(r.rows, [{ b: `b${i}`, c: `c${i}` }])),
  );
  await Promise.all([...mine, ...theirs]);
});

test("a transaction holds the session: another connection's write waits and is not part of it", async () => {
  const tx = await own.pool.connect();
  const order: string[] = [];
  try {
    await tx.query('begin');
    await tx.query('insert into shared_t values (1)');
    const outside = other.query('insert into shared_t values (2)').then(() => order.push('outside'));
    await setTimeout(200);
    order.push('rollback');
    await tx.query('rollback');
    await outside;
  } finally {
    tx.release();
  }
  assert.deepEqual(order, ['rollback', 'outside']);
  const { rows } = await other.query('select x from shared_t order by x');
  assert.deepEqual(rows, [{ x: 2 }]);
});

test('a connection that drops inside its transaction is rolled back and the others go on', async () => {
  const client = new pg.Client({
    host: socketDir,
    port: 5432,
    user: 'postgres',
    database: 'postgres',
  });
  client.on('error', () => {});
  await client.connect();
  await client.query('begin');
  await client.query('insert into shared_t values (3)');
  (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
  const { rows } = await other.query('select x from shared_t order by x');
  assert.deepEqual(rows, [{ x: 2 }]);
  const again = await own.pool.query('select count(*)::int as n from shared_t');
  assert.deepEqual(again.rows, [{ n: 1 }]);
});
