import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { COLUMN_PARTS, RULES_PAGES } from '../../domain/catalogue/column.ts';
import { ARTICLE_ITEMS } from '../../domain/catalogue/index.ts';
import { guideFacts } from '../../queries/agency-pages.ts';
import type { AppDeps } from '../deps.ts';
import { type ColumnAgency, columnHead, guidePage, requestFlow, rulesIndex, rulesPage } from '../pages/column-views.ts';
import { localeOf, type T, translator } from '../pages/i18n.ts';
import { html, page, type SafeHtml } from '../pages/layout.ts';
import { send } from './portal.ts';

const UUID = /^[0-9a-f-]{36}$/i;

async function loadAgency(db: Kysely<DB>, id: string) {
  if (!UUID.test(id)) return undefined;
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Published annual reports by agency and year (the 年报 column and the platform's 年报 page). */
export function publishedReports(db: Kysely<DB>, agencyId?: string) {
  let q = db
    .selectFrom('annual_reports')
    .select(['agency_id', 'year'])
    .where('status', '=', 'published')
    .orderBy('year', 'desc');
  if (agencyId) q = q.where('agency_id', '=', agencyId);
  return q.execute();
}

/** Counts of published 主动公开 items by §20/§21 category. */
export function categoryCounts(db: Kysely<DB>, agencyId: string) {
  return db
    .selectFrom('catalogue_items')
    .select(['article_item', (eb) => eb.fn.countAll<number>().as('n')])
    .where('agency_id', '=', agencyId)
    .where('state', '=', 'published')
    .groupBy('article_item')
    .execute();
}

/** Every §20/§21 category with its count, 暂无 where there is none yet (国办发〔2019〕61号: list them all). */
export function categoryList(t: T, agencyId: string, counts: { article_item: string | null; n: number }[]): SafeHtml {
  return html`<ul class="categories">${Object.entries(ARTICLE_ITEMS).map(([k, label]) => {
    const n = Number(counts.find((c) => c.article_item === k)?.n ?? 0);
    return html`<li>${n ? html`<a href="/search?agency=${agencyId}&amp;item=${k}">${t(label)}</a> <span class="count">（${n}）</span>` : html`<span>${t(label)}</span> <span class="empty">${t('暂无')}</span>`}</li>`;
  })}</ul>`;
}

export function portalColumnRoutes(app: FastifyInstance, deps: AppDeps) {
  const db = deps.readDb ?? deps.db;
  const cached = { config: { publicCache: { query: [] as string[] } } };
  type Req = { Params: { id: string } };
  const column = (
    part: (typeof COLUMN_PARTS)[number]['key'],
    body: (t: T, a: ColumnAgency, row: NonNullable<Awaited<ReturnType<typeof loadAgency>>>) => Promise<SafeHtml>,
  ) =>
    app.get<Req>(`/agencies/:id${COLUMN_PARTS.find((p) => p.key === part)!.path}`, cached, async (req, reply) => {
      const row = await loadAgency(db, req.params.id);
      if (!row) return reply.callNotFound();
      const t = translator(localeOf(req));
      const a = { id: row.id, name: row.name, creditCode: row.credit_code };
      const title = COLUMN_PARTS.find((p) => p.key === part)!.title;
      return send(
        req,
        reply,
        page({
          t,
          title: `${t(title)} - ${row.name}`,
          body: html`${columnHead(t, a, part)}${await body(t, a, row)}`,
          feed: { title: `${row.name} 政府信息公开`, href: `/agencies/${row.id}/feed.xml` },
        }),
      );
    });

  column('guide', async (t, a, row) => {
    const [pages, facts] = await Promise.all([
      db.selectFrom('agency_pages').select(['kind', 'body_html']).where('agency_id', '=', row.id).execute(),
      guideFacts(db, row),
    ]);
    return guidePage(t, {
      agency: a,
      facts,
      pages: Object.fromEntries(pages.filter((p) => p.kind.startsWith('guide')).map((p) => [p.kind, p.body_html])),
    });
  });

  column('rules', async (t, a) => {
    const kinds = await db.selectFrom('agency_pages').select('kind').where('agency_id', '=', a.id).execute();
    return rulesIndex(t, a, new Set(kinds.map((k) => k.kind)));
  });

  app.get<{ Params: { id: string; kind: string } }>('/agencies/:id/rules/:kind', cached, async (req, reply) => {
    const row = await loadAgency(db, req.params.id);
    const spec =
      req.params.kind === 'rules'
        ? { kind: 'rules', title: '政府信息公开制度' }
        : RULES_PAGES.find((p) => p.kind === req.params.kind);
    if (!row || !spec) return reply.callNotFound();
    const p = await db
      .selectFrom('agency_pages')
      .select('body_html')
      .where('agency_id', '=', row.id)
      .where('kind', '=', spec.kind)
      .executeTakeFirst();
    if (!p) return reply.callNotFound();
    const t = translator(localeOf(req));
    const a = { id: row.id, name: row.name, creditCode: row.credit_code };
    const body = html`${columnHead(t, a, 'rules', spec.title)}${rulesPage(a, spec.title, p.body_html)}`;
    return send(req, reply, page({ t, title: `${spec.title} - ${row.name}`, body }));
  });

  column('proactive', async (t, a) => {
    const counts = await categoryCounts(db, a.id);
    return html`<h1>${t('法定主动公开内容')}</h1>
<p>${t('依据《条例》第二十条、第二十一条，本机关主动公开下列政府信息。')}</p>${categoryList(t, a.id, counts)}
<p><a href="/search?agency=${a.id}">${t('全部主动公开信息')}</a> · <a href="/agencies/${a.id}/feed.xml">${t('订阅（Atom）')}</a></p>`;
  });

  column('reports', async (t, a) => {
    const rows = await publishedReports(db, a.id);
    return html`<h1>${t('政府信息公开工作年度报告')}</h1>
<p>${t('依据《条例》第四十九条，本机关于每年1月31日前公布上一年度政府信息公开工作年度报告。')}</p>
${rows.length ? html`<ul class="reports">${rows.map((r) => html`<li><a href="/agencies/${a.id}/reports/${r.year}" lang="zh-CN">${a.name}${r.year}年政府信息公开工作年度报告</a></li>`)}</ul>` : html`<p class="empty">${t('暂无。')}</p>`}
<p><a href="/reports">${t('全部机关的年度报告')}</a></p>`;
  });

  column(
    'request',
    async (t, a) => html`<h1>${t('依申请公开')}</h1>
<p>${t('除主动公开的政府信息外，公民、法人或者其他组织可以向本机关申请获取相关政府信息（《条例》第二十七条）。')}</p>
${requestFlow(t)}
<ul class="actions"><li><a class="button" href="/apply?agency=${a.creditCode}">${t('在线提交申请')}</a></li><li><a class="button" href="/track">${t('申请办理进度查询')}</a></li><li><a class="button" href="/deadline">${t('答复期限计算器')}</a></li></ul>
<p><a href="/agencies/${a.id}/guide#guide.process-h">${t('申请须知见政府信息公开指南')}</a></p>`,
  );

  // 年报: every agency × year on one page, the government first.
  app.get('/reports', cached, async (req, reply) => {
    const t = translator(localeOf(req));
    const [agencies, rows] = await Promise.all([
      db.selectFrom('agencies').select(['id', 'name', 'kind']).orderBy('name').execute(),
      publishedReports(db),
    ]);
    // The government first (its report is the 汇总 of its own office and its departments, 条例第五十条), then
    // departments, then towns.
    const rank = { government: 0, department: 1, dispatched: 2, township: 3, other: 4 } as const;
    agencies.sort((x, y) => rank[x.kind] - rank[y.kind]);
    const years = [...new Set(rows.map((r) => r.year))].sort((x, y) => y - x);
    const has = new Set(rows.map((r) => `${r.agency_id}/${r.year}`));
    const body = html`<nav class="crumbs" aria-label="${t('位置')}"><a href="/">${t('首页')}</a> › ${t('政府信息公开年报')}</nav>
<h1>${t('政府信息公开工作年度报告')}</h1>
<p>${t('各机关依据《条例》第四十九条、第五十条公布的年度报告，按机关和年度列出。')}</p>
${
  years.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="reports-cap"><table class="report-matrix"><caption id="reports-cap">${t('年度报告一览')}</caption>
<thead><tr><th scope="col">${t('机关')}</th>${years.map((y) => html`<th scope="col">${y}</th>`)}</tr></thead><tbody>
${agencies.map((a) => html`<tr><th scope="row" lang="zh-CN"><a href="/agencies/${a.id}/reports">${a.name}</a>${a.kind === 'government' ? html`<br><small>${t('本级政府及所属部门汇总')}</small>` : ''}</th>${years.map((y) => html`<td>${has.has(`${a.id}/${y}`) ? html`<a href="/agencies/${a.id}/reports/${y}" aria-label="${a.name}${y}${t('年度报告')}">${t('查看')}</a>` : html`<span class="empty">${t('暂无')}</span>`}</td>`)}</tr>`)}
</tbody></table></div>`
    : html`<p class="empty">${t('暂无。')}</p>`
}`;
    return send(req, reply, page({ t, title: `${t('政府信息公开年报')} - ${t('政府信息公开平台')}`, body }));
  });

  // 网站地图: every page of the portal a visitor can reach, and each agency's five column parts.
  app.get('/site-map', cached, async (req, reply) => {
    const t = translator(localeOf(req));
    const agencies = await db
      .selectFrom('agencies')
      .select(['id', 'name'])
      .orderBy('kind', 'desc')
      .orderBy('name')
      .execute();
    const link = (href: string, label: string) => html`<li><a href="${href}">${label}</a></li>`;
    const body = html`<nav class="crumbs" aria-label="${t('位置')}"><a href="/">${t('首页')}</a> › ${t('网站地图')}</nav>
<h1>${t('网站地图')}</h1>
<div class="cols sitemap">
<section aria-labelledby="sm-site"><h2 id="sm-site">${t('政府信息公开平台')}</h2><ul>
${link('/', t('首页'))}${link('/search', t('信息公开目录'))}${link('/reports', t('政府信息公开年报'))}${link('/apply', t('在线提交政府信息公开申请'))}${link('/track', t('申请办理进度查询'))}${link('/deadline', t('答复期限计算器'))}${link('/concerns', t('回应关切'))}${link('/feed.xml', t('订阅（Atom）'))}
</ul></section>
${agencies.map((a) => html`<section aria-labelledby="sm-${a.id}"><h2 id="sm-${a.id}" lang="zh-CN"><a href="/agencies/${a.id}">${a.name}</a></h2><ul>${COLUMN_PARTS.map((p) => link(`/agencies/${a.id}${p.path}`, t(p.title)))}</ul></section>`)}
</div>`;
    return send(req, reply, page({ t, title: `${t('网站地图')} - ${t('政府信息公开平台')}`, body }));
  });
}
