import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { attachmentPath } from '../../commands/catalogue/attachments.ts';
import { ARTICLE_ITEMS, GENRES, TOPICS, VALIDITY_LABELS, wellFormed } from '../../domain/catalogue/index.ts';
import { PAGE_SIZE, type PublicFilter, publicItem, publicItems, searchItems } from '../../queries/catalogue.ts';
import type { AppDeps } from '../deps.ts';
import { columnHead, rulesList } from '../pages/column-views.ts';
import { localeOf, type T, translator } from '../pages/i18n.ts';
import { escapeHtml, html, page, type SafeHtml } from '../pages/layout.ts';
import { itemList, itemPage, pager } from '../pages/portal-views.ts';
import { countText, facetsView, noResults, problemText, queryOf, sortLinks } from '../pages/search-views.ts';
import { categoryCounts, categoryList, publishedReports } from './portal-column.ts';
import { portalSitemapRoutes } from './portal-sitemap.ts';

const filterQuery = z.object({
  // Any length and any characters: a query too long, or of punctuation alone, is answered with a message.
  q: z.string().optional().catch(undefined),
  agency: z.uuid().optional().catch(undefined),
  item: z.string().max(10).optional(),
  topic: z.string().max(30).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
  validity: z.enum(['in_force', 'amended', 'repealed']).optional().catch(undefined),
  genre: z
    .enum(Object.keys(GENRES) as [keyof typeof GENRES])
    .optional()
    .catch(undefined),
  sort: z.enum(['relevance', 'date']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(50).default(1).catch(1),
});

/**
 * Public pages: with an ETag, and `no-cache` (a browser or proxy asks again every time, a 304 when unchanged):
 * a withdrawn item is gone at the next request everywhere, not after a max-age. The language cookie varies them.
 */
export function send(
  req: FastifyRequest,
  reply: FastifyReply,
  body: string,
  type = 'text/html; charset=utf-8',
  _maxAge = 60,
) {
  const etag = `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
  reply.header('cache-control', 'public, no-cache').header('etag', etag).header('vary', 'Cookie').type(type);
  if (req.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.send(body);
}

function qs(f: Record<string, unknown>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '' && k !== 'page') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function portalRoutes(app: FastifyInstance, deps: AppDeps) {
  // Reads only: a read replica takes them when there is one.
  const db = deps.readDb ?? deps.db;
  // Kept in the public page cache until what they show changes; a page reading query parameters names them.
  const cached = { config: { publicCache: { query: [] } } };
  const cachedSearch = { config: { publicCache: { query: Object.keys(filterQuery.shape) } } };
  const agencies = () =>
    db
      .selectFrom('agencies')
      .innerJoin('regions', 'regions.code', 'agencies.region_code')
      .select(['agencies.id', 'agencies.name', 'agencies.kind', 'regions.name as region'])
      .orderBy('agencies.kind', 'desc')
      .orderBy('agencies.name')
      .execute();

  app.get('/', cached, async (req, reply) => {
    const t = translator(localeOf(req));
    const [list, latest] = await Promise.all([agencies(), publicItems(db, {}, 1)]);
    const body = html`<h1>${t('政府信息公开')}</h1>
<p>${t('本平台依据《中华人民共和国政府信息公开条例》公开政府信息、受理政府信息公开申请。')}</p>
${searchForm(t, {})}
<div class="cols">
<section aria-labelledby="agencies-h"><h2 id="agencies-h">${t('公开主体')}</h2>
<ul class="agencies">${list.map((a) => html`<li><a href="/agencies/${a.id}">${a.name}</a></li>`)}</ul></section>
<section aria-labelledby="latest-h"><h2 id="latest-h">${t('最新公开')}</h2>${itemList(t, latest.rows.slice(0, 10))}</section>
</div>
<section aria-labelledby="services-h"><h2 id="services-h">${t('依申请公开')}</h2>
<ul><li><a href="/apply">${t('在线提交政府信息公开申请')}</a></li><li><a href="/track">${t('申请办理进度查询')}</a></li><li><a href="/deadline">${t('答复期限计算器')}</a></li><li><a href="/concerns">${t('回应关切')}</a></li></ul></section>`;
    return send(req, reply, page({ t, title: t('政府信息公开平台'), body }));
  });

  app.get<{ Params: { id: string } }>('/agencies/:id', cached, async (req, reply) => {
    const a = /^[0-9a-f-]{36}$/i.test(req.params.id)
      ? await db.selectFrom('agencies').selectAll().where('id', '=', req.params.id).executeTakeFirst()
      : undefined;
    if (!a) return reply.callNotFound();
    const t = translator(localeOf(req));
    const [latest, counts, pages] = await Promise.all([
      publicItems(db, { agencyId: a.id }, 1),
      categoryCounts(db, a.id),
      db.selectFrom('agency_pages').select('kind').where('agency_id', '=', a.id).execute(),
    ]);
    const reports = await publishedReports(db, a.id);
    const contact = a.contact as { office?: string; address?: string; phone?: string; hours?: string };
    const col = { id: a.id, name: a.name, creditCode: a.credit_code };
    const rules = new Set(pages.map((p) => p.kind).filter((k) => k.startsWith('rules')));
    const body = html`${columnHead(t, col, null)}
<h1 class="sr-only">${a.name} ${t('政府信息公开')}</h1>
<div class="cols">
<section aria-labelledby="guide-h"><h2 id="guide-h"><a href="/agencies/${a.id}/guide">${t('政府信息公开指南')}</a></h2>
<p>${t('政府信息公开工作机构：')}${contact.office ?? ''}<br>${t('办公地址：')}${contact.address ?? ''}<br>${t('联系电话：')}${contact.phone ?? ''}<br>${t('办公时间：')}${contact.hours ?? ''}</p>
<p><a href="/apply?agency=${a.credit_code}">${t('在线提交申请')}</a>${t('；也可以当面、邮寄、传真提交书面申请（《条例》第二十九条）。')}</p></section>
<section aria-labelledby="rules-h"><h2 id="rules-h"><a href="/agencies/${a.id}/rules">${t('政府信息公开制度')}</a></h2>${rulesList(t, col, rules)}</section>
</div>
<section aria-labelledby="items-h"><h2 id="items-h"><a href="/agencies/${a.id}/proactive">${t('法定主动公开内容')}</a></h2>
${categoryList(t, a.id, counts)}</section>
<section aria-labelledby="reports-h"><h2 id="reports-h"><a href="/agencies/${a.id}/reports">${t('政府信息公开工作年度报告')}</a></h2>
${reports.length ? html`<ul>${reports.map((r) => html`<li><a href="/agencies/${a.id}/reports/${r.year}">${a.name}${r.year}年政府信息公开工作年度报告</a></li>`)}</ul>` : html`<p class="empty">${t('暂无。')}</p>`}</section>
<section aria-labelledby="latest-h"><h2 id="latest-h">${t('最新信息')}</h2>${itemList(t, latest.rows)}<p><a href="/search?agency=${a.id}">${t('全部信息（{n}）', { n: countText(t, latest.total, latest.capped) })}</a> · <a href="/agencies/${a.id}/feed.xml">${t('订阅（Atom）')}</a></p></section>`;
    const feed = { title: `${a.name} 政府信息公开`, href: `/agencies/${a.id}/feed.xml` };
    return send(req, reply, page({ t, title: `${a.name} - ${t('政府信息公开')}`, body, feed }));
  });

  app.get<{ Params: { id: string } }>('/items/:id', cached, async (req, reply) => {
    // Unreviewed, unapproved, withdrawn and non-主动公开 items are not found here, whatever the URL.
    const item = await publicItem(db, req.params.id);
    if (!item) return reply.callNotFound();
    const t = translator(localeOf(req));
    return send(req, reply, page({ t, title: `${item.title} - ${item.agency_name}`, body: itemPage(t, item) }));
  });

  app.get<{ Params: { id: string; aid: string } }>('/items/:id/attachments/:aid', async (req, reply) => {
    const item = await publicItem(db, req.params.id);
    const a = item?.attachments.find((x) => x.id === req.params.aid);
    if (!item || !a) return reply.callNotFound();
    const data = readFileSync(attachmentPath(deps.dataDir, item.id, a.id));
    return reply
      .type(a.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
      .header('cache-control', 'public, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(data);
  });

  app.get('/search', cachedSearch, async (req, reply) => {
    const f = filterQuery.parse(req.query);
    const t = translator(localeOf(req));
    const filter: PublicFilter = {
      agencyId: f.agency,
      articleItem: f.item,
      topic: f.topic,
      year: f.year,
      validity: f.validity,
      genre: f.genre,
    };
    const q = wellFormed(f.q ?? '').trim();
    const list = await agencies();
    const cur = { ...f, q: q || undefined, page: undefined };
    let body: SafeHtml;
    if (q) {
      const sort = f.sort ?? 'relevance';
      const r = await searchItems(db, q, filter, f.page, { sort });
      // Nothing found with several words: what each word left out would find (only such a page pays for it).
      const drops =
        !r.problem && r.total === 0 && r.terms.length > 1
          ? await Promise.all(
              r.terms.map(async (term, i) => {
                const dq = queryOf(r.terms.filter((_, j) => j !== i));
                const d = await searchItems(db, dq, filter, 1, { sort });
                return { term, q: dq, total: d.total, capped: d.capped };
              }),
            )
          : [];
      const name = (id: string) => list.find((a) => a.id === id)?.name;
      body = html`<h1>${t('搜索“{q}”', { q: q.length > 60 ? `${q.slice(0, 60)}…` : q })}</h1>
${searchForm(t, f, list)}
${
  r.problem
    ? html`<p role="status" class="alert">${problemText(t, r.problem)}</p>`
    : html`<p role="status">${countText(t, r.total, r.capped)}</p>
${r.total ? sortLinks(t, cur, sort) : ''}
<div class="results${r.facets ? ' with-facets' : ''}"><div>${r.rows.length ? itemList(t, r.rows, r.terms) : noResults(t, cur, drops)}
${pager(t, `/search${qs(cur)}`, f.page, r.total, PAGE_SIZE)}</div>
${r.facets && r.total ? facetsView(t, cur, r.facets, name) : ''}</div>`
}`;
    } else {
      const r = await publicItems(db, filter, f.page);
      body = html`<h1>${t('信息公开目录')}</h1>
${searchForm(t, f, list)}
<p role="status">${countText(t, r.total, r.capped)}</p>
${itemList(t, r.rows)}
${pager(t, `/search${qs(cur)}`, f.page, r.total, PAGE_SIZE)}`;
    }
    return send(
      req,
      reply,
      page({
        t,
        title: `${q ? `${q.slice(0, 60)} - ${t('搜索')}` : t('信息公开目录')} - ${t('政府信息公开平台')}`,
        body,
      }),
      'text/html; charset=utf-8',
      30,
    );
  });

  const feed = async (req: FastifyRequest, reply: FastifyReply, agencyId?: string) => {
    const { rows } = await publicItems(db, { agencyId }, 1);
    const base = `${req.protocol}://${req.headers.host ?? 'localhost'}`;
    const self = agencyId ? `/agencies/${agencyId}/feed.xml` : '/feed.xml';
    const home = agencyId ? `/agencies/${agencyId}` : '/';
    // Each entry's summary: the opening of its text (the reader sees what it is before opening it).
    const texts = rows.length
      ? await db
          .selectFrom('catalogue_items')
          .select(['id', sql<string>`left(body_text, 200)`.as('summary')])
          .where(
            'id',
            'in',
            rows.map((r) => r.id),
          )
          .execute()
      : [];
    const summary = new Map(texts.map((x) => [x.id, x.summary.replace(/\s+/g, ' ').trim()]));
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<title>${escapeHtml(agencyId ? `${rows[0]?.agency_name ?? ''} 政府信息公开` : '政府信息公开平台')}</title>
<id>${base}${home}</id>
<link rel="self" type="application/atom+xml" href="${base}${self}"/>
<link rel="alternate" type="text/html" href="${base}${home}"/>
<updated>${rows[0]?.publish_date ?? '2019-05-15'}T00:00:00+08:00</updated>
${rows
  .map((r) => {
    const sum = summary.get(r.id);
    return `<entry><title>${escapeHtml(r.title)}</title><id>${base}/items/${r.id}</id><link rel="alternate" type="text/html" href="${base}/items/${r.id}"/><updated>${r.publish_date}T00:00:00+08:00</updated><author><name>${escapeHtml(r.agency_name)}</name></author>${sum ? `<summary>${escapeHtml(r.doc_number ? `${r.doc_number} · ${sum}` : sum)}</summary>` : ''}</entry>`;
  })
  .join('\n')}
</feed>`;
    return send(req, reply, xml, 'application/atom+xml; charset=utf-8', 300);
  };
  app.get('/feed.xml', cached, (req, reply) => feed(req, reply));
  app.get<{ Params: { id: string } }>('/agencies/:id/feed.xml', cached, (req, reply) =>
    /^[0-9a-f-]{36}$/i.test(req.params.id) ? feed(req, reply, req.params.id) : reply.callNotFound(),
  );

  portalSitemapRoutes(app, deps);
}

function searchForm(
  t: T,
  f: {
    q?: string;
    agency?: string;
    item?: string;
    topic?: string;
    year?: number;
    validity?: string;
    genre?: string;
    sort?: string;
  },
  agencies: { id: string; name: string }[] = [],
): SafeHtml {
  const opt = (v: string, label: string, cur?: string | number) =>
    html`<option value="${v}"${String(cur ?? '') === v ? html` selected` : ''}>${label}</option>`;
  return html`<form method="get" action="/search" role="search" class="search">
<div class="field"><label for="q">${t('关键词、文号')}</label><input id="q" name="q" value="${f.q ?? ''}" placeholder="${t('如：公开、许可、凉市监发〔2020〕12号')}"></div>
${agencies.length ? html`<div class="field"><label for="agency">${t('发布机构')}</label><select id="agency" name="agency">${opt('', t('全部'))}${agencies.map((a) => opt(a.id, a.name, f.agency))}</select></div>` : ''}
${
  agencies.length
    ? html`<div class="field"><label for="item">${t('所属事项')}</label><select id="item" name="item">${opt('', t('全部'))}${Object.entries(ARTICLE_ITEMS).map(([k, v]) => opt(k, t(v), f.item))}</select></div>
<div class="field"><label for="topic">${t('主题分类')}</label><select id="topic" name="topic">${opt('', t('全部'))}${TOPICS.map((x) => opt(x, t(x), f.topic))}</select></div>
<div class="field"><label for="year">${t('年份')}</label><input id="year" name="year" inputmode="numeric" value="${f.year ?? ''}"></div>
<div class="field"><label for="validity">${t('有效性')}</label><select id="validity" name="validity">${opt('', t('全部'))}${Object.entries(VALIDITY_LABELS).map(([k, v]) => opt(k, t(v), f.validity))}</select></div>`
    : ''
}
${f.genre ? html`<input type="hidden" name="genre" value="${f.genre}">` : ''}${f.sort ? html`<input type="hidden" name="sort" value="${f.sort}">` : ''}
<p><button type="submit" class="primary">${t('搜索')}</button></p></form>`;
}
