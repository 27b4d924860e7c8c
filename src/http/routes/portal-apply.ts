import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { submitApplication } from '../../commands/applications/intake.ts';
import { dateZh } from '../../domain/calendar/index.ts';
import { applicationInput } from '../../domain/case/application-input.ts';
import { AppError } from '../../domain/errors.ts';
import { localized, zodErrorMap } from '../contract/messages.ts';
import type { AppDeps } from '../deps.ts';
import { type ApplyFormState, applyForm, formToBody } from '../pages/apply.ts';
import { localeOf, translator } from '../pages/i18n.ts';
import { html, page } from '../pages/layout.ts';

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

/** The portal's application form (条例第二十九条): server-rendered, no JavaScript needed. Tracking: portal-track.ts. */
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
    const l = (m: string) => localized(m, t.locale);
    const refuse = async (errors: { path: string; message: string }[]) => {
      reply.status(400);
      const state: ApplyFormState = {
        values: form,
        errors,
        agencies: await publicAgencies(deps),
        formToken: newFormToken(),
      };
      return page({ t, title: `${t('请修改申请内容')} - ${t('政府信息公开申请')}`, body: applyForm(t, state) });
    };
    try {
      const token =
        typeof form.formToken === 'string' && /^form-[0-9a-f]{32}$/.test(form.formToken) ? form.formToken : undefined;
      // The contract's schema, with messages in the page's language naming each field; and the consent to the
      // 个人信息保护 notice (个人信息保护法第十四条、第十七条), asked before any personal data is kept.
      const parsed = applicationInput.safeParse(formToBody(form), { error: zodErrorMap(t.locale) });
      const errors = parsed.success
        ? []
        : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: l(i.message) }));
      if (form.consent !== '1') errors.push({ path: 'consent', message: t('请阅读个人信息保护说明并勾选同意') });
      if (!parsed.success || errors.length) return refuse(errors);
      const input = parsed.data;
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
<form method="post" action="/track${t.locale === 'en' ? '?lang=en' : ''}"><input type="hidden" name="number" value="${r.trackingNumber}"><input type="hidden" name="code" value="${r.queryCode}"><p><button type="submit">${t('查看办理进度')}</button></p></form>`;
      reply.status(201);
      return page({ t, title: `${t('申请已提交')} - ${t('政府信息公开平台')}`, body });
    } catch (err) {
      if (err instanceof AppError && err.status < 500) {
        const field = (err.details as { field?: string } | undefined)?.field;
        return refuse([{ path: field ? String(field) : '', message: l(err.message) }]);
      }
      throw err;
    }
  });
}
