import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type TransactionSettings,
} from 'kysely';
import type pg from 'pg';
import type { DB } from './schema.ts';

/** A replica further behind than this serves no reads (the primary does). */
export const MAX_REPLICA_LAG_MS = 10_000;
const CHECK_MS = 2000;

export interface ReadHealth {
  /** Where reads go now. */
  serving: 'replica' | 'primary';
  /** `lagMs`: since the last replayed commit; null when down or when none was replayed since the replica started. */
  replica: { status: 'ok' | 'lagging' | 'down'; lagMs: number | null; message?: string; checkedAt: string | null };
}

/**
 * Portal reads that fail safe: they go to the replica (`DATABASE_READ_URL`) while it answers and is less than
 * MAX_REPLICA_LAG_MS behind, else to the primary. The replica is checked every two seconds; a connection the
 * replica refuses marks it down at once and the read is taken by the primary.
 */
export function readRouter(primary: pg.Pool, replica: pg.Pool) {
  const primaryDriver = new PostgresDialect({ pool: primary }).createDriver();
  // A replica that stops cuts its connections: an error on a client checked out must not crash the process.
  const quiet = new WeakSet<pg.PoolClient>();
  // A client whose session ended goes back to the pool until its socket's end is read: the next read or health
  // check would take it and fail. One that met a lost connection is released as broken (the pool drops it).
  const lost = new WeakSet<pg.PoolClient>();
  const replicaPool = {
    connect: async () => {
      const c = await replica.connect();
      if (!quiet.has(c)) {
        quiet.add(c);
        c.on('error', () => lost.add(c));
        const query = c.query.bind(c) as (...args: unknown[]) => unknown;
        (c as { query: unknown }).query = (...args: unknown[]) => {
          const r = query(...args);
          if (r instanceof Promise) r.catch((err: unknown) => connectionLost(err) && lost.add(c));
          return r;
        };
      }
      const release = c.release;
      c.release = (err?: Error | boolean) => release(err || lost.has(c));
      return c;
    },
    end: async () => {},
  };
  const replicaDriver = new PostgresDialect({ pool: replicaPool as unknown as pg.Pool }).createDriver();
  const health: ReadHealth = { serving: 'primary', replica: { status: 'down', lagMs: null, checkedAt: null } };
  const owner = new WeakMap<DatabaseConnection, Driver>();
  // The primary's flushed WAL position at the last check that asked for it (two seconds ago or more).
  let primaryLsn: string | null = null;
  const check = async () => {
    try {
      const r = await replica.query<{ lag: number | null }>(
        `select case when pg_is_in_recovery() then
           extract(epoch from now() - pg_last_xact_replay_timestamp()) * 1000 else 0 end as lag`,
      );
      // Null: no commit replayed since the replica started (it may be far behind): judged by WAL alone.
      const raw = r.rows[0]?.lag;
      const lag = raw === null || raw === undefined ? null : Math.max(0, Math.round(Number(raw)));
      // An idle primary writes nothing to replay, and one busy in a long transaction commits nothing: the time
      // since the last replayed commit grows without the replica falling behind. Behind means the replica has
      // not replayed WAL the primary had flushed at the previous check (what it flushed a moment ago may still
      // be on its way).
      let behind = false;
      if (lag === null || lag > MAX_REPLICA_LAG_MS) {
        const seen = await primaryFlushLsn(primary);
        behind = await replicaBehind(replica, primaryLsn ?? seen);
        primaryLsn = seen;
      } else primaryLsn = null;
      health.replica = { status: behind ? 'lagging' : 'ok', lagMs: lag, checkedAt: new Date().toISOString() };
    } catch (err) {
      health.replica = {
        status: 'down',
        lagMs: null,
        message: (err as Error).message,
        checkedAt: new Date().toISOString(),
      };
    }
    health.serving = health.replica.status === 'ok' ? 'replica' : 'primary';
  };
  const ready = check();
  const timer = setInterval(() => void check(), CHECK_MS);
  timer.unref();
  const down = (err: unknown) => {
    health.replica = {
      status: 'down',
      lagMs: null,
      message: (err as Error).message,
      checkedAt: new Date().toISOString(),
    };
    health.serving = 'primary';
  };
  const driver: Driver = {
    async init() {
      await Promise.all([primaryDriver.init(), replicaDriver.init()]);
      await ready;
    },
    async acquireConnection() {
      if (health.serving === 'replica') {
        try {
          const c = await replicaDriver.acquireConnection();
          // A connection the replica cut (it stopped) fails its query: the replica is marked down and the
          // read, outside a transaction, is run again on the primary.
          let inTransaction = false;
          const wrapped: DatabaseConnection = {
            async executeQuery(q) {
              try {
                return await c.executeQuery(q);
              } catch (err) {
                if (!connectionLost(err)) throw err; // the query's own error
                down(err);
                if (inTransaction) throw err;
                const p = await primaryDriver.acquireConnection();
                try {
                  return await p.executeQuery(q);
                } finally {
                  await primaryDriver.releaseConnection(p);
                }
              }
            },
            streamQuery: (q, size) => c.streamQuery(q, size),
          };
          owner.set(wrapped, {
            ...replicaDriver,
            beginTransaction: async (_w, st) => {
              inTransaction = true;
              await replicaDriver.beginTransaction(c, st);
            },
            commitTransaction: (_w) => replicaDriver.commitTransaction(c),
            rollbackTransaction: (_w) => replicaDriver.rollbackTransaction(c),
            releaseConnection: (_w) => replicaDriver.releaseConnection(c),
          } as Driver);
          return wrapped;
        } catch (err) {
          health.replica = {
            status: 'down',
            lagMs: null,
            message: (err as Error).message,
            checkedAt: new Date().toISOString(),
          };
          health.serving = 'primary';
        }
      }
      const c = await primaryDriver.acquireConnection();
      owner.set(c, primaryDriver);
      return c;
    },
    beginTransaction: (c: DatabaseConnection, s: TransactionSettings) => owner.get(c)!.beginTransaction(c, s),
    commitTransaction: (c: DatabaseConnection) => owner.get(c)!.commitTransaction(c),
    rollbackTransaction: (c: DatabaseConnection) => owner.get(c)!.rollbackTransaction(c),
    releaseConnection: (c: DatabaseConnection) => owner.get(c)!.releaseConnection(c),
    async destroy() {
      clearInterval(timer);
    },
  };
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return {
    db,
    health: () => health,
    check,
    close: async () => {
      clearInterval(timer);
    },
  };
}

