import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { COLUMN_PARTS } from '../../domain/catalogue/column.ts';
import { SITEMAP_MAX_URLS, sitemapFiles, sitemapIndexXml, urlsetXml } from '../../domain/catalogue/sitemap.ts';
import type { AppDeps } from '../deps.ts';
import { send } from './portal.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The sitemap index (sitemaps.org: at most 50,000 URLs a file): the site's pages, then the published 主动公开
 * items in slices by id, each file named by its first id. Both reads walk the partial index on (id) of
 * migration 0025 — the index's `row_number()` over it (an index-only scan returning one id per slice), a file's
 * `id >= first … limit perFile` — so at a million items no request holds more than one slice's rows and
 * none skips rows (no OFFSET).
 */
export function portalSitemapRoutes(app: FastifyInstance, deps: AppDeps) {
  const db = deps.readDb ?? deps.db;
  const perFile = Math.min(deps.sitemapUrlsPerFile ?? SITEMAP_MAX_URLS, SITEMAP_MAX_URLS);
  const cached = { config: { publicCache: { query: [] as string[] } } };
  const published = () =>
    db.selectFrom('catalogue_items').where('state', '=', 'published').where('disclosure', '=', 'proactive');
  const sliceStarts = async () => {
    const { rows } = await sql<{ id: string }>`select id from (
        select id, row_number() over (order by id) - 1 as rn from catalogue_items
        where state = 'published' and disclosure = 'proactive') s
      where rn % ${perFile} = 0 order by id`.execute(db);
    return rows.map((r) => r.id);
  };
  const baseOf = (req: FastifyRequest) => `${req.protocol}://${req.headers.host ?? 'localhost'}`;
  const xmlType = 'application/xml; charset=utf-8';

  app.get('/sitemap.xml', cached, async (req, reply) =>
    send(req, reply, sitemapIndexXml(baseOf(req), sitemapFiles(await sliceStarts())), xmlType, 3600),
  );

  app.get('/sitemaps/pages.xml', cached, async (req, reply) => {
    const [list, reports] = await Promise.all([
      db.selectFrom('agencies').select('id').orderBy('kind', 'desc').orderBy('name').execute(),
      db.selectFrom('annual_reports').select(['agency_id', 'year']).where('status', '=', 'published').execute(),
    ]);
    const urls = [
      { path: '/' },
      { path: '/search' },
      { path: '/reports' },
      { path: '/site-map' },
      { path: '/apply' },
      { path: '/concerns' },
      ...list.flatMap((a) => [
        { path: `/agencies/${a.id}` },
        ...COLUMN_PARTS.map((p) => ({ path: `/agencies/${a.id}${p.path}` })),
      ]),
      ...reports.map((r) => ({ path: `/agencies/${r.agency_id}/reports/${r.year}` })),
    ];
    return send(req, reply, urlsetXml(baseOf(req), urls), xmlType, 3600);
  });

  app.get<{ Params: { first: string } }>('/sitemaps/items/:first', cached, async (req, reply) => {
    const first = req.params.first.replace(/\.xml$/, '');
    if (!req.params.first.endsWith('.xml') || !UUID.test(first)) return reply.callNotFound();
    // A file starts at a published item: an id that is none (made up, or withdrawn since the index was read)
    // is not a file, and costs one index probe.
    const start = await published().select('id').where('id', '=', first).executeTakeFirst();
    if (!start) return reply.callNotFound();
    const rows = await published()
      .select(['id', 'publish_date'])
      .where('id', '>=', first)
      .orderBy('id')
      .limit(perFile)
      .execute();
    const urls = rows.map((r) => ({ path: `/items/${r.id}`, lastmod: r.publish_date }));
    return send(req, reply, urlsetXml(baseOf(req), urls), xmlType, 3600);
  });
}
