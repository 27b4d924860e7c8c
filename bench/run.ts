/**
 * npm run bench [-- --quick]: generates a deterministic province (agencies, items, applications), loads it
 * through the project's own paths, and measures the portal, search, the annual report, report parsing and
 * memory — next to their references (a bare HTTP server with the same bytes, an ILIKE scan, the raw SQL
 * aggregate). Results: bench/results/*.json, summary.json, and BENCHMARKS.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { parseReportText } from '../src/domain/report/parse/index.ts';
import { searchItems } from '../src/queries/catalogue.ts';
import { agencyReport } from '../src/shared/report/agency-report.ts';
import { auditBench } from './audit.ts';
import { boundedBench } from './bounded.ts';
import { loadApplications, loadItems, makeRegionTree, SUBJECTS, VERBS } from './generate.ts';
import { httpBench, serve } from './http.ts';
import { intakeBench } from './intake.ts';
import { listsBench } from './lists.ts';
import { portalMix } from './mix.ts';
import { searchMixBench } from './search-mix.ts';
import { sitemapBench, sitemapExpected } from './sitemap.ts';
import { writeSummary } from './summary.ts';

const quick = process.argv.includes('--quick');
/** `--lists-only [--items=N] [--applications=M] [--agencies=K]`: only the staff lists, at the given scale. */
const listsOnly = process.argv.includes('--lists-only');
/** `--search-only [--items=N] [--agencies=K] [--db=postgres]`: only search (both query mixes), at the given scale. */
const searchOnly = process.argv.includes('--search-only');
/** `--bounded-only`: only /healthz while the worst inputs are posted (bench/bounded.ts). */
const boundedOnly = process.argv.includes('--bounded-only');
/** `--audit-only [--reports=N]`: only the researcher's bulk audit of a folder (bench/audit.ts). */
const auditOnly = process.argv.includes('--audit-only');
/** `--sitemap-only [--items=N] [--agencies=K] [--db=…]`: only the sitemap index and every file (bench/sitemap.ts). */
const sitemapOnly = process.argv.includes('--sitemap-only');
const arg = (name: string) => {
  const v = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  return v === undefined ? undefined : Number(v);
};
const only = process.argv.find((a) => a.startsWith('--db='))?.slice(5);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SIZES = quick
  ? { agencies: 20, items: [5_000], applications: 20_000, seconds: 3 }
  : { agencies: 200, items: [100_000, 1_000_000], applications: 1_000_000, seconds: 10 };
if (listsOnly || searchOnly || sitemapOnly) {
  SIZES.agencies = arg('agencies') ?? SIZES.agencies;
  SIZES.items = [arg('items') ?? SIZES.items.at(-1)!];
  SIZES.applications = arg('applications') ?? SIZES.applications;
}
const log = (s: string) => process.stdout.write(`${s}\n`);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};
const time = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

/** The 200 fixed queries: two- to four-character words, 文号, and rare or absent words. */
function queries(prefixes: string[]): string[] {
  const out: string[] = [];
  for (const s of SUBJECTS) out.push(s, s.slice(0, 2));
  for (const v of VERBS) out.push(v, v.slice(2));
  for (let i = 0; out.length < 150; i++)
    out.push(`${prefixes[i % prefixes.length]}发〔${2015 + (i % 11)}〕${(i % 300) + 1}号`);
  const rare = [
    '量子通信',
    '航天发射',
    '海洋渔业',
    '冰川监测',
    '沙漠治理',
    '核电安全',
    '深海探测',
    '极地科考',
    '火山预警',
    '珊瑚保护',
  ];
  while (out.length < 200) out.push(rare[out.length % rare.length]!);
  return out;
}

