import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// biome-ignore lint/suspicious/noExplicitAny: the run's JSON, read generically
type Any = Record<string, any>;

/** The targets of the benchmark issue, checked against a run; `summary.json` and BENCHMARKS.md follow from it. */
export function writeSummary(out: Any, name: string) {
  const pgRun: Any = out.postgres ?? out.embedded ?? {};
  const search: Any[] = pgRun.search ?? [];
  const largest = search.at(-1) ?? {};
  const mix: Any = (pgRun.search_mix ?? []).at(-1) ?? {};
  const http: Any = pgRun.http ?? {};
  const cold: Any = pgRun.http_uncached ?? {};
  const intake = (c: number): number =>
    (pgRun.intake?.results ?? []).find((r: Any) => r.clients === c)?.accepted_per_s ?? 0;
  const summary = {
    run: name,
    database: out.postgres ? 'postgres' : 'embedded',
    items: largest.items ?? 0,
    applications: pgRun.applications ?? 0,
    item_rps: http.item_c10?.rps ?? 0,
    list_rps: http.list_c10?.rps ?? 0,
    search_rps: http.search_c10?.rps ?? 0,
    item_uncached_rps: pgRun.mix?.item_uncached_rps ?? cold.item_c10?.rps ?? 0,
    fastify_pg_rps: pgRun.mix?.fastify_pg_rps ?? 0,
    item_mix_rps: pgRun.mix?.item_mix?.rps ?? 0,
    cache_hit_rate: pgRun.mix?.item_mix?.cache_hit_rate ?? 0,
    intake_per_s_c1: intake(1),
    intake_per_s_c8: intake(8),
    intake_per_s_c16: intake(16),
    list_uncached_rps: cold.list_c10?.rps ?? 0,
    search_uncached_rps: cold.search_c10?.rps ?? 0,
    ceiling_rps: pgRun.ceiling_rps ?? 0,
    list_ceiling_rps: pgRun.ceilings?.list ?? pgRun.ceiling_rps ?? 0,
    search_p95_ms_1m: largest.p95_ms ?? 0,
    ilike_p95_ms_1m: largest.ilike_p95_ms ?? 0,
    search_mismatches: largest.mismatches ?? 0,
    // Issue #20's mix (several terms, pasted titles, 文号 in any brackets, absent terms): bench/search-mix.ts.
    search_mix_p95_ms_1m: mix.p95_ms ?? 0,
    search_compared: mix.compared ?? 0,
    search_mix_mismatches: mix.mismatches ?? 0,
    ilike_and_p95_ms_1m: mix.ilike_p95_ms ?? 0,
    pgtrgm_p95_ms_1m: mix.pgtrgm_p95_ms ?? 0,
    report_agency_year_ms: pgRun.report?.report_agency_year_ms ?? 0,
    raw_aggregate_ms: pgRun.report?.raw_aggregate_ms ?? 0,
    rollup_ms: pgRun.report?.rollup_ms ?? 0,
    parse_reports_per_s: out.parse?.reports_per_s ?? 0,
    audit_reports_per_s: out.audit?.reports_per_s ?? 0,
    rss_mb: pgRun.rss_mb ?? 0,
    healthz_worst_inputs_max_ms: out.bounded?.healthz_max_ms ?? 0,
  };
  writeFileSync(
    join(import.meta.dirname, name === 'full' ? 'results/summary.json' : `results/summary.${name}.json`),
    `${JSON.stringify(summary, null, 2)}\n`,
  );
  const CMS_LIST_RPS = 60;
  const targets: [string, string, boolean, string][] = [
    [
      'item page vs bare server',
      `${summary.item_rps} / ${summary.ceiling_rps} req/s`,
      summary.item_rps >= 0.5 * summary.ceiling_rps,
      '≥ 50 %',
    ],
    [
      'list page vs bare server',
      `${summary.list_rps} / ${summary.list_ceiling_rps} req/s`,
      summary.list_rps >= 0.5 * summary.list_ceiling_rps,
      '≥ 50 %',
    ],
    [
      'list page vs general CMS (60 req/s)',
      `${summary.list_rps} req/s = ${Math.round(summary.list_rps / CMS_LIST_RPS)}×`,
      summary.list_rps >= 20 * CMS_LIST_RPS,
      '≥ 20×',
    ],
    [
      `search p95 at ${summary.items} items`,
      `${summary.search_p95_ms_1m} ms`,
      summary.search_p95_ms_1m <= 50,
      '≤ 50 ms',
    ],
    [
      'search vs ILIKE scan',
      `${Math.round(summary.ilike_p95_ms_1m / Math.max(0.01, summary.search_p95_ms_1m))}×`,
      summary.ilike_p95_ms_1m >= 100 * summary.search_p95_ms_1m,
      '≥ 100×',
    ],
    [
      'search equals substring truth',
      `${summary.search_mismatches} mismatches of ${largest.compared ?? (largest.items >= 1_000_000 ? Math.ceil((largest.queries ?? 0) / 5) : largest.queries) ?? 0} compared`,
      summary.search_mismatches === 0,
      '0',
    ],
    [
      `search mix (terms, pasted titles, 文号 in any brackets) p95 at ${mix.items ?? 0} items`,
      `${summary.search_mix_p95_ms_1m} ms`,
      summary.search_mix_p95_ms_1m <= 20,
      '≤ 20 ms',
    ],
    [
      'search mix vs ILIKE scan doing the same AND',
      `${Math.round(summary.ilike_and_p95_ms_1m / Math.max(0.01, summary.search_mix_p95_ms_1m))}×`,
      summary.ilike_and_p95_ms_1m >= 100 * summary.search_mix_p95_ms_1m,
      '≥ 100×',
    ],
    [
      'search mix vs pg_trgm GIN doing the same AND',
      mix.pgtrgm_skipped
        ? `skipped: ${mix.pgtrgm_skipped}`
        : `${summary.search_mix_p95_ms_1m} / ${summary.pgtrgm_p95_ms_1m} ms`,
      !mix.pgtrgm_skipped && summary.search_mix_p95_ms_1m <= summary.pgtrgm_p95_ms_1m,
      '≤ pg_trgm',
    ],
    [
      'search mix equals the truth (ID sets, queries of 2–1,000 hits; totals of 0–1)',
      `${summary.search_mix_mismatches} mismatches of ${summary.search_compared} compared`,
      summary.search_mix_mismatches === 0 && summary.search_compared > 0,
      '0',
    ],
    [
      'agency-year report vs raw aggregate',
      `${summary.report_agency_year_ms} / ${summary.raw_aggregate_ms} ms`,
      summary.report_agency_year_ms <= 2 * summary.raw_aggregate_ms,
      '≤ 2×',
    ],
    [
      `region roll-up over ${summary.applications} applications`,
      `${summary.rollup_ms} ms`,
      summary.rollup_ms <= 1500,
      '≤ 1.5 s',
    ],
    ['report parsing', `${summary.parse_reports_per_s} reports/s`, summary.parse_reports_per_s >= 1000, '≥ 1,000/s'],
    [
      `bulk audit of a folder (${out.audit?.files ?? 0} files: report check DIR --csv --html)`,
      `${summary.audit_reports_per_s} reports/s`,
      summary.audit_reports_per_s >= 1000,
      '≥ 1,000/s',
    ],
    [
      'uncached item page vs plain Fastify + pg page (same row, same run)',
      `${summary.item_uncached_rps} / ${summary.fastify_pg_rps} req/s`,
      summary.fastify_pg_rps > 0 && summary.item_uncached_rps >= summary.fastify_pg_rps,
      '≥ 100 %',
    ],
    [
      `item pages over all items (Zipf), as deployed`,
      `${summary.item_mix_rps} req/s, cache hit rate ${Math.round(summary.cache_hit_rate * 100)} %`,
      summary.item_mix_rps > 0,
      'reported',
    ],
    [
      'intake: applications accepted per second, 1 → 16 clients',
      `${summary.intake_per_s_c1} → ${summary.intake_per_s_c16} /s`,
      summary.intake_per_s_c16 >= 300 && summary.intake_per_s_c16 >= 3 * summary.intake_per_s_c1,
      '≥ 300/s and ≥ 3×',
    ],
    ['server RSS', `${summary.rss_mb} MB`, summary.rss_mb <= 300, '≤ 300 MB'],
    [
      '/healthz while the worst inputs are posted',
      `${summary.healthz_worst_inputs_max_ms} ms at most`,
      summary.healthz_worst_inputs_max_ms < 200,
      '< 200 ms',
    ],
  ];
  const md = [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench\` (${name} run, ${out.at}, Node ${out.node}, ${summary.database}, ${summary.items} items, ${summary.applications} applications; this 2-core machine). Do not edit: rerun.`,
    '',
    'Portal pages are measured as deployed (rendered pages reused for anonymous visitors for `PUBLIC_CACHE_SECONDS` = 5 s, emptied by any write) and again with that cache off, every request rendered from the database. The ceiling of each page is a bare Node HTTP server answering the same bytes, in a process of its own, measured in turn with the page at 10 connections (three rounds each, medians). Search is timed on the query function (no cache).',
    '',
    '| Measure | Result | Target | Met |',
    '|---|---|---|---|',
    ...targets.map(([m, r, ok, t]) => `| ${m} | ${r} | ${t} | ${ok ? 'yes' : '**no**'} |`),
    '',
    'With the page cache off (`PUBLIC_CACHE_SECONDS=0`: every request rendered from the database; not the deployed default, shown for reference):',
    '',
    '| Page | req/s, 10 connections | vs its bare server | vs general CMS list page (60 req/s) |',
    '|---|---|---|---|',
    ...(['item', 'list', 'search'] as const).map((p) => {
      const rps: number = cold[`${p}_c10`]?.rps ?? 0;
      const top: number = pgRun.ceilings?.[p] ?? pgRun.ceiling_rps ?? 0;
      return `| ${p} | ${rps} | ${top ? Math.round((100 * rps) / top) : 0} % | ${p === 'list' ? `${Math.round(rps / CMS_LIST_RPS)}×` : '—'} |`;
    }),
    '',
    '## Every measurement',
    '',
    '```json',
    JSON.stringify(out, null, 2),
    '```',
    '',
  ].join('\n');
  if (name === 'full' || !process.env.BENCH_NO_MD)
    writeFileSync(join(import.meta.dirname, `../BENCHMARKS${name === 'full' ? '' : '.quick'}.md`), md);
}
