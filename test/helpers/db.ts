import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { preparePersonalData } from '../../src/shared/seal-at-rest.ts';

/** The secret key of test databases: the one `systemCtx` and the test server use; the audit keys derive from it. */
export const TEST_SECRET_KEY = Buffer.alloc(32, 7);

export interface TestDatabase extends Database {
  dataDir: string;
  /** The connection URL of a PostgreSQL test database (absent for the embedded one). */
  url?: string;
}

/**
 * A fresh, migrated database for one test file: a new database on the PostgreSQL server when
 * DATABASE_URL is set, else a new embedded PGlite in a temporary data dir.
 */
export async function testDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir, databaseUrl: undefined, secretKey: TEST_SECRET_KEY });
    await migrate(database.pool);
    await preparePersonalData(database.db, TEST_SECRET_KEY);
    return {
      ...database,
      dataDir,
      async close() {
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `gongkai_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ dataDir, databaseUrl: url.toString(), secretKey: TEST_SECRET_KEY });
  await migrate(database.pool);
  await preparePersonalData(database.db, TEST_SECRET_KEY);
  return {
    ...database,
    dataDir,
    url: url.toString(),
    async close() {
      await database.close();
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The key a data dir's server uses (its generated `secret.key`), else the tests' key: audit chains stay verifiable. */
export function dataDirSecretKey(dataDir: string): Buffer {
  const file = join(dataDir, 'secret.key');
  return existsSync(file) ? Buffer.from(readFileSync(file, 'utf8').trim(), 'hex') : TEST_SECRET_KEY;
}
