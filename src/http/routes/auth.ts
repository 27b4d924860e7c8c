import type { FastifyInstance } from 'fastify';
import { login } from '../../commands/auth/login.ts';
import { createApiToken, logout } from '../../commands/auth/session.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from '../../commands/auth/totp.ts';
import { roleLabels } from '../../domain/access/index.ts';
import { ctxOf, requireLogin, SESSION_COOKIE, setSessionCookie } from '../auth.ts';
import * as c from '../contract/auth.ts';
import type { AppDeps } from '../deps.ts';
import { route } from '../route.ts';

export function authRoutes(app: FastifyInstance, deps: AppDeps) {
  // 双因素认证 enrolment: with the password (and, to replace a secret, a current code); no session needed, so
  // an administrator can enrol before the first login.
  const limited = { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } };
  route(app, c.startTotpEnrolment, async ({ req, body }) => startTotpEnrolment(ctxOf(req, deps), body), limited);
  route(
    app,
    c.confirmTotpEnrolment,
    async ({ req, body }) => {
      await confirmTotpEnrolment(ctxOf(req, deps), body);
      return { ok: true };
    },
    limited,
  );

  route(
    app,
    c.login,
    async ({ req, reply, body }) => {
      const result = await login(ctxOf(req, deps), body);
      setSessionCookie(reply, result.token, deps.https, result.expiresAt);
      return { token: result.token, csrfToken: result.csrfToken, expiresAt: result.expiresAt, user: result.user };
    },
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
  );

  route(app, c.logout, async ({ req, reply }) => {
    const auth = requireLogin(req);
    await logout(ctxOf(req, deps), auth.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  route(app, c.createApiToken, async ({ req, body }) => createApiToken(ctxOf(req, deps), body));

  route(app, c.me, async ({ req }) => {
    const auth = requireLogin(req);
    const user = await deps.db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'email'])
      .where('id', '=', auth.actor.userId)
      .executeTakeFirstOrThrow();
    return {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      email: user.email,
      roles: auth.actor.grants.map((g) => ({ ...g, label: roleLabels[g.role] })),
      csrfToken: auth.kind === 'session' ? auth.csrfToken : undefined,
    };
  });
}
