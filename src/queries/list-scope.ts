import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely';
import { scopeSql } from '../db/repos/agencies.ts';
import type { DB } from '../db/schema.ts';
import { type Action, scopeFor } from '../domain/access/index.ts';
import { AppError } from '../domain/errors.ts';
import { COUNT_CAP, type Paging } from '../domain/lists/paging.ts';
import type { Ctx } from '../shared/context.ts';

/** What the staff lists share: the policy's scope as a list of agencies, the capped count, the answer's shape. */

export interface ScopedAgency {
  id: string;
  region_code: string;
}

/**
 * The agencies an action reaches for this actor (the policy's scope: own agencies, a supervisor's region and
 * those below it), narrowed to one when asked: a list then filters `agency_id = any(…)`, which an index on
 * (agency_id, …) answers for one agency or a few, instead of joining regions on every row.
 */
export async function agenciesInScope(ctx: Ctx, action: Action, agencyId?: string): Promise<ScopedAgency[]> {
  if (!ctx.actor) throw new AppError('unauthenticated', '请先登录');
  let q = ctx.db
    .selectFrom('agencies as g')
    .innerJoin('regions as r', 'r.code', 'g.region_code')
    .select(['g.id', 'g.region_code'])
    .where(scopeSql(scopeFor(ctx.actor, action), 'g.id', 'r.path'));
  if (agencyId) q = q.where('g.id', '=', agencyId);
  return q.execute();
}

/** `col = id` for one agency, `col = any(ids)` for several. */
export function inAgencies(col: string, agencies: readonly ScopedAgency[]): RawBuilder<boolean> {
  if (agencies.length === 1) return sql<boolean>`${sql.ref(col)} = ${agencies[0]!.id}::uuid`;
  return sql<boolean>`${sql.ref(col)} = any(${agencies.map((a) => a.id)}::uuid[])`;
}

/** The agencies grouped by region (a calendar each): for the working-day queues' bounds. */
export function byRegion(agencies: readonly ScopedAgency[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const a of agencies) m.set(a.region_code, [...(m.get(a.region_code) ?? []), a.id]);
  return m;
}

/**
 * How many rows a list has: exact up to COUNT_CAP (an index-only count that stops there), beyond it the
 * planner's estimate of the same query ("约 N 条"), never below the cap.
 */
export async function cappedCount(
  db: Kysely<DB>,
  rows: Expression<unknown>,
): Promise<{ total: number; exact: boolean }> {
  const c = await sql<{ n: number }>`select count(*)::int as n from (${rows} limit ${COUNT_CAP + 1}) x`.execute(db);
  const n = c.rows[0]!.n;
  if (n <= COUNT_CAP) return { total: n, exact: true };
  const plan = await sql<{ 'QUERY PLAN': unknown }>`explain (format json) ${rows}`.execute(db);
  const raw = plan.rows[0]?.['QUERY PLAN'];
  const doc = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan?: { 'Plan Rows'?: number } }[];
  const estimate = Math.round(doc[0]?.Plan?.['Plan Rows'] ?? 0);
  return { total: Math.max(COUNT_CAP + 1, estimate), exact: false };
}

export interface ListPage<T> extends Paging {
  items: T[];
  total: number;
  /** false: more than COUNT_CAP rows, `total` is an estimate ("约 N 条"). */
  exact: boolean;
}
