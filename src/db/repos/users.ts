import type { Kysely } from 'kysely';
import type { Actor, Grant } from '../../domain/access/index.ts';
import type { DB } from '../schema.ts';

export async function loadGrants(db: Kysely<DB>, userId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('user_roles')
    .leftJoin('regions', 'regions.code', 'user_roles.region_code')
    .select(['user_roles.role', 'user_roles.agency_id', 'regions.path'])
    .where('user_roles.user_id', '=', userId)
    .execute();
  return rows.map((r) => ({ role: r.role, agencyId: r.agency_id, regionPath: r.path }));
}

export async function loadActor(db: Kysely<DB>, userId: string): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.disabled) return null;
  return { userId: user.id, username: user.username, grants: await loadGrants(db, userId) };
}

export function findUserByName(db: Kysely<DB>, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}
