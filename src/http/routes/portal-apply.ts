import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { submitApplication } from '../../commands/applications/intake.ts';
import { dateZh } from '../../domain/calendar/index.ts';
import { applicationInput } from '../../domain/case/application-input.ts';
import { AppError } from '../../domain/errors.ts';
import { trackApplication } from '../../queries/applications.ts';
import { localized, zodErrorMap } from '../contract/messages.ts';
import type { AppDeps } from '../deps.ts';
import { type ApplyFormState, applyForm, formToBody } from '../pages/apply.ts';
import { localeOf, translator } from '../pages/i18n.ts';
import { html, page } from '../pages/layout.ts';
import { ratingForm } from '../pages/rating-form.ts';

async function publicAgencies(deps: AppDeps) {
  const rows = await deps.db
    .selectFrom('agencies')
    .select(['name', 'credit_code'])
    .orderBy('kind', 'desc')
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ name: r.name, creditCode: r.credit_code }));
}

const newFormToken = () => `form-${randomBytes(16).toString('hex')}`;

/** The portal's application form and tracking page: server-rendered, no JavaScript needed. */
export function portalApplyRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Querystring: { agency?: string } }>('/apply', async (req, reply) => {
    const t = translator(localeOf(req));
    const state: ApplyFormState = {
      values: {
        agency: req.query.agency ?? '',
        'applicant.type': 'natural_person',
        'applicant.idType': '居民身份证',
        form: 'email',
      },
      errors: [],
      agencies: await publicAgencies(deps),
      formToken: newFormToken(),
    };
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    return page({ t, title: `${t('政府信息公开申请')} - ${t('政府信息公开平台')}`, body: applyForm(t, state) });
  });

  app.post('/apply', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const form = (req.body ?? {}) as Record<string, string>;
    const t = translator(localeOf(req));
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    try {
      const token =
        typeof form.formToken === 'string' && /^form-[0-9a-f]{32}$/.test(form.formToken) ? form.formToken : undefined;
      // The contract's schema, with messages in the page's language naming each field.
      const input = applicationInput.parse(formToBody(form), { error: zodErrorMap(t.locale) });
      const r = await submitApplication(
        { db: deps.db, now: deps.now, actor: null, secretKey: deps.secretKey },
        input,
        token,
      );
      const d = (x: string) => (t.locale === 'en' ? x : dateZh(x));
      const body = html`<h1>${t('申请已提交')}</h1>
<div class="success" role="status">
<p>${t('您的政府信息公开申请已于 {date} 收到。', { date: d(r.receivedDate) })}</p>
<dl class="receipt"><dt>${t('申请编号')}</dt><dd><strong>${r.trackingNumber}</strong></dd><dt>${t('查询码')}</dt><dd><strong>${r.queryCode}</strong></dd>
<dt>${t('答复期限')}</dt><dd>${r.replyDue ? d(r.replyDue) : t('待定')}${t('（收到申请之日起20个工作日，《条例》第三十三条）')}</dd></dl>
<p>${t('请妥善保存申请编号和查询码，凭此查询办理进度、下载告知书。')}</p>
</div>
<p><a href="/track?number=${r.trackingNumber}&amp;code=${r.queryCode}">${t('查看办理进度')}</a></p>`;
      reply.status(201);
      return page({ t, title: `${t('申请已提交')} - ${t('政府信息公开平台')}`, body });
    } catch (err) {
      const l = (m: string) => localized(m, t.locale);
      const errors =
        err instanceof ZodError
          ? err.issues.map((i) => ({ path: i.path.join('.'), message: l(i.message) }))
          : err instanceof AppError && err.status < 500
            ? [{ path: String((err.details as { field?: string } | undefined)?.field ?? ''), message: l(err.message) }]
            : null;
      if (!errors) throw err;
      reply.status(400);
      const state: ApplyFormState = {
        values: form,
        errors,
        agencies: await publicAgencies(deps),
        formToken: newFormToken(),
      };
      return page({ t, title: `${t('请修改申请内容')} - ${t('政府信息公开申请')}`, body: applyForm(t, state) });
    }
  });

  app.get<{ Querystring: { number?: string; code?: string } }>('/track', async (req, reply) => {
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    const t = translator(localeOf(req));
    const d = (x: string) => (t.locale === 'en' ? x : dateZh(x));
    const number = (req.query.number ?? '').trim();
    const code = (req.query.code ?? '').trim().toUpperCase();
    const form = html`<form method="get" action="/track" class="inline">
<div class="field"><label for="t-number">${t('申请编号')}</label><input id="t-number" name="number" value="${number}" required></div>
<div class="field"><label for="t-code">${t('查询码')}</label><input id="t-code" name="code" value="${code}" required autocomplete="off"></div>
<p><button type="submit" class="primary">${t('查询')}</button></p></form>`;
    const title = `${t('申请办理进度查询')} - ${t('政府信息公开平台')}`;
    if (!number || !code) return page({ t, title, body: html`<h1>${t('申请办理进度查询')}</h1>${form}` });
    try {
      const a = await trackApplication(deps, number, code);
      const q = `number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`;
      const body = html`<h1>${t('申请办理进度查询')}</h1>${form}
<section aria-labelledby="status-h"><h2 id="status-h">${t('申请')} ${a.trackingNumber}</h2>
<table class="meta"><tbody>
<tr><th scope="row">${t('受理机关')}</th><td>${a.agency}</td></tr>
<tr><th scope="row">${t('收到申请日期')}</th><td>${d(a.receivedDate)}</td></tr>
<tr><th scope="row">${t('办理状态')}</th><td>${t(a.statusLabel)}</td></tr>
${a.replyDue ? html`<tr><th scope="row">${t('答复期限')}</th><td>${d(a.replyDue)}</td></tr>` : ''}
${a.outcomeLabel ? html`<tr><th scope="row">${t('答复结果')}</th><td>${t(a.outcomeLabel)}</td></tr>` : ''}
</tbody></table>
${a.letters.length ? html`<h3>${t('告知书')}</h3><ul>${a.letters.map((l) => html`<li>${l.title}（${d(l.issuedDate)}）：<a href="/api/v1/applications/letters/${l.id}/pdf?${q}">PDF</a> · <a href="/api/v1/applications/letters/${l.id}/docx?${q}">Word</a></li>`)}</ul>` : ''}
</section>
${['decided', 'served', 'closed'].includes(a.status) ? ratingForm(t, '/track/rate', { number, code }) : ''}`;
      return page({ t, title: `${t('申请')} ${a.trackingNumber} - ${t('政府信息公开平台')}`, body });
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      reply.status(404);
      return page({
        t,
        title,
        body: html`<h1>${t('申请办理进度查询')}</h1><div class="alert" role="alert"><p>${err.message}</p></div>${form}`,
      });
    }
  });
}