async function searchBench(database: Database, prefixes: string[], n: number) {
  const qs = queries(prefixes);
  const ours: number[] = [];
  const ilike: number[] = [];
  let mismatches = 0;
  // Each way is timed in its own steady state, as it would run alone: ours after one warm-up pass over the
  // queries, then the ILIKE scans (which stream the whole table through the page cache) after all of ours.
  for (const q of qs) await searchItems(database.db, q, {}, 1);
  const totals: number[] = [];
  for (const q of qs) {
    let result: Awaited<ReturnType<typeof searchItems>> | undefined;
    ours.push(await time(async () => (result = await searchItems(database.db, q, {}, 1))));
    totals.push(result!.total);
  }
  // The ILIKE scan takes seconds per query at a million rows: there, every fifth query is compared.
  const every = n >= 1_000_000 ? 5 : 1;
  for (const [i, q] of qs.entries()) {
    if (i % every) continue;
    let truth = 0;
    ilike.push(
      await time(async () => {
        const r = await sql<{ n: number }>`select count(*)::int n from (select 1 from catalogue_items
          where state = 'published' and (title ilike ${`%${q}%`} or doc_number ilike ${`%${q}%`} or keywords ilike ${`%${q}%`} or body_text ilike ${`%${q}%`}) limit 1001) x`.execute(
          database.db,
        );
        truth = r.rows[0]!.n;
      }),
    );
    if (Math.min(truth, 1001) !== Math.min(totals[i]!, 1001)) mismatches++;
  }
  return {
    items: n,
    queries: qs.length,
    compared: ilike.length,
    p50_ms: pct(ours, 50),
    p95_ms: pct(ours, 95),
    ilike_p50_ms: pct(ilike, 50),
    ilike_p95_ms: pct(ilike, 95),
    mismatches,
  };
}

async function reportBench(database: Database, agencyId: string, root: string) {
  const report = () => agencyReport(database.db, agencyId, 2024);
  const raw = () =>
    sql`select applicant_type, outcome, count(*) from applications where agency_id = ${agencyId}
      and (received_date between '2024-01-01' and '2024-12-31' or decided_date between '2024-01-01' and '2024-12-31')
      group by 1, 2`.execute(database.db);
  // Each warmed once, then timed in turn (median of 7): the same cache state for both.
  await report();
  await raw();
  const ours: number[] = [];
  const rawMs: number[] = [];
  for (let i = 0; i < 7; i++) {
    ours.push(await time(report));
    rawMs.push(await time(raw));
  }
  // Roll-up of the whole province: every agency's report, summed (median of 3, the first one cold).
  const { regionRollup } = await import('./rollup.ts');
  const rollup: number[] = [];
  for (let i = 0; i < 3; i++) rollup.push(await time(() => regionRollup(database, root, 2024)));
  return {
    report_agency_year_ms: pct(ours, 50),
    raw_aggregate_ms: pct(rawMs, 50),
    rollup_ms: Math.round(pct(rollup, 50)),
  };
}

function parseBench() {
  // Generated reports in every layout (the test helpers' layouts), parsed back.
  return import('./parse-corpus.ts').then(({ corpus }) => {
    const all = corpus(quick ? 400 : 2100);
    // Warm-up (as a researcher's bulk run is, after its first reports): a hundred others before the clock starts.
    for (const text of all.slice(0, 100)) parseReportText(text);
    const texts = all.slice(100);
    const t = performance.now();
    let ok = 0;
    for (const text of texts) if (parseReportText(text).ok) ok++;
    const s = (performance.now() - t) / 1000;
    return { reports: texts.length, parsed: ok, reports_per_s: Math.round(texts.length / s) };
  });
}

/** Published items, newest first (the Zipf mix's rank 0 is the newest: what visitors read most). */
async function idsByRecency(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query({
    text: "select id from catalogue_items where state = 'published' order by publish_date desc, id",
    rowMode: 'array',
  });
  await c.end();
  return r.rows.map((x) => x[0] as string);
}

// The loader and the servers share one key: the audit chains the loader writes stay verifiable by the servers.
const BENCH_KEY = randomBytes(32);

