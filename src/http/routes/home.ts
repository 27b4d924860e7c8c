import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../deps.ts';
import { KIOSK_JS } from '../pages/kiosk-script.ts';
import { LARGE_CSS, SITE_CSS } from '../pages/site-css.ts';

export function homeRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/healthz', async (_req, reply) => {
    const started = performance.now();
    try {
      await sql`select 1`.execute(deps.db);
      return {
        status: 'ok',
        database: { status: 'ok', kind: deps.dbKind, ms: Math.round(performance.now() - started) },
      };
    } catch (err) {
      reply.status(503);
      return { status: 'error', database: { status: 'error', kind: deps.dbKind, message: (err as Error).message } };
    }
  });

  // Readiness: each database. Ready while the primary answers; a replica down or behind only moves the
  // portal's reads to the primary (read-router.ts), so it is reported, not a reason to take the instance out.
  app.get('/readyz', async (_req, reply) => {
    const started = performance.now();
    let primary: Record<string, unknown>;
    try {
      await sql`select 1`.execute(deps.db);
      primary = { status: 'ok', kind: deps.dbKind, ms: Math.round(performance.now() - started) };
    } catch (err) {
      primary = { status: 'error', kind: deps.dbKind, message: (err as Error).message };
    }
    const reads = deps.readHealth?.();
    reply.header('cache-control', 'no-store');
    if (primary.status !== 'ok') reply.status(503);
    return {
      status: primary.status === 'ok' ? 'ok' : 'error',
      primary,
      replica: reads ? reads.replica : null,
      portalReads: reads ? reads.serving : 'primary',
    };
  });

  // One stylesheet URL for every page (no JavaScript): the 长辈版 cookie adds the large-text rules.
  app.get('/assets/site.css', async (req, reply) => {
    const large = req.cookies.gk_large === '1';
    reply.header('cache-control', 'private, max-age=300').header('vary', 'Cookie').type('text/css; charset=utf-8');
    return large ? SITE_CSS + LARGE_CSS : SITE_CSS;
  });

  // The viewing point's idle reset (pages add it only in kiosk mode; portal-engage.ts).
  app.get('/assets/kiosk.js', async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=300').type('text/javascript; charset=utf-8');
    return KIOSK_JS;
  });

  // Display preferences set by a plain link (no JavaScript), then back to the page the visitor was on.
  const remember = (req: FastifyRequest, reply: FastifyReply, name: string, value: string) => {
    reply.setCookie(name, value, {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      maxAge: 365 * 86400,
      secure: deps.https,
    });
    const ref = req.headers.referer;
    let back = '/';
    try {
      if (ref && new URL(ref).host === req.headers.host) back = new URL(ref).pathname + new URL(ref).search;
    } catch {
      /* not a URL */
    }
    return reply.redirect(back, 303);
  };
  app.get<{ Querystring: { on?: string } }>('/large-text', (req, reply) =>
    remember(req, reply, 'gk_large', req.query.on === '1' ? '1' : '0'),
  );
  // 语言: 中文 (default) or English for the portal's interface.
  app.get<{ Querystring: { to?: string } }>('/lang', (req, reply) =>
    remember(req, reply, 'gk_lang', req.query.to === 'en' ? 'en' : 'zh-CN'),
  );
}
