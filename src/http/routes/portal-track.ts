import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dateZh } from '../../domain/calendar/index.ts';
import { AppError } from '../../domain/errors.ts';
import { trackWithTimeline } from '../../queries/applicant-timeline.ts';
import { letterForApplicant } from '../../queries/letters.ts';
import { LETTER_MIME, type LetterFormat, renderLetter } from '../../render/letters.ts';
import { decrypt, encrypt } from '../../shared/pii.ts';
import { localized } from '../contract/messages.ts';
import type { AppDeps } from '../deps.ts';
import { disposition } from '../disposition.ts';
import { localeOf, type T, translator } from '../pages/i18n.ts';
import { html, page, type SafeHtml } from '../pages/layout.ts';
import { ratingForm } from '../pages/rating-form.ts';

/**
 * 申请办理进度查询. The 查询码 is a key to someone's case: it travels only in POST bodies, never in a URL (history,
 * logs, referrers). A right number and code open a short session — the pair sealed (AES-GCM) in an HttpOnly,
 * SameSite=Strict cookie limited to /track, 20 minutes (3 on a 信息查阅点 kiosk) — so the page can be reloaded
 * and its letters downloaded by plain links.
 */
const COOKIE = 'gk_track';
const SESSION_MINUTES = 20;
const KIOSK_SESSION_MINUTES = 3;

interface TrackSession {
  number: string;
  code: string;
  until: number;
}

function openSession(deps: AppDeps, req: FastifyRequest): TrackSession | null {
  const sealed = req.cookies[COOKIE];
  if (!sealed) return null;
  try {
    const s = decrypt<TrackSession>(deps.secretKey, sealed);
    return s.until > deps.now().getTime() ? s : null;
  } catch {
    return null;
  }
}

const d = (t: T, x: string) => (t.locale === 'en' ? x : dateZh(x));

function lookupForm(t: T, number: string): SafeHtml {
  return html`<form method="post" action="/track${t.locale === 'en' ? '?lang=en' : ''}" class="inline">
<div class="field"><label for="t-number">${t('申请编号')}</label><input id="t-number" name="number" value="${number}" required autocomplete="off" placeholder="GK2026-000123"></div>
<div class="field"><label for="t-code">${t('查询码')}</label><input id="t-code" name="code" required autocomplete="off" autocapitalize="characters"></div>
<p><button type="submit" class="primary">${t('查询')}</button></p></form>`;
}

type Tracked = Awaited<ReturnType<typeof trackWithTimeline>>;

function statusPage(t: T, a: Tracked, s: TrackSession): SafeHtml {
  const rows = (k: string, v: unknown) => html`<tr><th scope="row">${t(k)}</th><td>${v}</td></tr>`;
  return html`<h1>${t('申请办理进度查询')}</h1>
<section aria-labelledby="status-h"><h2 id="status-h">${t('申请')} ${a.trackingNumber}</h2>
<table class="meta"><tbody>
${rows('受理机关', html`<span lang="zh-CN">${a.agency}</span>`)}${rows('收到申请日期', d(t, a.receivedDate))}
${rows('办理状态', t(a.statusLabel))}
${a.replyDue ? rows('答复期限', d(t, a.replyDue)) : ''}${a.outcomeLabel ? rows('答复结果', t(a.outcomeLabel)) : ''}
</tbody></table></section>
<section aria-labelledby="steps-h"><h2 id="steps-h">${t('办理过程')}</h2>
<ol class="timeline">${a.steps.map((st) => html`<li><time datetime="${st.date}">${d(t, st.date)}</time> <span>${t.locale === 'en' ? st.labelEn : st.label}</span></li>`)}
${a.status === 'closed' ? '' : html`<li class="next"><span>${a.replyDue ? t('答复期限：{date}', { date: d(t, a.replyDue) }) : t('办理中')}</span></li>`}</ol>
</section>
${a.letters.length ? html`<section aria-labelledby="letters-h"><h2 id="letters-h">${t('告知书')}</h2><ul>${a.letters.map((l) => html`<li><span lang="zh-CN">${l.title}</span>（${d(t, l.issuedDate)}）：<a href="/track/letters/${l.id}/pdf">PDF</a> · <a href="/track/letters/${l.id}/docx">Word</a></li>`)}</ul></section>` : ''}
${['decided', 'served', 'closed'].includes(a.status) ? ratingForm(t, '/track/rate', { number: s.number, code: s.code }) : ''}
<form method="post" action="/track/end" class="noprint"><p><button type="submit">${t('结束查询')}</button> <span class="hint">${t('在公共电脑上查询后，请结束查询。')}</span></p></form>`;
}

