/**
 * The query mix of issue #20: what people type — two to four terms (common with rare), pasted titles (with their
 * 文号), a 文号 in each bracket form, absent terms — timed on the search function, and its results compared with
 * the truth as ID sets (every term a substring of the folded text) on the queries with 2–1,000 hits. Two
 * baselines run the same AND: an ILIKE scan of the folded text, and pg_trgm's GIN index over it (PostgreSQL; on
 * the embedded database when the extension is there, else skipped with the reason).
 */
import { sql } from 'kysely';
import type { Database } from '../src/db/connect.ts';
import { parseQuery } from '../src/domain/catalogue/index.ts';
import { searchItems } from '../src/queries/catalogue.ts';
import { rng } from '../src/shared/random.ts';
import { SUBJECTS, VERBS } from './generate.ts';

const pct = (xs: number[], p: number) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};
const time = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

const BRACKETS: [string, string][] = [
  ['〔', '〕'],
  ['[', ']'],
  ['(', ')'],
  ['（', '）'],
  ['【', '】'],
  ['［', '］'],
  ['﹝', '﹞'],
];
const ABSENT = ['量子通信', '冰川监测', '深海探测', '火山预警'];

/** The mix, from the catalogue's own titles and 文号 (sampled deterministically) and its vocabulary. */
export async function searchMix(database: Database, prefixes: string[]): Promise<{ kind: string; q: string }[]> {
  const r = rng(2020);
  const sample = await sql<{ title: string; doc_number: string | null }>`select title, doc_number from catalogue_items
    where state = 'published' and doc_number is not null order by md5(id::text) limit 24`.execute(database.db);
  const out: { kind: string; q: string }[] = [];
  const year = () => String(2015 + Math.floor(r.next() * 11));
  for (let i = 0; i < 12; i++) out.push({ kind: 'two_terms', q: `${r.pick(SUBJECTS)} ${year()}` });
  for (let i = 0; i < 12; i++) out.push({ kind: 'two_terms_reversed', q: `${r.pick(VERBS)} ${r.pick(SUBJECTS)}` });
  for (let i = 0; i < 12; i++) out.push({ kind: 'three_terms', q: `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${year()}年` });
  for (let i = 0; i < 12; i++)
    out.push({ kind: 'four_terms', q: `${r.pick(prefixes)} ${r.pick(SUBJECTS)}，${r.pick(VERBS)} ${year()}` });
  // Common with rare: a subject with one agency's 文号 of a year (a few documents).
  for (let i = 0; i < 12; i++)
    out.push({
      kind: 'common_with_rare',
      q: `${r.pick(SUBJECTS)} ${r.pick(prefixes)}发〔${year()}〕${1 + (i % 300)}号`,
    });
  for (const s of sample.rows.slice(0, 12)) out.push({ kind: 'pasted_title', q: s.title });
  for (const s of sample.rows.slice(12, 18))
    out.push({ kind: 'pasted_title_with_number', q: `${s.title}（${s.doc_number}）` });
  for (const [i, s] of sample.rows.slice(0, 14).entries()) {
    const [o, c] = BRACKETS[i % BRACKETS.length]!;
    out.push({ kind: 'doc_number_brackets', q: s.doc_number!.replace('〔', o).replace('〕', c) });
  }
  for (const a of ABSENT) {
    out.push({ kind: 'absent', q: `${r.pick(SUBJECTS)} ${a}` });
    out.push({ kind: 'absent', q: `${a} ${year()}` });
  }
  return out;
}

