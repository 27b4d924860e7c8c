import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../deps.ts';
import { SITE_CSS } from '../pages/site-css.ts';

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

  app.get('/assets/site.css', async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8');
    return SITE_CSS;
  });
}
