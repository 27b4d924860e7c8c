import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { scopeSql } from '../db/repos/agencies.ts';
import type { DB } from '../db/schema.ts';
import { scopeFor } from '../domain/access/index.ts';
import { AppError } from '../domain/errors.ts';
import type { Ctx } from '../shared/context.ts';

const base = (db: Kysely<DB>) =>
  db
    .selectFrom('concerns as c')
    .innerJoin('agencies as g', 'g.id', 'c.agency_id')
    .innerJoin('regions as r', 'r.code', 'g.region_code')
    .leftJoin('catalogue_items as i', 'i.id', 'c.response_item_id')
    .select([
      'c.id',
      'c.agency_id',
      'g.name as agency',
      'c.source',
      'c.topic',
      'c.summary',
      'c.received_date',
      'c.responded_date',
      'c.response_item_id',
      'i.title as response_title',
      sql<number | null>`(c.responded_date - c.received_date)`.as('response_days'),
    ]);

/** 回应关切 for staff: the concerns of the agencies in scope, open first, with the response time in days. */
export async function staffConcerns(ctx: Ctx) {
  if (!ctx.actor) throw new AppError('unauthenticated', '请先登录');
  return base(ctx.db)
    .where(scopeSql(scopeFor(ctx.actor, 'catalogue.read'), 'c.agency_id', 'r.path'))
    .orderBy(sql`c.responded_date is not null`)
    .orderBy('c.received_date', 'desc')
    .limit(500)
    .execute();
}

/** The portal's 回应关切 list: answered concerns with a link to the published response. */
export async function publicConcerns(db: Kysely<DB>, agencyId?: string) {
  let q = base(db).where('c.responded_date', 'is not', null).where('i.state', '=', 'published');
  if (agencyId) q = q.where('c.agency_id', '=', agencyId);
  return q.orderBy('c.responded_date', 'desc').limit(200).execute();
}
