import type { FastifyInstance } from 'fastify';
import { login, loginInput } from '../../commands/auth/login.ts';
import { apiTokenInput, createApiToken, logout } from '../../commands/auth/session.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from '../../commands/auth/totp.ts';
import { roleLabels } from '../../domain/access/index.ts';
import { ctxOf, requireLogin, SESSION_COOKIE, setSessionCookie } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { clientAddress } from '../rate-limits.ts';

export function authRoutes(app: FastifyInstance, deps: AppDeps) {
  // 双因素认证 enrolment: with the password (and, to replace a secret, a current code); no session needed, so
  // an administrator can enrol before the first login.
  const limited = { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } };
  app.post('/api/v1/auth/totp/enrol', limited, async (req) =>
    startTotpEnrolment(ctxOf(req, deps), req.body, clientAddress(req.ip)),
  );
  app.post('/api/v1/auth/totp/confirm', limited, async (req) => {
    await confirmTotpEnrolment(ctxOf(req, deps), req.body, clientAddress(req.ip));
    return { ok: true };
  });

  app.post('/api/v1/auth/login', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (req, reply) => {
    const input = loginInput.parse(req.body);
    const result = await login(ctxOf(req, deps), input, clientAddress(req.ip));
    setSessionCookie(reply, result.token, deps.https, result.expiresAt);
    return { token: result.token, csrfToken: result.csrfToken, expiresAt: result.expiresAt, user: result.user };
  });

  app.post('/api/v1/auth/logout', async (req, reply) => {
    const auth = requireLogin(req);
    await logout(ctxOf(req, deps), auth.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.post('/api/v1/auth/tokens', async (req, reply) => {
    requireLogin(req);
    const input = apiTokenInput.parse(req.body ?? {});
    reply.status(201);
    return createApiToken(ctxOf(req, deps), input);
  });

  app.get('/api/v1/me', async (req) => {
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