async function primaryFlushLsn(primary: pg.Pool): Promise<string | null> {
  try {
    const p = await primary.query<{ lsn: string }>('select pg_current_wal_flush_lsn()::text as lsn');
    return p.rows[0]?.lsn ?? null;
  } catch {
    return null;
  }
}

/** Whether the replica has not replayed up to `lsn` (a primary position); unknown counts as behind. */
async function replicaBehind(replica: pg.Pool, lsn: string | null): Promise<boolean> {
  if (!lsn) return true;
  const r = await replica.query<{ behind: boolean }>(
    'select coalesce(pg_last_wal_replay_lsn() < $1::pg_lsn, false) as behind',
    [lsn],
  );
  return r.rows[0]?.behind ?? true;
}

/**
 * Whether an error means the replica's connection is gone rather than the query failing: no answer of the server
 * (a socket cut), a session ended by the server (FATAL: `pg_ctl stop -m fast` ends each session with 57P01),
 * operator intervention (57P01–57P03) or a connection exception (class 08).
 */
export function connectionLost(err: unknown): boolean {
  const e = err as { severity?: string; code?: string };
  if (!e.severity) return true;
  if (e.severity === 'FATAL' || e.severity === 'PANIC') return true;
  return /^(57P0[123]|08)/.test(e.code ?? '');
}
