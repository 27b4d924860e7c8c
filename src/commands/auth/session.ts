import type { z } from 'zod';
import { loadActor } from '../../db/repos/users.ts';
import type { apiTokenInput } from '../../domain/access/auth-input.ts';
import type { Actor } from '../../domain/access/index.ts';
import { AppError } from '../../domain/errors.ts';
import { type Ctx, inTransaction } from '../../shared/context.ts';
import { newCsrfToken, newToken, SESSION_IDLE_MINUTES, tokenId } from './tokens.ts';

export interface Authenticated {
  actor: Actor;
  sessionId: string;
  kind: 'session' | 'api';
  csrfToken: string;
}

/**
 * Resolves a session or API token to its actor. Browser sessions end after 30 idle minutes;
 * last-seen is refreshed at most once a minute to keep reads cheap.
 */
export async function authenticate(ctx: Pick<Ctx, 'db' | 'now'>, token: string): Promise<Authenticated | null> {
  if (!/^gk[sa]_[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const id = tokenId(token);
  const now = ctx.now();
  const s = await ctx.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s || s.revoked_at || new Date(s.expires_at) <= now) return null;
  const lastSeen = new Date(s.last_seen_at);
  if (s.kind === 'session' && now.getTime() - lastSeen.getTime() > SESSION_IDLE_MINUTES * 60_000) return null;
  if (now.getTime() - lastSeen.getTime() > 60_000) {
    await ctx.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  const actor = await loadActor(ctx.db, s.user_id);
  if (!actor) return null;
  return { actor, sessionId: id, kind: s.kind, csrfToken: s.csrf_token };
}

export async function logout(ctx: Ctx, sessionId: string): Promise<void> {
  await inTransaction(ctx, async (trx, audit) => {
    await trx.updateTable('sessions').set({ revoked_at: ctx.now() }).where('id', '=', sessionId).execute();
    await audit({ agencyId: null, action: 'auth.logout', entityType: 'session', entityId: sessionId.slice(0, 12) });
  });
}

/** 接口令牌 for integrations: a bearer token with the user's own rights, shown once. */
export async function createApiToken(ctx: Ctx, input: z.infer<typeof apiTokenInput>) {
  if (!ctx.actor) throw new AppError('unauthenticated', '请先登录');
  const actor = ctx.actor;
  const { token, id } = newToken('gka');
  const expiresAt = new Date(ctx.now().getTime() + input.days * 86400_000);
  await inTransaction(ctx, async (trx, audit) => {
    await trx
      .insertInto('sessions')
      .values({
        id,
        user_id: actor.userId,
        kind: 'api',
        name: input.name,
        csrf_token: newCsrfToken(),
        last_seen_at: ctx.now(),
        expires_at: expiresAt,
      })
      .execute();
    await audit({
      agencyId: null,
      action: 'auth.token_created',
      entityType: 'session',
      entityId: id.slice(0, 12),
      after: { name: input.name },
    });
  });
  return { token, name: input.name, expiresAt };
}

export { loadActor };
