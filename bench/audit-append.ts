/**
 * The audit append under concurrency, apart from the rest of intake: each client runs transactions that append
 * one audit event and then hold the transaction open for `--hold` ms (the work an intake does after its audit
 * event: letters, outbox, …), spread over `--agencies` agencies, on the local PostgreSQL. With one global head the
 * transactions queue behind each other; with one head per agency only those of the same agency do.
 * Not run by the tests: `node --import tsx bench/audit-append.ts [--seconds 5] [--hold 10] [--clients 1,16]`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { appendAudit } from '../src/db/audit.ts';
import { openDatabase } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const SECONDS = Number(arg('seconds', '5'));
const HOLD_MS = Number(arg('hold', '10'));
const AGENCIES = Number(arg('agencies', '8'));
const CLIENTS = arg('clients', '1,16').split(',').map(Number);
const PG_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'gongkai_bench_audit';

const admin = new pg.Client({ connectionString: PG_URL });
await admin.connect();
await admin.query(`drop database if exists ${NAME} with (force)`);
await admin.query(`create database ${NAME}`);
await admin.end();
const dataDir = mkdtempSync(join(tmpdir(), 'gk-audit-bench-'));
const database = await openDatabase(
  { dataDir, databaseUrl: PG_URL.replace(/\/[^/]*$/, `/${NAME}`), secretKey: randomBytes(32) },
  { max: Math.max(...CLIENTS) + 1 },
);
try {
  await migrate(database.pool);
  const agencies = Array.from({ length: AGENCIES }, () => randomUUID());
  let n = 0;
  const results = [];
  for (const clients of CLIENTS) {
    let done = 0;
    const until = performance.now() + SECONDS * 1000;
    const client = async () => {
      while (performance.now() < until) {
        const agencyId = agencies[n++ % agencies.length]!;
        await database.db.transaction().execute(async (trx) => {
          await appendAudit(trx, {
            at: new Date(),
            actorId: null,
            actorName: 'bench',
            agencyId,
            action: 'bench.event',
          });
          await sql`select pg_sleep(${HOLD_MS / 1000})`.execute(trx);
        });
        done++;
      }
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: clients }, client));
    const s = (performance.now() - start) / 1000;
    results.push({ clients, transactions_per_s: Math.round((done / s) * 10) / 10 });
  }
  console.log(JSON.stringify({ agencies: AGENCIES, hold_ms: HOLD_MS, seconds: SECONDS, results }));
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
