import { sql } from 'kysely';
import { scopeSql } from '../db/repos/agencies.ts';
import { type Role, roleLabels, scopeFor } from '../domain/access/index.ts';
import { AppError } from '../domain/errors.ts';
import type { Ctx } from '../shared/context.ts';

/** Staff accounts the actor may manage or see: those holding a role in an agency (or region) in scope. */
export async function listUsers(ctx: Ctx) {
  if (!ctx.actor) throw new AppError('unauthenticated', '请先登录');
  const scope = scopeFor(ctx.actor, 'user.read');
  const rows = await ctx.db
    .selectFrom('user_roles as ur')
    .innerJoin('users as u', 'u.id', 'ur.user_id')
    .leftJoin('agencies as g', 'g.id', 'ur.agency_id')
    .leftJoin('regions as r', (j) => j.on(sql<boolean>`r.code = coalesce(g.region_code, ur.region_code)`))
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.disabled',
      'ur.role',
      'ur.agency_id',
      'g.name as agency_name',
      'ur.region_code',
      'r.name as region_name',
    ])
    .where(scopeSql(scope, 'ur.agency_id', 'r.path'))
    .orderBy('u.username')
    .execute();
  const byUser = new Map<
    string,
    {
      id: string;
      username: string;
      displayName: string;
      disabled: boolean;
      roles: {
        role: string;
        roleLabel: string;
        agencyId: string | null;
        agency: string | null;
        regionCode: string | null;
        region: string | null;
      }[];
    }
  >();
  for (const r of rows) {
    const u = byUser.get(r.id) ?? {
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      disabled: r.disabled,
      roles: [],
    };
    u.roles.push({
      role: r.role,
      roleLabel: roleLabels[r.role as Role],
      agencyId: r.agency_id,
      agency: r.agency_name,
      regionCode: r.region_code,
      region: r.region_name,
    });
    byUser.set(r.id, u);
  }
  return [...byUser.values()];
}
