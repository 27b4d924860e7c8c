/**
 * Intake throughput: `POST /api/v1/applications` against the product's server (as `npm start` runs it) on the
 * local PostgreSQL, at 1 and 16 concurrent clients, each request for one of several agencies in turn.
 * Part of the full `npm run bench` (1, 8 and 16 clients); alone: `node --import tsx bench/intake.ts [--seconds 10]
 * [--agencies 8] [--clients 1,16]`.
 * Every request comes from its own address (the form's rate limit is per address, 30/min). Beside throughput (which
 * a busy shared machine makes noisy): the server's sessions waiting on locks, and the CPU time the server process
 * and its PostgreSQL backends spent per accepted application (from /proc, whatever else the machine runs).
 */
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { personApplication } from '../test/helpers/applicants.ts';
import { makeRegionTree } from './generate.ts';
import { serve } from './http.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const NAME = 'gongkai_bench_intake';

async function recreate(PG_URL: string) {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${NAME} with (force)`);
  await admin.query(`create database ${NAME}`);
  await admin.end();
  return PG_URL.replace(/\/[^/]*$/, `/${NAME}`);
}

/** CPU time (ms) of a process so far, from /proc/PID/stat (user + system); 0 once it is gone. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100 Hz)
  } catch {
    return 0;
  }
}

const serverPid = (url: string) =>
  Number(/pid=(\d+)/.exec(execSync(`ss -ltnpH "sport = :${new URL(url).port}"`).toString())?.[1] ?? 0);

async function backendsCpu(probe: pg.Client): Promise<Map<number, number>> {
  const r = await probe.query(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  return new Map(r.rows.map((x) => [x.pid as number, cpuMs(x.pid)]));
}

let serial = 0;
async function load(url: string, dbUrl: string, codes: string[], clients: number, seconds: number) {
  // Lock contention beside throughput: how many of the server's sessions wait on a lock, sampled every 50 ms.
  const probe = new pg.Client({ connectionString: dbUrl });
  await probe.connect();
  const waiting: number[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const r = await probe.query(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
      );
      waiting.push(r.rows[0].n);
      await new Promise((res) => setTimeout(res, 50));
    }
  })();
  const server = serverPid(url);
  const server0 = cpuMs(server);
  const backends0 = await backendsCpu(probe);
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const until = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const n = serial++;
      const t = performance.now();
      const r = await fetch(`${url}/api/v1/applications`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        },
        body: JSON.stringify(personApplication(codes[n % codes.length]!, { description: `压力测试申请 第${n}号` })),
      });
      await r.arrayBuffer();
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.status === 201) latencies.push(performance.now() - t);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - start) / 1000;
  sampling = false;
  await sampler;
  const serverCpu = cpuMs(server) - server0;
  let pgCpu = 0;
  for (const [pid, ms] of await backendsCpu(probe)) pgCpu += ms - (backends0.get(pid) ?? 0);
  await probe.end();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round((latencies[Math.floor((latencies.length - 1) * p)] ?? 0) * 10) / 10;
  return {
    clients,
    accepted_per_s: Math.round((latencies.length / elapsed) * 10) / 10,
    p50_ms: pct(0.5),
    p99_ms: pct(0.99),
    server_cpu_ms_per_application: Math.round((serverCpu / Math.max(1, latencies.length)) * 100) / 100,
    postgres_cpu_ms_per_application: Math.round((pgCpu / Math.max(1, latencies.length)) * 100) / 100,
    sessions_waiting_on_locks:
      Math.round((waiting.reduce((a, b) => a + b, 0) / Math.max(1, waiting.length)) * 100) / 100,
    statuses,
  };
}

/** Accepted applications per second at each number of concurrent clients, on a fresh database of `agencies`. */
export async function intakeBench(pgUrl: string, opts: { agencies: number; clients: number[]; seconds: number }) {
  const url = await recreate(pgUrl);
  const dataDir = mkdtempSync(join(tmpdir(), 'gk-intake-'));
  const secretKey = randomBytes(32);
  const database = await openDatabase({ dataDir, databaseUrl: url, secretKey });
  await migrate(database.pool);
  const { agencies } = await makeRegionTree(database, opts.agencies);
  await database.close();
  const server = await serve({
    DATABASE_URL: url,
    GONGKAI_DATA_DIR: dataDir,
    GONGKAI_SECRET_KEY: secretKey.toString('hex'),
    PUBLIC_CACHE_SECONDS: '0',
    // Each client its own address (the form's limit is per address): believed from X-Forwarded-For on loopback.
    TRUST_PROXY: 'loopback',
  });
  try {
    const codes = agencies.map((a) => a.code);
    await load(server.url, url, codes, 4, 3); // warm-up: JIT, connection pool
    const results = [];
    for (const c of opts.clients) results.push(await load(server.url, url, codes, c, opts.seconds));
    return { agencies: opts.agencies, seconds: opts.seconds, results };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await intakeBench(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres', {
    agencies: Number(arg('agencies', '8')),
    clients: arg('clients', '1,16').split(',').map(Number),
    seconds: Number(arg('seconds', '10')),
  });
  console.log(JSON.stringify(out, null, 2));
}