/** Published items holding every term, by a LIKE per term on the folded text (a scan, or pg_trgm's index). */
async function likeIds(database: Database, q: string, limit: number): Promise<string[]> {
  const { terms } = parseQuery(q);
  if (!terms.length) return [];
  const where = sql.join(
    terms.map((t) => sql`i.search_text like ${`%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`),
    sql` and `,
  );
  const r = await sql<{ id: string }>`select i.id from catalogue_items i where i.state = 'published'
    and i.disclosure = 'proactive' and ${where} limit ${limit}`.execute(database.db);
  return r.rows.map((x) => x.id);
}

/** Every id the search function returns for a query, page after page (a query of at most 1,000 hits). */
async function allOurs(database: Database, q: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; page <= 51; page++) {
    const r = await searchItems(database.db, q, {}, page);
    ids.push(...r.rows.map((x) => x.id));
    if (r.rows.length < 20) break;
  }
  return ids;
}

export async function searchMixBench(database: Database, prefixes: string[], n: number, log: (s: string) => void) {
  const mix = await searchMix(database, prefixes);
  // Ours, warmed by one pass, then timed.
  for (const { q } of mix) await searchItems(database.db, q, {}, 1);
  const ours: number[] = [];
  const byKind: Record<string, number[]> = {};
  for (const { kind, q } of mix) {
    const ms = await time(() => searchItems(database.db, q, {}, 1));
    ours.push(ms);
    byKind[kind] = [...(byKind[kind] ?? []), ms];
  }
  // The ILIKE scan (the same AND on the folded text) takes seconds at a million rows: there, every fourth query.
  const every = n >= 1_000_000 ? 4 : 1;
  const ilike: number[] = [];
  const truth = new Map<string, string[]>();
  for (const [i, { q }] of mix.entries()) {
    if (i % every) continue;
    let ids: string[] = [];
    ilike.push(await time(async () => (ids = await likeIds(database, q, 10_001))));
    truth.set(q, ids);
  }
  // Results against the truth: ID sets, on the queries with 2–1,000 hits.
  let compared = 0;
  let mismatches = 0;
  const hits: Record<string, number> = {};
  for (const [q, ids] of truth) {
    hits[q] = ids.length;
    if (ids.length < 2 || ids.length > 1000) {
      // Outside that band the total is still checked where it is exact (0 or 1 hit; absent terms).
      if (ids.length < 2) {
        const r = await searchItems(database.db, q, {}, 1);
        compared++;
        if (r.total !== ids.length || r.rows.some((x) => x.id !== ids[0])) {
          mismatches++;
          log(`  mismatch: ${q} — ${r.total} found, truth ${ids.length}`);
        }
      }
      continue;
    }
    compared++;
    const got = await allOurs(database, q);
    const a = [...got].sort().join();
    const b = [...ids].sort().join();
    if (a !== b) {
      mismatches++;
      log(`  mismatch: ${q} — ${got.length} found, truth ${ids.length}`);
    }
  }
  const trgm = await pgTrgm(database, mix, log);
  const p95 = pct(ours, 95);
  return {
    items: n,
    queries: mix.length,
    compared,
    mismatches,
    p50_ms: pct(ours, 50),
    p95_ms: p95,
    p95_ms_by_kind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, pct(v, 95)])),
    ilike_queries: ilike.length,
    ilike_p95_ms: pct(ilike, 95),
    ilike_ratio: Math.round(pct(ilike, 95) / Math.max(0.01, p95)),
    ...trgm,
    pgtrgm_ratio: trgm.pgtrgm_p95_ms ? Math.round((trgm.pgtrgm_p95_ms / Math.max(0.01, p95)) * 10) / 10 : undefined,
    hits_min: Math.min(...Object.values(hits)),
    hits_max: Math.max(...Object.values(hits)),
  };
}

/** pg_trgm's GIN index over the folded text, the same LIKEs; built for the run and dropped after it. */
async function pgTrgm(
  database: Database,
  mix: { q: string }[],
  log: (s: string) => void,
): Promise<{ pgtrgm_p95_ms?: number; pgtrgm_index_s?: number; pgtrgm_skipped?: string }> {
  try {
    await sql`create extension if not exists pg_trgm`.execute(database.db);
  } catch (e) {
    return { pgtrgm_skipped: `pg_trgm is not available here: ${(e as Error).message}` };
  }
  const t = performance.now();
  await sql`create index if not exists bench_search_trgm on catalogue_items using gin (search_text gin_trgm_ops)`.execute(
    database.db,
  );
  const built = Math.round((performance.now() - t) / 100) / 10;
  log(`  pg_trgm index built in ${built} s`);
  await sql`analyze catalogue_items`.execute(database.db);
  try {
    for (const { q } of mix) await likeIds(database, q, 10_001);
    const ms: number[] = [];
    for (const { q } of mix) ms.push(await time(() => likeIds(database, q, 10_001)));
    return { pgtrgm_p95_ms: pct(ms, 95), pgtrgm_index_s: built };
  } finally {
    await sql`drop index if exists bench_search_trgm`.execute(database.db);
  }
}
