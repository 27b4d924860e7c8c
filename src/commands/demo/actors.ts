import { loadActor } from '../../db/repos/users.ts';
import type { Ctx } from '../../shared/context.ts';

/** The demo loader acting as one of the demo staff, so every record goes through that person's permissions. */
export async function demoActor(sys: Ctx, username: string): Promise<Ctx> {
  const u = await sys.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return { ...sys, actor: await loadActor(sys.db, u.id) };
}
