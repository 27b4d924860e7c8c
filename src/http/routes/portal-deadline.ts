import type { FastifyInstance } from 'fastify';
import { dateZh, isISODate } from '../../domain/calendar/index.ts';
import { CHANNELS, type Channel, type ClockEvent, ClockInputError, channelLabels } from '../../domain/clock/index.ts';
import { calendarForAgency, computeDeadlines } from '../../queries/deadline.ts';
import type { AppDeps } from '../deps.ts';
import { localeOf, translator } from '../pages/i18n.ts';
import { html, page } from '../pages/layout.ts';

interface Query {
  received?: string;
  channel?: string;
  agency?: string;
  correctionRequested?: string;
  correctionReceived?: string;
  extension?: string;
}

/**
 * 答复期限计算器 for the public: the statutory reply date of an application (条例第三十一条、第三十三条),
 * with the trace of why, on the official working-day calendar. A GET form: works without JavaScript.
 */
export function portalDeadlineRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Querystring: Query }>('/deadline', async (req, reply) => {
    const t = translator(localeOf(req));
    const q = req.query;
    const agencies = await deps.db
      .selectFrom('agencies')
      .select(['name', 'credit_code'])
      .orderBy('kind', 'desc')
      .orderBy('name')
      .execute();
    const channel = (CHANNELS as readonly string[]).includes(q.channel ?? '') ? (q.channel as Channel) : 'online';
    const dateField = (name: keyof Query, label: string, required = false) =>
      html`<div class="field"><label for="d-${name}">${t(label)}</label><input id="d-${name}" name="${name}" type="date" value="${q[name] ?? ''}"${required ? html` required` : ''}></div>`;
    const form = html`<form method="get" action="/deadline">
${dateField('received', '收到申请之日', true)}
<div class="field"><label for="d-channel">${t('提交方式')}</label><select id="d-channel" name="channel">${CHANNELS.map((c) => html`<option value="${c}"${c === channel ? html` selected` : ''}>${t(channelLabels[c])}</option>`)}</select></div>
<div class="field"><label for="d-agency">${t('受理机关（按其所在地的节假日安排）')}</label><select id="d-agency" name="agency"><option value="">${t('全国统一安排')}</option>${agencies.map((a) => html`<option value="${a.credit_code}"${a.credit_code === q.agency ? html` selected` : ''}>${a.name}</option>`)}</select></div>
${dateField('correctionRequested', '发出补正通知之日（如有）')}
${dateField('correctionReceived', '收到补正材料之日（如有）')}
<div class="field"><label for="d-extension">${t('经批准延长答复期限')}</label><select id="d-extension" name="extension"><option value="">${t('未延长')}</option><option value="20"${q.extension === '20' ? html` selected` : ''}>${t('延长 20 个工作日')}</option></select></div>
<p><button type="submit" class="primary">${t('计算')}</button></p></form>`;
    let result = html``;
    if (q.received) {
      try {
        const bad = (['received', 'correctionRequested', 'correctionReceived'] as const).find(
          (k) => q[k] && !isISODate(q[k]!),
        );
        if (bad) throw new ClockInputError(t('日期无效（格式 YYYY-MM-DD）'));
        const events: ClockEvent[] = [];
        if (q.correctionRequested) events.push({ type: 'correction_requested', date: q.correctionRequested });
        if (q.correctionReceived) events.push({ type: 'correction_received', date: q.correctionReceived });
        const cal = await calendarForAgency(deps.db, q.agency || undefined);
        const pre = computeDeadlines({ received: { date: q.received, channel }, events }, cal);
        const base = Array.isArray(pre) ? pre[0]! : pre;
        // 条例第三十三条第二款: an approved extension of up to 20 working days, decided before the first deadline.
        if (q.extension === '20' && base.replyDue)
          events.push({ type: 'extension_approved', date: base.replyDue, workdays: 20 });
        const r = computeDeadlines({ received: { date: q.received, channel }, events }, cal);
        const c = Array.isArray(r) ? r[0]! : r;
        const d = (x: string | null) => (x ? (t.locale === 'en' ? x : dateZh(x)) : t('待定'));
        result = html`<section aria-labelledby="result-h" class="success" role="status"><h2 id="result-h">${t('答复期限')}：${d(c.replyDue)}</h2>
${c.provisional ? html`<p>${t('注意：所涉年份尚无官方节假日安排，结果为暂定。')}</p>` : ''}
<table class="meta"><caption>${t('计算依据')}</caption><thead><tr><th scope="col">${t('日期')}</th><th scope="col">${t('依据')}</th><th scope="col">${t('说明')}</th></tr></thead><tbody>
${c.trace.map((s) => html`<tr><td>${s.date ?? ''}</td><td>${s.article}</td><td>${s.text}</td></tr>`)}
</tbody></table></section>`;
      } catch (err) {
        if (!(err instanceof ClockInputError)) throw err;
        reply.status(400);
        result = html`<div class="alert" role="alert"><p>${err.message}</p></div>`;
      }
    }
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    return page({
      t,
      title: `${t('答复期限计算器')} - ${t('政府信息公开平台')}`,
      body: html`<h1>${t('答复期限计算器')}</h1><p>${t('按《条例》第三十一条、第三十三条和国务院办公厅公布的节假日安排，计算行政机关的答复期限。')}</p>${result}${form}`,
    });
  });
}
