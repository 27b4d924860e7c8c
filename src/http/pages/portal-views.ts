import { dateZh } from '../../domain/calendar/index.ts';
import {
  ARTICLE_ITEMS,
  DISCLOSURE_LABELS,
  GENRES,
  termSnippet,
  VALIDITY_LABELS,
} from '../../domain/catalogue/index.ts';
import type { T } from './i18n.ts';
import { html, type SafeHtml, sanitizedHtml } from './layout.ts';
import { ratingForm } from './rating-form.ts';
import { marked } from './search-views.ts';

export interface ListRow {
  id: string;
  index_no: string | null;
  title: string;
  doc_number: string | null;
  publish_date: string | null;
  agency_name: string;
  validity: string;
  body_text?: string;
}

/** A list of items; with search terms, each marked in the title, the 文号 and an excerpt of the body. */
export function itemList(t: T, rows: ListRow[], terms?: string[]): SafeHtml {
  if (!rows.length) return html`<p class="empty">${t('没有符合条件的信息。')}</p>`;
  return html`<ol class="items">${rows.map((r) => {
    const s = terms?.length && r.body_text ? termSnippet(r.body_text, terms) : null;
    return html`<li><a href="/items/${r.id}">${marked(r.title, terms)}</a>
<span class="meta">${r.agency_name}${r.doc_number ? html` · ${marked(r.doc_number, terms)}` : ''} · <time datetime="${r.publish_date ?? ''}">${r.publish_date ?? ''}</time>${r.validity !== 'in_force' ? html` · <strong>${t(VALIDITY_LABELS[r.validity as 'in_force'])}</strong>` : ''}</span>
${s ? html`<p class="snippet">${marked(s, terms)}</p>` : ''}</li>`;
  })}</ol>`;
}

export function pager(t: T, base: string, page: number, total: number, size: number): SafeHtml {
  const pages = Math.max(1, Math.ceil(Math.min(total, 1000) / size));
  if (pages <= 1) return html``;
  const link = (p: number, label: string) =>
    html`<a href="${base}${base.includes('?') ? '&' : '?'}page=${p}"${p === page ? html` aria-current="page"` : ''}>${label}</a>`;
  return html`<nav class="pager" aria-label="${t('分页')}">${page > 1 ? link(page - 1, t('上一页')) : ''} <span>${t('第 {page} / {pages} 页', { page, pages })}</span> ${page < pages ? link(page + 1, t('下一页')) : ''}</nav>`;
}

export interface ItemView {
  id: string;
  index_no: string | null;
  title: string;
  doc_number: string | null;
  agency_name: string;
  disclosure: string;
  written_date: string | null;
  publish_date: string | null;
  topic: string | null;
  genre: string;
  article_item: string | null;
  validity: string;
  validity_date: string | null;
  keywords: string;
  body_html: string;
  interpretations: { id: string; title: string }[];
  interprets?: { id: string; title: string } | undefined;
  attachments: { id: string; filename: string; size: number }[];
}

/** The item page: the metadata table every government disclosure page shows, above the body. */
export function itemPage(t: T, i: ItemView, opts: { print?: boolean } = {}): SafeHtml {
  const row = (k: string, v: unknown) => html`<tr><th scope="row">${t(k)}</th><td>${v ?? ''}</td></tr>`;
  const date = (d: string | null) => (d ? (t.locale === 'en' ? d : dateZh(d)) : '');
  const item = i.article_item
    ? t.locale === 'en'
      ? `Art. ${i.article_item.startsWith('21') ? '21' : `20 (${i.article_item.slice(3)})`}: ${t(ARTICLE_ITEMS[i.article_item] ?? '')}`
      : `第${i.article_item.startsWith('21') ? '二十一条' : '二十条'}${ARTICLE_ITEMS[i.article_item]?.replace(/^第二十一条 /, '') ?? ''}`
    : '';
  return html`${opts.print ? '' : html`<nav class="crumbs" aria-label="${t('位置')}"><a href="/">${t('首页')}</a> › <a href="/search">${t('信息公开')}</a> · <a href="/items/${i.id}/print">${t('打印版')}</a></nav>`}
<article>
<table class="meta"><caption class="sr-only">${t('信息属性')}</caption><tbody>
${row('索引号', i.index_no)}${row('发布机构', i.agency_name)}
${row('公开方式', t(DISCLOSURE_LABELS[i.disclosure as 'proactive']))}${row('文号', i.doc_number)}
${row('成文日期', date(i.written_date))}${row('发布日期', date(i.publish_date))}
${row('主题分类', i.topic ? t(i.topic) : '')}${row('体裁', t(GENRES[i.genre as keyof typeof GENRES] ?? i.genre))}
${row('所属事项', item)}
${row('有效性', `${t(VALIDITY_LABELS[i.validity as 'in_force'])}${i.validity_date ? `（${date(i.validity_date)}）` : ''}`)}
</tbody></table>
<h1 lang="zh-CN">${i.title}</h1>
<div class="body" lang="zh-CN">${sanitizedHtml(i.body_html)}</div>
${i.attachments.length ? html`<section><h2>${t('附件')}</h2><ul>${i.attachments.map((a) => html`<li><a href="/items/${i.id}/attachments/${a.id}">${a.filename}</a>（${Math.max(1, Math.round(a.size / 1024))} KB）</li>`)}</ul></section>` : ''}
${i.interpretations.length ? html`<section><h2>${t('政策解读')}</h2><ul>${i.interpretations.map((x) => html`<li><a href="/items/${x.id}">${x.title}</a></li>`)}</ul></section>` : ''}
${i.interprets ? html`<p>${t('解读的政策文件：')}<a href="/items/${i.interprets.id}">${i.interprets.title}</a></p>` : ''}
</article>
${opts.print ? '' : ratingForm(t, `/items/${i.id}/rate`)}`;
}
