import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../deps.ts';
import { html, page } from '../pages/layout.ts';
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

  // Minimal public home: the governments and departments that publish here.
  app.get('/', async (_req, reply) => {
    const agencies = await deps.db
      .selectFrom('agencies')
      .innerJoin('regions', 'regions.code', 'agencies.region_code')
      .select(['agencies.name', 'agencies.kind', 'regions.name as region'])
      .orderBy('regions.path')
      .orderBy('agencies.kind', 'desc')
      .orderBy('agencies.name')
      .execute();
    const body = html`<h1>政府信息公开</h1>
<p>本平台依据《中华人民共和国政府信息公开条例》公开政府信息，受理政府信息公开申请。</p>
<section aria-labelledby="agencies-h"><h2 id="agencies-h">公开主体</h2>
${agencies.length ? html`<ul class="agencies">${agencies.map((a) => html`<li>${a.name}</li>`)}</ul>` : html`<p>暂无公开主体。</p>`}
</section>`;
    reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60');
    return page({ title: '政府信息公开平台', body });
  });
}
