import { createHash, randomBytes } from 'node:crypto';

export const SESSION_IDLE_MINUTES = 30; // 等保2.0: 登录连接超时自动退出
export const SESSION_MAX_HOURS = 12;

export function newToken(prefix: 'gks' | 'gka'): { token: string; id: string } {
  const token = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, id: tokenId(token) };
}

export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}
