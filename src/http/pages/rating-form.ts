import { RATING_LABELS } from '../../domain/supervision/index.ts';
import type { T } from './i18n.ts';
import { html, type SafeHtml } from './layout.ts';

/**
 * The 1–5 rating form (社会评议): radio buttons and an optional comment, posted without JavaScript. No choice is
 * made in advance — a preselected score would count for anyone who only sends the comment (好差评 figures).
 */
export function ratingForm(t: T, action: string, hidden: Record<string, string> = {}): SafeHtml {
  return html`<section class="rate noprint" aria-labelledby="rate-h"><h2 id="rate-h">${t('评价')}</h2>
<form method="post" action="${action}">
${Object.entries(hidden).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
<fieldset><legend>${t('您的评分')}</legend>
${RATING_LABELS.map((label, i) => html`<label class="radio"><input type="radio" name="score" value="${i + 1}"${i === 0 ? html` required` : ''}> ${i + 1} ${t(label)}</label> `)}
</fieldset>
<div class="field"><label for="rate-comment">${t('意见建议（选填，经审核后显示）')}</label><textarea id="rate-comment" name="comment" rows="3" maxlength="500"></textarea></div>
<p><button type="submit" class="primary">${t('提交评价')}</button></p></form></section>`;
}
