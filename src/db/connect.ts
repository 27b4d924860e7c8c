import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config/index.ts';
import { type AuditSettings, auditKeysPlugin } from './audit-keys.ts';
import { type EmbeddedOptions, startEmbedded } from './embedded.ts';
import { DatabaseLockedError } from './lock.ts';
import type { DB } from './schema.ts';

// `date` columns travel as 'YYYY-MM-DD' strings, never JS Dates (time zones would shift them).
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// Counts come back as int8; every count here fits a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export interface Database {
  db: Kysely<DB>;
  pool: pg.Pool;
  kind: 'embedded' | 'postgres';
  /** The pid of the running server whose embedded database this process uses (a CLI command beside it). */
  besideServer?: number;
  /** A server calls this once it serves: CLI commands may then use its embedded database (no-op on PostgreSQL). */
  share?(): void;
  close(): Promise<void>;
}

export interface OpenOptions extends Partial<Omit<EmbeddedOptions, 'role'>> {
  max?: number;
  /** `server` for `gongkai serve`; anything else is a command (tests, the CLI). */
  role?: EmbeddedOptions['role'];
}

/** The secret key (and the data dir) go with the handle: the audit trail's keys are derived from it (audit-keys.ts). */
export async function openDatabase(
  config: Pick<Config, 'dataDir' | 'databaseUrl' | 'secretKey'> & Partial<Pick<Config, 'auditCheckpointEmail'>>,
  opts: OpenOptions = {},
): Promise<Database> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: opts.max ?? 10 });
    await checkConnection(pool);
    return wrap(pool, 'postgres', async () => {}, config);
  }
  const embedded = await startEmbedded(config.dataDir, { ...opts, role: opts.role ?? 'command' });
  // PGlite is one session: the host gives each connection the session for a whole exchange or transaction
  // (session-queue.ts), so one connection here serialises this process's queries and never waits on itself;
  // commands never use the pool from inside their own transaction.
  const pool = new pg.Pool({ host: embedded.socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 });
  try {
    await checkConnection(pool);
  } catch (err) {
    await pool.end().catch(() => {});
    await embedded.stop();
    if (embedded.besideServer === undefined) throw err;
    throw new DatabaseLockedError(
      `服务（进程 ${embedded.besideServer}）的内置数据库没有响应：${(err as Error).message}` +
        ` (the running server's database does not answer)`,
    );
  }
  const database = wrap(pool, 'embedded', () => embedded.stop(), config);
  return { ...database, besideServer: embedded.besideServer, share: () => embedded.share() };
}

/**
 * A read-only pool on a replica (`DATABASE_READ_URL`): portal pages and search, through read-router.ts. Not
 * checked here: a replica down at start-up leaves the reads on the primary until it answers.
 */
export async function openReadDatabase(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 2000 });
  return wrap(pool, 'postgres', async () => {});
}

async function checkConnection(pool: pg.Pool) {
  try {
    await pool.query('select 1');
  } catch (err) {
    await pool.end().catch(() => {});
    throw new Error(`无法连接数据库 (cannot connect to the database): ${(err as Error).message}`);
  }
}

function wrap(pool: pg.Pool, kind: Database['kind'], stop: () => Promise<void>, audit?: AuditSettings): Database {
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: audit ? [auditKeysPlugin(audit)] : [] });
  let closed = false;
  return {
    db,
    pool,
    kind,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await stop();
    },
  };
}
