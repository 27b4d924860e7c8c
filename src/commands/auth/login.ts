import type { z } from 'zod';
import { loadActor } from '../../db/repos/users.ts';
import type { loginInput } from '../../domain/access/auth-input.ts';
import { AppError } from '../../domain/errors.ts';
import { type Ctx, inTransaction } from '../../shared/context.ts';
import { decrypt } from '../../shared/pii.ts';
import { checkCode, checkPassword } from './credentials.ts';
import { clearPair } from './lockout.ts';
import { newCsrfToken, newToken, SESSION_MAX_HOURS } from './tokens.ts';
import { acceptedStep, TOTP_REQUIRED_ROLES } from './totp.ts';

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: { id: string; username: string; displayName: string };
}

/**
 * 登录 from a client (its address): the password and, when enrolled, the TOTP code, both under the lockout
 * (credentials.ts, lockout.ts); opens a database session.
 */
export async function login(ctx: Ctx, input: z.infer<typeof loginInput>, client: string): Promise<LoginResult> {
  const now = ctx.now();
  const { user, lockout } = await checkPassword(ctx, input.username, input.password, client);
  // 双因素认证: a TOTP code when enrolled; administrators may not log in without one.
  let totpStep: number | null = null;
  if (user.totp_enabled) {
    if (!input.totp) throw new AppError('unauthenticated', '请输入动态口令', { totpRequired: true });
    const code = input.totp;
    totpStep = await checkCode(ctx, lockout, user.id, () =>
      acceptedStep(decrypt<string>(ctx.secretKey, user.totp_secret_enc!), code, now, user.totp_last_step),
    );
    if (totpStep === null) throw new AppError('unauthenticated', '动态口令不正确或已使用', { totpRequired: true });
  } else {
    const roles = await ctx.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute();
    if (roles.some((r) => TOTP_REQUIRED_ROLES.has(r.role)))
      throw new AppError('forbidden', '管理员账号须先启用双因素认证（POST /api/v1/auth/totp/enrol）', {
        totpEnrolmentRequired: true,
      });
  }
  const { token, id } = newToken('gks');
  const csrfToken = newCsrfToken();
  const expiresAt = new Date(now.getTime() + SESSION_MAX_HOURS * 3600_000);
  await inTransaction({ ...ctx, actor: await loadActor(ctx.db, user.id) }, async (trx, audit) => {
    await clearPair(trx, lockout);
    if (totpStep !== null)
      await trx.updateTable('users').set({ totp_last_step: totpStep }).where('id', '=', user.id).execute();
    await trx
      .insertInto('sessions')
      .values({
        id,
        user_id: user.id,
        kind: 'session',
        csrf_token: csrfToken,
        last_seen_at: now,
        expires_at: expiresAt,
      })
      .execute();
    await audit({ agencyId: null, action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  return {
    token,
    csrfToken,
    expiresAt,
    user: { id: user.id, username: user.username, displayName: user.display_name },
  };
}
