import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { findUserByName, loadActor } from '../../db/repos/users.ts';
import { AppError } from '../../domain/errors.ts';
import { afterFailure, isLocked } from '../../domain/password.ts';
import { type Ctx, inTransaction } from '../../shared/context.ts';
import { decrypt } from '../../shared/pii.ts';
import { newCsrfToken, newToken, SESSION_MAX_HOURS } from './tokens.ts';
import { acceptedStep, TOTP_REQUIRED_ROLES } from './totp.ts';

export const loginInput = z.object({
  username: z.string().min(1, '请输入用户名').max(100),
  password: z.string().min(1, '请输入密码').max(200),
  totp: z.string().trim().max(10).optional(),
});

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: { id: string; username: string; displayName: string };
}

// A fixed hash so an unknown user costs the same time as a wrong password (no user enumeration by timing).
let dummyHash: Promise<string> | undefined;

/** 登录: checks the password, counts failures, locks after five, opens a database session. */
export async function login(ctx: Ctx, input: z.infer<typeof loginInput>): Promise<LoginResult> {
  const now = ctx.now();
  const user = await findUserByName(ctx.db, input.username);
  if (user && isLocked({ failedLogins: user.failed_logins, lockedUntil: user.locked_until }, now)) {
    throw new AppError('locked', `账户因多次登录失败已被锁定，请于 ${formatTime(user.locked_until!)} 后再试`);
  }
  dummyHash ??= hash('gongkai-timing-equaliser');
  const ok = await verify(user?.password_hash ?? (await dummyHash), input.password).catch(() => false);
  if (!user || !ok || user.disabled) {
    if (user) await countFailure(ctx, user, now, 'auth.login_failed');
    throw new AppError('unauthenticated', '用户名或密码错误');
  }
  // 双因素认证: a TOTP code when enrolled; administrators may not log in without one.
  let totpStep: number | null = null;
  if (user.totp_enabled) {
    if (!input.totp) throw new AppError('unauthenticated', '请输入动态口令', { totpRequired: true });
    totpStep = acceptedStep(
      decrypt<string>(ctx.secretKey, user.totp_secret_enc!),
      input.totp,
      now,
      user.totp_last_step,
    );
    if (totpStep === null) {
      await countFailure(ctx, user, now, 'auth.totp_failed');
      throw new AppError('unauthenticated', '动态口令不正确或已使用', { totpRequired: true });
    }
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
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, ...(totpStep !== null ? { totp_last_step: totpStep } : {}) })
      .where('id', '=', user.id)
      .execute();
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

/** A failed attempt counts towards the lockout (等保: 5 failures); the one that locks says so. */
async function countFailure(
  ctx: Ctx,
  user: { id: string; failed_logins: number; locked_until: Date | null },
  now: Date,
  action: string,
) {
  const next = afterFailure({ failedLogins: user.failed_logins, lockedUntil: user.locked_until }, now);
  const locked = !!next.lockedUntil && next.lockedUntil > now;
  await inTransaction(ctx, async (trx, audit) => {
    await trx
      .updateTable('users')
      .set({ failed_logins: next.failedLogins, locked_until: next.lockedUntil })
      .where('id', '=', user.id)
      .execute();
    await audit({ agencyId: null, action: locked ? 'auth.locked' : action, entityType: 'user', entityId: user.id });
  });
  if (locked) throw new AppError('locked', `连续登录失败次数过多，账户已锁定至 ${formatTime(next.lockedUntil!)}`);
}

function formatTime(d: Date): string {
  // Shown in China Standard Time.
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
