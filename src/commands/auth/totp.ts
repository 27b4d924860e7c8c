import { createHash } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { totpEnrolInput } from '../../domain/access/auth-input.ts';
import { SYSTEM } from '../../domain/access/index.ts';
import { AppError } from '../../domain/errors.ts';
import { authorize, type Ctx, inTransaction } from '../../shared/context.ts';
import { decrypt, encrypt } from '../../shared/pii.ts';
import { checkCode, checkPassword } from './credentials.ts';
import { clearPair } from './lockout.ts';

/** Roles that must use a second factor (等保2.0 三级: 管理员双因素认证). */
export const TOTP_REQUIRED_ROLES = new Set(['agency_admin', 'sysadmin']);

const totpOf = (secret: string, label: string) =>
  new TOTP({ issuer: 'gongkai', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });

/**
 * The time step a code is valid for (±1 step of clock drift), or null. A step at or before the last accepted
 * one is refused: each code works once.
 */
export function acceptedStep(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secret, 'x').validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 30_000) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

export function totpCode(secret: string, at: Date): string {
  return totpOf(secret, 'x').generate({ timestamp: at.getTime() });
}

/** The password, under the same lockout as the login (credentials.ts): enrolment is no way around it. */
async function checkEnrolment(ctx: Ctx, body: unknown, client: string) {
  const input = totpEnrolInput.parse(body);
  const { user, lockout } = await checkPassword(ctx, input.username, input.password, client);
  return { user, input, lockout };
}

/**
 * 启用双因素认证, step 1: with the password, a new secret (not yet active) and its otpauth:// URI for an
 * authenticator app. Replacing an active secret needs a current code as well; a wrong one counts as a failure.
 */
export async function startTotpEnrolment(ctx: Ctx, body: unknown, client: string) {
  const { user, input, lockout } = await checkEnrolment(ctx, body, client);
  if (user.totp_enabled) {
    const step = await checkCode(ctx, lockout, user.id, () =>
      acceptedStep(
        decrypt<string>(ctx.secretKey, user.totp_secret_enc!),
        input.code ?? '',
        ctx.now(),
        user.totp_last_step,
      ),
    );
    if (step === null) throw new AppError('unauthenticated', '已启用双因素认证：更换密钥须输入当前的动态口令');
  }
  const secret = new Secret({ size: 20 }).base32;
  await inTransaction(ctx, async (trx, audit) => {
    await clearPair(trx, lockout);
    await trx
      .updateTable('users')
      .set({ totp_secret_enc: encrypt(ctx.secretKey, secret), totp_enabled: false })
      .where('id', '=', user.id)
      .execute();
    await audit({ agencyId: null, action: 'auth.totp_enrolment_started', entityType: 'user', entityId: user.id });
  });
  return { secret, uri: totpOf(secret, user.username).toString() };
}

/**
 * Step 2: a code from the app proves it holds the secret; from now on every login asks for a code. A wrong code
 * counts as a failure.
 */
export async function confirmTotpEnrolment(ctx: Ctx, body: unknown, client: string) {
  const { user, input, lockout } = await checkEnrolment(ctx, body, client);
  if (!user.totp_secret_enc) throw new AppError('conflict', '请先获取双因素认证密钥');
  const secret = decrypt<string>(ctx.secretKey, user.totp_secret_enc);
  const step = await checkCode(ctx, lockout, user.id, () => acceptedStep(secret, input.code ?? '', ctx.now(), null));
  if (step === null) throw new AppError('invalid', '动态口令不正确，请检查手机时间后重试');
  await inTransaction(ctx, async (trx, audit) => {
    await clearPair(trx, lockout);
    await trx
      .updateTable('users')
      .set({ totp_enabled: true, totp_last_step: step })
      .where('id', '=', user.id)
      .execute();
    await audit({ agencyId: null, action: 'auth.totp_enabled', entityType: 'user', entityId: user.id });
  });
}

/** A TOTP secret set up by the system (demo loader, provisioning scripts): active at once. */
export async function provisionTotp(ctx: Ctx, userId: string, secret: string) {
  authorize(ctx, 'user.manage', SYSTEM);
  await inTransaction(ctx, async (trx, audit) => {
    await trx
      .updateTable('users')
      .set({ totp_secret_enc: encrypt(ctx.secretKey, secret), totp_enabled: true, totp_last_step: null })
      .where('id', '=', userId)
      .execute();
    await audit({ agencyId: null, action: 'auth.totp_provisioned', entityType: 'user', entityId: userId });
  });
}

/** The demo administrators' TOTP secret, derived from the demo password (so it can be printed again). */
export function demoTotpSecret(password: string): string {
  return base32(createHash('sha1').update(`gongkai-demo-totp|${password}`).digest());
}

function base32(buf: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}
