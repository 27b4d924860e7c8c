import { AppError } from '../../domain/errors.ts';
import type { Ctx } from '../../shared/context.ts';
import { type Attempt, beginAttempt, clearPair, lockoutKeys, minutesUntil, refundAttempt } from './lockout.ts';

/**
 * 查询码 checks (tracking an application, downloading its letters, rating it) are codes like a password: the
 * same lockout in a realm of their own (lockout.ts), the tracking number in the place of the account. The HTTP
 * layer opens a check before the route runs and closes it with the route's outcome.
 */
export async function openCodeCheck(
  ctx: Pick<Ctx, 'db' | 'now' | 'secretKey'>,
  trackingNumber: string,
  client: string,
): Promise<Attempt> {
  const now = ctx.now();
  const begun = await beginAttempt(ctx.db, lockoutKeys(ctx.secretKey, 'code', trackingNumber, client), now);
  if ('attempt' in begun) return begun.attempt;
  const until = begun.refusedUntil;
  throw new AppError('rate_limited', `申请编号或查询码错误次数过多，请 ${minutesUntil(until, now)} 分钟后再试`, {
    retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000),
  });
}

/**
 * `wrong`: a wrong number or code, which stays counted; `right`: ends the pair's run of failures; `other`
 * (refused for another reason, the code unchecked): the attempt is given back.
 */
export async function closeCodeCheck(
  ctx: Pick<Ctx, 'db'>,
  attempt: Attempt,
  outcome: 'wrong' | 'right' | 'other',
): Promise<void> {
  switch (outcome) {
    case 'wrong':
      return;
    case 'right':
      await refundAttempt(ctx.db, attempt);
      await clearPair(ctx.db, attempt.lockout);
      return;
    case 'other':
      await refundAttempt(ctx.db, attempt);
      return;
  }
}
