import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config/index.ts';
import { type AuditSettings, auditKeysPlugin } from './audit-keys.ts';
import { startEmbedded } from './embedded.ts';
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
  close(): Promise<void>;
}

/** The secret key (and the data dir) go with the handle: the audit trail's keys are derived from it (audit-keys.ts). */
export async function openDatabase(
  config: Pick<Config, 'dataDir' | 'databaseUrl' | 'secretKey'> & Partial<Pick<Config, 'auditCheckpointEmail'>>,
  opts: { max?: number } = {},
): Promise<Database> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: opts.max ?? 10 });
    await checkConnection(pool);
    return wrap(pool, 'postgres', async () => {}, config);
  }
  const embedded = await startEmbedded(config.dataDir);
  // PGlite is one session: pglite-socket multiplexes connections through one queue, and responses of
  // concurrent exchanges can be crossed. One connection serialises them (PGlite runs one query at a time
  // anyway); commands never use the pool from inside their own transaction.
  const pool = new pg.Pool({ host: embedded.socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 });
  try {
    await checkConnection(pool);
  } catch (err) {
    await pool.end();
    await embedded.stop();
    throw err;
  }
  return wrap(pool, 'embedded', () => embedded.stop(), config);
}

/** A read-only pool on a replica (`DATABASE_READ_URL`): portal pages and search. */
export async function openReadDatabase(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  await checkConnection(pool);
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
