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
  const replicaPool = {
    connect: async () => {
      const c = await replica.connect();
      if (!quiet.has(c)) {
        quiet.add(c);
        c.on('error', () => {});
      }
      return c;
    },
    end: async () => {},
  };
  const replicaDriver = new PostgresDialect({ pool: replicaPool as unknown as pg.Pool }).createDriver();
  const health: ReadHealth = { serving: 'primary', replica: { status: 'down', lagMs: null, checkedAt: null } };
  const owner = new WeakMap<DatabaseConnection, Driver>();
  const check = async () => {
    try {
      const r = await replica.query<{ lag: number | null }>(
        `select case when pg_is_in_recovery() then
           coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()) * 1000, 0) else 0 end as lag`,
      );
      const lag = Math.max(0, Math.round(Number(r.rows[0]?.lag ?? 0)));
      // An idle primary writes nothing to replay: the lag since the last replayed write grows without the
      // replica falling behind. Behind means the primary has WAL the replica has not replayed.
      const behind = lag > MAX_REPLICA_LAG_MS && (await replicaBehind(primary, replica));
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
                if ((err as { severity?: string }).severity) throw err; // an answer of the server: the query's own error
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

async function replicaBehind(primary: pg.Pool, replica: pg.Pool): Promise<boolean> {
  try {
    const p = await primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
    const r = await replica.query<{ behind: boolean }>(
      'select coalesce(pg_last_wal_replay_lsn() < $1::pg_lsn, false) as behind',
      [p.rows[0]!.lsn],
    );
    return r.rows[0]?.behind ?? true;
  } catch {
    return true;
  }
}
