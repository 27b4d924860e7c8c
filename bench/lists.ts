/**
 * The console's server-side lists (issue #18): the first page, a deep page and filtered searches of the staff
 * catalogue and case lists, as an operator of one agency and as a supervisor of the whole province, through
 * the list queries the routes call (scope, count, page, flags). p50/p95 of repeated runs.
 */
import type { Database } from '../src/db/connect.ts';
import type { Actor } from '../src/domain/access/index.ts';
import { caseListQuery } from '../src/domain/lists/case-list.ts';
import { catalogueListQuery } from '../src/domain/lists/catalogue-list.ts';
import { MAX_OFFSET } from '../src/domain/lists/paging.ts';
import { caseList } from '../src/queries/case-list.ts';
import { staffItemList } from '../src/queries/catalogue-list.ts';
import type { Ctx } from '../src/shared/context.ts';
import { type Agency, BENCH_NAMES, SUBJECTS } from './generate.ts';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};

export async function listsBench(database: Database, agencies: Agency[], secret: Buffer, runs = 20) {
  const ctxOf = (actor: Actor): Ctx => ({
    db: database.db,
    now: () => new Date('2026-03-02T02:00:00Z'),
    actor,
    secretKey: secret,
  });
  const operator = ctxOf({
    userId: '00000000-0000-0000-0000-000000000001',
    username: 'bench-operator',
    grants: [{ role: 'operator', agencyId: agencies[0]!.id, regionPath: null }],
  });
  const supervisor = ctxOf({
    userId: '00000000-0000-0000-0000-000000000002',
    username: 'bench-supervisor',
    grants: [{ role: 'supervisor', agencyId: null, regionPath: '620000' }],
  });
  const items = (q: Record<string, unknown>) => catalogueListQuery.parse(q);
  const cases = (q: Record<string, unknown>) => caseListQuery.parse(q);
  const catalogue: Record<string, Record<string, unknown>> = {
    first_page: {},
    deep_page: { pageSize: 100 },
    filtered: { state: 'published', year: 2020, articleItem: '20.3' },
    search_title: { q: SUBJECTS[3] },
    search_doc_number: { q: `${agencies[0]!.prefix}发〔2019〕` },
    search_filtered: { q: SUBJECTS[5], year: 2022 },
  };
  const caseQs: Record<string, Record<string, unknown>> = {
    first_page: {},
    deep_page: { pageSize: 100 },
    filtered: { state: 'closed', year: 2023, outcome: 'granted' },
    queue_overdue: { queue: 'overdue' },
    search_name: { q: BENCH_NAMES[2] },
    search_name_filtered: { q: BENCH_NAMES[10], year: 2024 },
    search_serial: { q: String(24 * agencies.length) }, // GB…4800: the operator's agency's
  };
  const out: Record<string, unknown> = {};
  /** The deepest page of 100 the list answers: its last, or the last within MAX_OFFSET. */
  const deepest = (total: number) => Math.max(1, Math.min(MAX_OFFSET / 100 + 1, Math.ceil(total / 100)));
  for (const [who, ctx] of [
    ['operator', operator],
    ['supervisor', supervisor],
  ] as const) {
    const itemTotal = (await staffItemList(ctx, items({}))).total;
    for (const [name, q] of Object.entries(catalogue)) {
      const input = items(name === 'deep_page' ? { ...q, page: deepest(itemTotal) } : q);
      await staffItemList(ctx, input); // warm-up
      const times: number[] = [];
      let total = 0;
      let exact = true;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const r = await staffItemList(ctx, input);
        times.push(performance.now() - t);
        total = r.total;
        exact = r.exact;
      }
      out[`catalogue_${who}_${name}`] = {
        page: input.page,
        total,
        exact,
        p50_ms: pct(times, 50),
        p95_ms: pct(times, 95),
      };
    }
    const caseTotal = (await caseList(ctx, cases({}))).total;
    for (const [name, q] of Object.entries(caseQs)) {
      const input = cases(name === 'deep_page' ? { ...q, page: deepest(caseTotal) } : q);
      await caseList(ctx, input);
      const times: number[] = [];
      let total = 0;
      let exact = true;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const r = await caseList(ctx, input);
        times.push(performance.now() - t);
        total = r.total;
        exact = r.exact;
      }
      out[`cases_${who}_${name}`] = { page: input.page, total, exact, p50_ms: pct(times, 50), p95_ms: pct(times, 95) };
    }
  }
  return out;
}
