import { hash, verify } from '@node-rs/argon2';
import { findUserByName } from '../../db/repos/users.ts';
import { AppError } from '../../domain/errors.ts';
import { type Ctx, inTransaction } from '../../shared/context.ts';
import { type Attempt, beginAttempt, LOCKOUT_RULES, type LockoutKeys, lockoutKeys, refundAttempt } from './lockout.ts';

/**
 * The one answer to a wrong password, an unknown or disabled account and a locked one alike: the same status,
 * the same words, and an argon2 verification every time (against a fixed hash when there is no account to check),
 * so neither the answer nor its timing tells whether the account exists or is locked.
 */
export const WRONG_CREDENTIALS = `用户名或密码错误（同一账户在本机连续错误 ${LOCKOUT_RULES.pair.maxFailures} 次后，须等待 ${LOCKOUT_RULES.pair.minutes} 分钟再试）`;

export const wrongCredentials = () => new AppError('unauthenticated', WRONG_CREDENTIALS);

let dummyHash: Promise<string> | undefined;

export type CheckedUser = NonNullable<Awaited<ReturnType<typeof findUserByName>>>;

/**
 * Checks a username and password from a client (its address, as the HTTP layer sees it), under the lockout
 * (lockout.ts): refused while the pair, the client or the attacked account is locked; a wrong one is counted.
 * Every route that takes a password goes through here (login, TOTP enrolment and its confirmation).
 */
export async function checkPassword(
  ctx: Ctx,
  username: string,
  password: string,
  client: string,
): Promise<{ user: CheckedUser; lockout: LockoutKeys }> {
  const lockout = lockoutKeys(ctx.secretKey, 'login', username, client);
  const begun = await beginAttempt(ctx.db, lockout, ctx.now());
  const attempt = 'attempt' in begun ? begun.attempt : null;
  const user = await findUserByName(ctx.db, username);
  dummyHash ??= hash('gongkai-timing-equaliser');
  const ok = await verify(attempt && user ? user.password_hash : await dummyHash, password).catch(() => false);
  if (!attempt) throw wrongCredentials();
  if (!user || !ok || user.disabled) {
    await auditFailure(ctx, attempt, user?.id ?? null, 'auth.login_failed');
    throw wrongCredentials();
  }
  await refundAttempt(ctx.db, attempt);
  return { user, lockout };
}

/**
 * A second factor after the right password (a TOTP code): an attempt of its own under the same lockout, so
 * guessing codes with a known password locks as guessing passwords does. `check` answers null for a wrong code.
 */
export async function checkCode<T>(ctx: Ctx, lockout: LockoutKeys, userId: string, check: () => T | null) {
  const begun = await beginAttempt(ctx.db, lockout, ctx.now());
  if (!('attempt' in begun)) throw wrongCredentials();
  const result = check();
  if (result === null) await auditFailure(ctx, begun.attempt, userId, 'auth.totp_failed');
  else await refundAttempt(ctx.db, begun.attempt);
  return result;
}

/**
 * For a known account the audit log records the failure, or `auth.locked` when it locked the account for this
 * client, or `auth.account_throttled` when it crossed the account's threshold (an attack from many clients).
 */
async function auditFailure(ctx: Ctx, attempt: Attempt, userId: string | null, action: string) {
  if (!userId) return;
  const { locked } = attempt;
  await inTransaction(ctx, async (_trx, audit) => {
    await audit({
      agencyId: null,
      action: locked.includes('account') ? 'auth.account_throttled' : locked.includes('pair') ? 'auth.locked' : action,
      entityType: 'user',
      entityId: userId,
    });
  });
}
