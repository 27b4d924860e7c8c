import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Authenticated, authenticate } from '../commands/auth/session.ts';
import { AppError } from '../domain/errors.ts';
import type { Ctx } from '../shared/context.ts';
import type { AppDeps } from './deps.ts';

export const SESSION_COOKIE = 'gk_session';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
    authVia: 'cookie' | 'bearer' | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the caller from `Authorization: Bearer` or the session cookie. Cookie-authenticated writes
 * must carry the session's CSRF token (`X-CSRF-Token` header or `_csrf` form field).
 */
export function registerAuth(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('auth', null);
  app.decorateRequest('authVia', null);
  app.addHook('preHandler', async (req) => {
    const header = req.headers.authorization;
    let token: string | undefined;
    if (header?.startsWith('Bearer ')) {
      token = header.slice(7).trim();
      req.authVia = 'bearer';
    } else if (req.cookies[SESSION_COOKIE]) {
      token = req.cookies[SESSION_COOKIE];
      req.authVia = 'cookie';
    }
    if (!token) return;
    req.auth = await authenticate(deps, token);
    if (!req.auth) {
      if (req.authVia === 'bearer') throw new AppError('unauthenticated', '令牌无效或已过期');
      req.authVia = null; // an expired cookie is as good as none
      return;
    }
    if (req.authVia === 'cookie' && UNSAFE.has(req.method)) {
      const body = req.body as Record<string, unknown> | undefined;
      const sent = req.headers['x-csrf-token'] ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
      if (sent !== req.auth.csrfToken) throw new AppError('forbidden', '请求缺少有效的 CSRF 令牌，请刷新页面后重试');
    }
  });
}

/** The command context of a request. */
export function ctxOf(req: FastifyRequest, deps: AppDeps): Ctx {
  return { db: deps.db, now: deps.now, actor: req.auth?.actor ?? null, secretKey: deps.secretKey };
}

export function requireLogin(req: FastifyRequest): Authenticated {
  if (!req.auth) throw new AppError('unauthenticated', '请先登录');
  return req.auth;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, expires: Date) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires });
}
