import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { CONCERN_SOURCES } from '../../commands/supervision/concerns.ts';
import { submitRating } from '../../commands/supervision/ratings.ts';
import { AppError } from '../../domain/errors.ts';
import { publicItem } from '../../queries/catalogue.ts';
import { publicConcerns } from '../../queries/concerns.ts';
import type { AppDeps } from '../deps.ts';
import { localeOf, translator } from '../pages/i18n.ts';
import { html, page, type SafeHtml } from '../pages/layout.ts';
import { itemPage } from '../pages/portal-views.ts';
import { sameOriginNavigation } from '../same-site.ts';

/** Public engagement on the portal: ratings, 回应关切, the printable item and the viewing-point kiosk mode. */
export function portalEngageRoutes(app: FastifyInstance, deps: AppDeps) {
  const ctx = { db: deps.db, now: deps.now, actor: null, secretKey: deps.secretKey };
  const outcome = async (
    req: FastifyRequest,
    reply: FastifyReply,
    run: () => Promise<unknown>,
    back: string,
  ): Promise<string> => {
    const t = translator(localeOf(req));
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    let message: SafeHtml;
    try {
      await run();
      reply.status(201);
      message = html`<div class="success" role="status"><p>${t('感谢您的评价！')}</p></div>`;
    } catch (err) {
      const msg =
        err instanceof ZodError
          ? err.issues[0]?.message
          : err instanceof AppError && err.status < 500
            ? err.message
            : null;
      if (!msg) throw err;
      reply.status(err instanceof AppError ? err.status : 400);
      message = html`<div class="alert" role="alert"><p>${msg}</p></div>`;
    }
    return page({
      t,
      title: `${t('评价')} - ${t('政府信息公开平台')}`,
      body: html`<h1>${t('评价')}</h1>${message}<p><a href="${back}">${t('返回')}</a></p>`,
    });
  };

  const limited = { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } };
  app.post<{ Params: { id: string } }>('/items/:id/rate', limited, (req, reply) =>
    outcome(
      req,
      reply,
      () => submitRating(ctx, 'item', { ...(req.body as object), itemId: req.params.id }, req.ip),
      `/items/${encodeURIComponent(req.params.id)}`,
    ),
  );
  app.post('/track/rate', limited, (req, reply) => {
    const b = (req.body ?? {}) as Record<string, string>;
    return outcome(
      req,
      reply,
      () => submitRating(ctx, 'application', { ...b, trackingNumber: b.number, queryCode: b.code }, req.ip),
      // Back to the tracking page of the session (the 查询码 stays out of the URL).
      '/track',
    );
  });

  app.get('/concerns', async (req, reply) => {
    const t = translator(localeOf(req));
    const rows = await publicConcerns(deps.db);
    reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').header('vary', 'Cookie');
    return page({
      t,
      title: `${t('回应关切')} - ${t('政府信息公开平台')}`,
      body: html`<h1>${t('回应关切')}</h1>
<p>${t('对社会公众关注的热点问题，有关机关通过发布信息作出回应（《条例》第六条）。')}</p>
${
  rows.length
    ? html`<table class="meta"><thead><tr><th scope="col">${t('关切事项')}</th><th scope="col">${t('来源')}</th><th scope="col">${t('机关')}</th><th scope="col">${t('登记日期')}</th><th scope="col">${t('回应')}</th><th scope="col">${t('用时（天）')}</th></tr></thead><tbody>
${rows.map((r) => html`<tr><td lang="zh-CN">${r.topic}</td><td>${t(CONCERN_SOURCES[r.source])}</td><td lang="zh-CN">${r.agency}</td><td>${r.received_date}</td><td><a href="/items/${r.response_item_id}" lang="zh-CN">${r.response_title}</a>（${r.responded_date}）</td><td>${r.response_days}</td></tr>`)}
</tbody></table>`
    : html`<p>${t('暂无。')}</p>`
}`,
    });
  });

  // 打印版: the item without the site's navigation, for the viewing point's printer (or any visitor).
  app.get<{ Params: { id: string } }>('/items/:id/print', async (req, reply) => {
    const item = await publicItem(deps.db, req.params.id);
    if (!item) return reply.callNotFound();
    const t = translator(localeOf(req));
    reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60').header('vary', 'Cookie');
    return page({
      t,
      title: `${item.title} - ${item.agency_name}`,
      body: html`<div class="print">${itemPage(t, item, { print: true })}</div>`,
    });
  });

  // 信息查阅点: a public terminal. Staff open /kiosk on it each working day; large text, no logins, no external
  // links, and after three idle minutes every page goes back to the start (a meta refresh: no JavaScript).
  // Only a navigation on this site switches (a link elsewhere gets a page with the switch to click), and the
  // switch lasts a working day (12 hours), so no other site can turn a browser into a kiosk.
  app.get<{ Querystring: { off?: string } }>('/kiosk', async (req, reply) => {
    const on = req.query.off !== '1';
    if (!sameOriginNavigation(req)) {
      const t = translator(localeOf(req));
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      const label = on ? t('切换为信息查阅点模式') : t('退出信息查阅点模式');
      return page({
        t,
        title: label,
        body: html`<h1>${label}</h1><p><a href="/kiosk${on ? '' : '?off=1'}">${label}</a></p>`,
      });
    }
    const opts = { path: '/', sameSite: 'lax' as const, httpOnly: true, maxAge: 12 * 3600, secure: deps.https };
    reply.setCookie('gk_kiosk', on ? '1' : '0', opts).setCookie('gk_large', on ? '1' : '0', opts);
    return reply.redirect('/', 303);
  });
  app.addHook('onRequest', async (req, reply) => {
    if (req.cookies.gk_kiosk === '1' && /^\/(console|api\/v1\/auth)/.test(req.url)) {
      return reply.callNotFound();
    }
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.cookies.gk_kiosk !== '1' || typeof payload !== 'string') return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    return kioskPage(payload, req.url === '/' ? null : 180, req.url);
  });
}

/** Pages with a form a visitor fills in: never reset by the no-JavaScript refresh (only the script, which asks). */
const FORM_PAGES = /^\/(apply|track|deadline)(\/|\?|$)/;

/**
 * Rewrites a portal page for the viewing point: no external links, a visible banner, and the idle reset — the
 * script (assets/kiosk.js) following real input, or without JavaScript a `<noscript>` meta refresh on reading
 * pages only.
 */
export function kioskPage(htmlText: string, idleSeconds: number | null, url = ''): string {
  const refresh = idleSeconds && !FORM_PAGES.test(url);
  return htmlText
    .replace(
      /<a\b[^>]*\bhref="(?:https?:)?\/\/[^"]*"[^>]*>([\s\S]*?)<\/a>/gi,
      (_m, text: string) => `<span class="external">${text}</span>`,
    )
    .replace(
      '<head>',
      idleSeconds
        ? `<head>\n${refresh ? `<noscript><meta http-equiv="refresh" content="${idleSeconds};url=/"></noscript>\n` : ''}<script src="/assets/kiosk.js" defer></script>`
        : '<head>',
    )
    .replace(
      '<body>',
      `<body class="kiosk"${idleSeconds ? ` data-idle="${idleSeconds}"` : ''}>\n<p class="kiosk-banner noprint">信息查阅点 · 无操作 3 分钟后自动返回首页（正在填写的表单不会清除） · 打印请使用终端打印键</p>`,
    );
}
