import { type Kysely, sql } from 'kysely';
import type { Resource, Scope } from '../../domain/access/index.ts';
import type { DB } from '../schema.ts';

type Q = Kysely<DB>;

/** The policy resource of an agency: its id and its region's path. */
export async function agencyResource(db: Q, agencyId: string): Promise<Resource | null> {
  const row = await db
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.code', 'agencies.region_code')
    .select(['agencies.id', 'regions.path'])
    .where('agencies.id', '=', agencyId)
    .executeTakeFirst();
  return row ? { agencyId: row.id, regionPath: row.path } : null;
}

/** SQL form of a policy scope over rows that carry an agency id, with `regions` joined as its region. */
export function scopeSql(scope: Scope, agencyIdCol: string, regionPathCol: string) {
  if (scope.all) return sql<boolean>`true`;
  const parts = [];
  if (scope.agencyIds.length) parts.push(sql`${sql.ref(agencyIdCol)} = any(${scope.agencyIds}::uuid[])`);
  for (const p of scope.regionPaths) {
    parts.push(sql`(${sql.ref(regionPathCol)} = ${p} or ${sql.ref(regionPathCol)} like ${`${p}/%`})`);
  }
  if (parts.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

export function listAgencies(db: Q, scope: Scope) {
  return db
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.code', 'agencies.region_code')
    .select([
      'agencies.id',
      'agencies.name',
      'agencies.short_name',
      'agencies.credit_code',
      'agencies.kind',
      'agencies.region_code',
      'regions.name as region_name',
      'agencies.parent_agency_id',
      'agencies.contact',
      'agencies.index_pattern',
    ])
    .where(scopeSql(scope, 'agencies.id', 'regions.path'))
    .orderBy('regions.path')
    .orderBy('agencies.kind')
    .orderBy('agencies.name')
    .execute();
}

export function findAgency(db: Q, id: string) {
  return db
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.code', 'agencies.region_code')
    .selectAll('agencies')
    .select(['regions.name as region_name', 'regions.path as region_path'])
    .where('agencies.id', '=', id)
    .executeTakeFirst();
}

export function findAgencyByCreditCode(db: Q, code: string) {
  return db
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.code', 'agencies.region_code')
    .selectAll('agencies')
    .select(['regions.name as region_name', 'regions.path as region_path'])
    .where('agencies.credit_code', '=', code)
    .executeTakeFirst();
}

export function findRegion(db: Q, code: string) {
  return db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
}