async function runOn(kind: 'postgres' | 'embedded') {
  let database: Database;
  let env: Record<string, string>;
  let dropDb: (() => Promise<void>) | undefined;
  if (kind === 'postgres') {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    // A search-only run has a database of its own: it may run beside another bench.
    const dbName = searchOnly ? 'gongkai_bench_search' : sitemapOnly ? 'gongkai_bench_sitemap' : 'gongkai_bench';
    await admin.query(`drop database if exists ${dbName}`);
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = PG_URL.replace(/\/[^/]*$/, `/${dbName}`);
    const dir = mkdtempSync(join(tmpdir(), 'gk-bench-'));
    database = await openDatabase({ dataDir: dir, databaseUrl: url, secretKey: BENCH_KEY });
    env = { DATABASE_URL: url, GONGKAI_DATA_DIR: dir, GONGKAI_SECRET_KEY: BENCH_KEY.toString('hex') };
    dropDb = async () => {
      if (!(searchOnly || sitemapOnly) || process.env.BENCH_KEEP_DB) return; // kept for EXPLAIN when asked
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${dbName}`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'gk-bench-'));
    database = await openDatabase({ dataDir: dir, databaseUrl: undefined, secretKey: BENCH_KEY });
    env = { DATABASE_URL: '', GONGKAI_DATA_DIR: dir, GONGKAI_SECRET_KEY: BENCH_KEY.toString('hex') };
  }
  await migrate(database.pool);
  const sizes = kind === 'embedded' ? [SIZES.items[0]!] : SIZES.items;
  log(`[${kind}] ${SIZES.agencies} agencies`);
  const { root, agencies } = await makeRegionTree(database, SIZES.agencies);
  const results: Record<string, unknown> = { kind, agencies: SIZES.agencies };
  let loaded = 0;
  const search: unknown[] = [];
  const mix: unknown[] = [];
  for (const n of sizes) {
    const t = performance.now();
    loaded += await loadItems(database, agencies, n - loaded, log, Math.ceil(loaded / agencies.length));
    log(`[${kind}] ${loaded} items loaded in ${Math.round((performance.now() - t) / 1000)} s`);
    await sql`vacuum analyze catalogue_items`.execute(database.db);
    await sql`checkpoint`.execute(database.db); // the load's writes flushed before anything is timed
    if (listsOnly || sitemapOnly) continue;
    const s = await searchBench(
      database,
      agencies.map((a) => a.prefix),
      loaded,
    );
    log(`[${kind}] search at ${loaded}: ${JSON.stringify(s)}`);
    search.push(s);
    const m = await searchMixBench(
      database,
      agencies.map((a) => a.prefix),
      loaded,
      log,
    );
    log(`[${kind}] search mix at ${loaded}: ${JSON.stringify(m)}`);
    mix.push(m);
  }
  if (sitemapOnly) {
    const expected = await sitemapExpected(database.db);
    await database.close();
    results.sitemap = await sitemapBench(env, expected, log);
    log(`[${kind}] sitemap: ${JSON.stringify(results.sitemap)}`);
    await dropDb?.();
    return results;
  }
  results.search = search;
  results.search_mix = mix;
  if (searchOnly) {
    await database.close();
    await dropDb?.();
    return results;
  }
  const apps = kind === 'embedded' ? Math.min(SIZES.applications, 100_000) : SIZES.applications;
  await loadApplications(database, agencies, apps, BENCH_KEY);
  await sql`checkpoint`.execute(database.db);
  results.applications = apps;
  results.lists = await listsBench(database, agencies, BENCH_KEY);
  log(`[${kind}] lists: ${JSON.stringify(results.lists)}`);
  if (listsOnly) {
    await database.close();
    await dropDb?.();
    return results;
  }
  results.report = await reportBench(database, agencies[0]!.id, root);
  log(`[${kind}] report: ${JSON.stringify(results.report)}`);
  const item = (
    await sql<{
      id: string;
    }>`select id from catalogue_items where state = 'published' order by publish_date desc limit 1`.execute(database.db)
  ).rows[0]!.id;
  const sitemapWants = kind === 'postgres' ? await sitemapExpected(database.db) : undefined;
  await database.close();
  const pages = {
    item: `/items/${item}`,
    list: `/search?item=20.13&page=2`,
    search: `/search?q=${encodeURIComponent('食品安全')}`,
  };
  // As deployed (public pages reused for PUBLIC_CACHE_SECONDS = 5), then every request rendered from the database.
  const server = await serve(env);
  // Each page next to a bare server answering that page's bytes (a list page is three times an item's).
  const { http, ceilings } = await httpBench(server.url, pages, SIZES.seconds);
  results.ceiling_rps = ceilings.item;
  results.ceilings = ceilings;
  results.http = http;
  results.rss_mb = await server.stop();
  const uncached = await serve({ ...env, PUBLIC_CACHE_SECONDS: '0' });
  results.http_uncached = (await httpBench(uncached.url, pages, SIZES.seconds)).http;
  if (kind === 'postgres') {
    // Visitors over all items (Zipf), the deployed cache's hit rate; the bare Fastify + pg page beside ours.
    const cached = await serve(env);
    const ids = await idsByRecency(env.DATABASE_URL!);
    results.mix = await portalMix({
      cached: cached.url,
      uncached: uncached.url,
      databaseUrl: env.DATABASE_URL!,
      ids,
      seconds: SIZES.seconds,
    });
    log(`[${kind}] mix: ${JSON.stringify(results.mix)}`);
    results.rss_mb = Math.max(results.rss_mb as number, await cached.stop());
    results.intake = await intakeBench(PG_URL, { agencies: 8, clients: [1, 8, 16], seconds: SIZES.seconds });
    log(`[${kind}] intake: ${JSON.stringify(results.intake)}`);
    // The sitemap of the whole catalogue (issue #21: ≤ 50,000 URLs a file at a million items).
    results.sitemap = await sitemapBench(env, sitemapWants!, log);
    log(`[${kind}] sitemap: ${JSON.stringify(results.sitemap)}`);
  }
  results.rss_mb = Math.max(results.rss_mb as number, await uncached.stop());
  log(
    `[${kind}] http: ${JSON.stringify(results.http)} uncached: ${JSON.stringify(results.http_uncached)} ceilings ${JSON.stringify(ceilings)} rss ${results.rss_mb} MB`,
  );
  await dropDb?.();
  return results;
}

const started = Date.now();
const out: Record<string, unknown> = { quick, at: new Date().toISOString(), node: process.version };
if (boundedOnly || (!listsOnly && !searchOnly && !auditOnly && !sitemapOnly)) {
  out.bounded = await boundedBench();
  log(`bounded: ${JSON.stringify(out.bounded)}`);
}
if (boundedOnly) {
  const file = join(import.meta.dirname, 'results/bounded.json');
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  log(`done → ${file}`);
  process.exit(0);
}
if (!listsOnly && !searchOnly && !sitemapOnly) {
  out.parse = await parseBench();
  log(`parse: ${JSON.stringify(out.parse)}`);
  out.audit = await auditBench(arg('reports') ?? (quick ? 300 : 2000));
  log(`audit: ${JSON.stringify(out.audit)}`);
}
if (auditOnly) {
  const file = join(import.meta.dirname, 'results/audit.json');
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  log(`done → ${file}`);
  process.exit(0);
}
for (const kind of ['embedded', 'postgres'] as const) {
  if (only && only !== kind) continue;
  if (listsOnly && !only && kind === 'postgres') continue; // lists only: the embedded database unless --db= says
  if ((searchOnly || sitemapOnly) && !only && kind === 'embedded') continue; // PostgreSQL unless --db= says
  out[kind] = await runOn(kind);
}
out.seconds = Math.round((Date.now() - started) / 1000);
if (listsOnly) {
  const file = join(import.meta.dirname, `results/lists-${SIZES.items[0]}.json`);
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  log(`done in ${out.seconds} s → ${file}`);
  process.exit(0);
}
if (sitemapOnly) {
  const file = join(import.meta.dirname, `results/sitemap-${SIZES.items[0]}-${only ?? 'postgres'}.json`);
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  log(`done in ${out.seconds} s → ${file}`);
  process.exit(((out.postgres ?? out.embedded) as { sitemap?: { sitemap_ok?: boolean } })?.sitemap?.sitemap_ok ? 0 : 1);
}
if (searchOnly) {
  // Named for its size: a small run never stands for the full one.
  const file = join(import.meta.dirname, `results/search-${SIZES.items[0]}-${only ?? 'postgres'}.json`);
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  log(`done in ${out.seconds} s → ${file}`);
  process.exit(0);
}
const name = quick ? 'quick' : 'full';
writeFileSync(join(import.meta.dirname, `results/${name}.json`), `${JSON.stringify(out, null, 2)}\n`);
writeSummary(out, name);
log(`done in ${out.seconds} s → bench/results/${name}.json`);
process.exit(0);
