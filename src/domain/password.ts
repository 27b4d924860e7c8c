/**
 * Password rules after 等保2.0 (GB/T 22239-2019, 8.1.4.1 身份鉴别): complex enough and changed periodically.
 * At least 8 characters, at least three of: upper case, lower case, digits, symbols; not containing the username.
 */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push('密码长度至少8位');
  if (password.length > 128) problems.push('密码长度不能超过128位');
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、特殊字符中的至少三类');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  return problems;
}

/** Lockout after repeated failures (等保2.0: 登录失败处理). */
export const LOCKOUT = { maxFailures: 5, minutes: 15 } as const;

export interface LoginState {
  failedLogins: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after a failed attempt: the 5th consecutive failure locks the account for 15 minutes. */
export function afterFailure(state: LoginState, now: Date): LoginState {
  const failed = state.failedLogins + 1;
  if (failed >= LOCKOUT.maxFailures) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT.minutes * 60_000) };
  }
  return { failedLogins: failed, lockedUntil: state.lockedUntil };
}