export function portalTrackRoutes(app: FastifyInstance, deps: AppDeps) {
  const title = (t: T) => `${t('申请办理进度查询')} - ${t('政府信息公开平台')}`;
  const html200 = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
  const cookieOpts = { path: '/track', httpOnly: true, sameSite: 'strict' as const, secure: deps.https };

  app.get<{ Querystring: { number?: string } }>('/track', async (req, reply) => {
    html200(reply);
    const t = translator(localeOf(req));
    const s = openSession(deps, req);
    if (s) {
      try {
        const a = await trackWithTimeline(deps, s.number, s.code);
        return page({
          t,
          title: `${t('申请')} ${a.trackingNumber} - ${t('政府信息公开平台')}`,
          body: statusPage(t, a, s),
        });
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        reply.clearCookie(COOKIE, cookieOpts);
      }
    }
    // A number may come in a link (never a code: one in a URL is ignored).
    const number = /^GK\d{4}-\d{6}$/.test(req.query.number ?? '') ? req.query.number! : '';
    return page({ t, title: title(t), body: html`<h1>${t('申请办理进度查询')}</h1>${lookupForm(t, number)}` });
  });

  app.post('/track', async (req, reply) => {
    html200(reply);
    const t = translator(localeOf(req));
    const b = (req.body ?? {}) as Record<string, unknown>;
    const number = typeof b.number === 'string' ? b.number.trim().toUpperCase() : '';
    const code = typeof b.code === 'string' ? b.code.trim().toUpperCase() : '';
    try {
      await trackWithTimeline(deps, number, code);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      reply.status(404);
      const safeNumber = /^GK\d{4}-\d{6}$/.test(number) ? number : '';
      return page({
        t,
        title: title(t),
        body: html`<h1>${t('申请办理进度查询')}</h1><div class="alert" role="alert"><p>${localized(err.message, t.locale)}</p></div>${lookupForm(t, safeNumber)}`,
      });
    }
    const minutes = req.cookies.gk_kiosk === '1' ? KIOSK_SESSION_MINUTES : SESSION_MINUTES;
    const session: TrackSession = { number, code, until: deps.now().getTime() + minutes * 60_000 };
    reply.setCookie(COOKIE, encrypt(deps.secretKey, session), cookieOpts);
    // Post/redirect/get: a reload shows the page again without resending the code.
    return reply.redirect(t.locale === 'en' ? '/track?lang=en' : '/track', 303);
  });

  app.post('/track/end', async (_req, reply) => {
    reply.clearCookie(COOKIE, cookieOpts);
    return reply.redirect('/track', 303);
  });

  app.get<{ Params: { id: string; format: string } }>('/track/letters/:id/:format', async (req, reply) => {
    const s = openSession(deps, req);
    const format = req.params.format as LetterFormat;
    if (!s || !(format in LETTER_MIME) || !/^[0-9a-f-]{36}$/i.test(req.params.id)) return reply.callNotFound();
    try {
      const letter = await letterForApplicant(deps, s.number, s.code, req.params.id);
      const file = await renderLetter(letter, format);
      return reply
        .type(LETTER_MIME[format])
        .header('content-disposition', disposition(file.name, LETTER_MIME[format], false))
        .header('cache-control', 'private, no-store')
        .send(file.data);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      return reply.callNotFound();
    }
  });
}
