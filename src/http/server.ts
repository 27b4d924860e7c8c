import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import { hasMalformedText, MALFORMED_TEXT_MESSAGE } from '../domain/text-guard.ts';
import { registerAuth } from './auth.ts';
import { zodErrorMap } from './contract/messages.ts';
import type { AppDeps } from './deps.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './errors.ts';
import { registerOpenApi } from './openapi.ts';
import { setSiteIdentity } from './pages/site-identity.ts';
import { registerPublicCache } from './public-cache.ts';
import { guardRoute, rateLimitSettings, warnOfUntrustedProxy } from './rate-limits.ts';
import { agencyRoutes } from './routes/agencies.ts';
import { applicationRoutes } from './routes/applications.ts';
import { attachmentRoutes } from './routes/attachments.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { consoleRoutes } from './routes/console.ts';
import { homeRoutes } from './routes/home.ts';
import { portalRoutes } from './routes/portal.ts';
import { portalApplyRoutes } from './routes/portal-apply.ts';
import { portalColumnRoutes } from './routes/portal-column.ts';
import { portalDeadlineRoutes } from './routes/portal-deadline.ts';
import { portalEngageRoutes } from './routes/portal-engage.ts';
import { portalTrackRoutes } from './routes/portal-track.ts';
import { reportRoutes } from './routes/reports.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { supervisionRoutes } from './routes/supervision.ts';

// Messages of schemas parsed without a request's language: Chinese sentences naming the field, zod's own last.
z.config({ ...z.locales.zhCN(), customError: zodErrorMap('zh-CN') });

export async function buildServer(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    genReqId: (req) => {
      const sent = req.headers['x-request-id'];
      return typeof sent === 'string' && /^[\w-]{1,64}$/.test(sent) ? sent : randomUUID();
    },
    bodyLimit: 2 * 1024 * 1024,
    // X-Forwarded-For only from the proxies listed in TRUST_PROXY: anyone else could rotate it past every limit.
    trustProxy: deps.trustProxy?.length ? deps.trustProxy : false,
    // Bad URLs, over-long parameters, headers too large: our error body, in Chinese, never Fastify's English one.
    frameworkErrors,
    clientErrorHandler,
  }) as unknown as FastifyInstance;
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  // Every route, for the authorization matrix test (a route missing from its table fails it).
  const routeTable: { method: string; url: string }[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: r.url });
  });
  app.decorate('routeTable', routeTable);
  // Rate limits, the 查询码 lockout and JSON-only credentials from one table (rate-limits.ts), before the
  // rate-limit plugin's own onRoute hook reads the limit.
  app.addHook('onRoute', guardRoute(deps));

  // First: a cached public page is answered before any other hook runs (it carries the headers set below).
  registerPublicCache(app, deps.publicCacheSeconds ?? 0, () => deps.now().getTime(), deps.publicChanges);
  app.addHook('onRequest', warnOfUntrustedProxy(deps));
  await app.register(helmet, {
    // A plain-HTTP intranet deployment must keep working: HSTS and upgrade-insecure-requests only under HTTPS.
    hsts: deps.https ? { maxAge: 31536000 } : false,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        ...(deps.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    crossOriginEmbedderPolicy: false,
    // Same-origin only: the display switches (长辈版, English) return to the page they were clicked on,
    // and no address of ours reaches another site.
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(rateLimit, rateLimitSettings);

  // OpenAPI: every contract route registered below is described at /api/v1/openapi.json (/api/v1/docs).
  await registerOpenApi(app);

  registerErrorHandling(app);
  // Bodies with text PostgreSQL cannot hold (lone surrogates in JSON) are refused before any handler.
  app.addHook('preValidation', async (req) => {
    if (hasMalformedText(req.body) || hasMalformedText(req.query))
      throw new AppError('invalid', MALFORMED_TEXT_MESSAGE);
  });
  registerAuth(app, deps);
  homeRoutes(app, deps);
  authRoutes(app, deps);
  agencyRoutes(app, deps);
  auditRoutes(app, deps);
  calendarRoutes(app, deps);
  applicationRoutes(app, deps);
  portalApplyRoutes(app, deps);
  portalColumnRoutes(app, deps);
  // The footer's identity: the configuration, else the government agency's name and telephone.
  app.addHook('onReady', async () => {
    const gov = await deps.db
      .selectFrom('agencies')
      .select(['name', 'contact'])
      .where('kind', '=', 'government')
      .orderBy('created_at')
      .executeTakeFirst();
    const phone = (gov?.contact as { phone?: string } | undefined)?.phone;
    setSiteIdentity({ sponsor: gov?.name, contact: phone ? `电话 ${phone}` : undefined, ...deps.site });
  });
  portalTrackRoutes(app, deps);
  portalDeadlineRoutes(app, deps);
  portalEngageRoutes(app, deps);
  supervisionRoutes(app, deps);
  catalogueRoutes(app, deps);
  attachmentRoutes(app, deps);
  portalRoutes(app, deps);
  reportRoutes(app, deps);
  reviewRoutes(app, deps);
  await consoleRoutes(app, deps);
  return app;
}
