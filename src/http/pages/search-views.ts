import {
  ARTICLE_ITEMS,
  GENRES,
  markedPieces,
  parseQuery,
  QUERY_MAX_CHARS,
  QUERY_MAX_TERMS,
  type QueryProblem,
} from '../../domain/catalogue/index.ts';
import type { SearchFacets, SearchSort } from '../../queries/catalogue-search.ts';
import type { T } from './i18n.ts';
import { html, type SafeHtml } from './layout.ts';

/** A text with the search terms marked; every piece escaped by the template. */
export function marked(text: string, terms: string[] | undefined): SafeHtml {
  if (!terms?.length) return html`${text}`;
  return html`${markedPieces(text, terms).map((p) => (p.mark ? html`<mark>${p.text}</mark>` : p.text))}`;
}

/** "共 N 条" when counted, "约 N 条" when estimated (never "~" or "+"). */
export function countText(t: T, total: number, capped: boolean): string {
  const n = total.toLocaleString(t.locale === 'en' ? 'en' : 'zh-CN');
  return capped ? t('约 {n} 条', { n }) : t('共 {n} 条', { n: total });
}

export function problemText(t: T, p: QueryProblem): string {
  if (p === 'too_long') return t('搜索词过长：最多 {n} 个字符，请删去一些词再搜索。', { n: QUERY_MAX_CHARS });
  if (p === 'too_many_terms') return t('搜索词过多：最多 {n} 个词，请删去一些词再搜索。', { n: QUERY_MAX_TERMS });
  return t('请输入文字、数字或文号：标点符号不能单独搜索。');
}

/** The query a term list reads back as (a term that would split again is quoted). */
export function queryOf(terms: string[]): string {
  return terms.map((x) => (parseQuery(x).terms.join(' ') === x ? x : `"${x}"`)).join(' ');
}

type Params = Record<string, string | number | undefined>;
/** A /search link with the current parameters, some replaced (a facet, the sort), from the first page. */
export function searchHref(cur: Params, change: Params): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...cur, ...change }))
    if (v !== undefined && v !== '' && k !== 'page') p.set(k, String(v));
  const s = p.toString();
  return `/search${s ? `?${s}` : ''}`;
}

/** 按相关度 / 按时间排序: plain links (no script needed); the current one marked. */
export function sortLinks(t: T, cur: Params, sort: SearchSort): SafeHtml {
  const link = (s: SearchSort, label: string) =>
    s === sort
      ? html`<strong aria-current="true">${t(label)}</strong>`
      : html`<a href="${searchHref(cur, { sort: s === 'relevance' ? undefined : s })}">${t(label)}</a>`;
  return html`<p class="sort">${t('排序：')}${link('relevance', '按相关度')} · ${link('date', '按时间排序')}</p>`;
}

/** Facets as links with their counts: 发布机构, 年份, 所属事项, 体裁. */
export function facetsView(
  t: T,
  cur: Params,
  facets: SearchFacets,
  agencyName: (id: string) => string | undefined,
): SafeHtml {
  const group = (title: string, param: string, rows: { key: string; n: number }[], label: (k: string) => string) =>
    rows.length
      ? html`<section><h2>${t(title)}</h2><ul>${rows
          .slice(0, 12)
          .map((r) =>
            String(cur[param] ?? '') === r.key
              ? html`<li><strong>${label(r.key)}</strong>（${r.n}）</li>`
              : html`<li><a href="${searchHref(cur, { [param]: r.key })}">${label(r.key)}</a>（${r.n}）</li>`,
          )}</ul></section>`
      : '';
  return html`<aside class="facets" aria-label="${t('筛选结果')}">
${group('发布机构', 'agency', facets.agency, (k) => agencyName(k) ?? k)}
${group('年份', 'year', facets.year, (k) => (t.locale === 'en' ? k : `${k}年`))}
${group('所属事项', 'item', facets.item, (k) => t(ARTICLE_ITEMS[k] ?? k))}
${group('体裁', 'genre', facets.genre, (k) => t(GENRES[k as keyof typeof GENRES] ?? k))}
</aside>`;
}

/** What a query finds with one of its terms left out (counted only on a page that found nothing). */
export interface Drop {
  term: string;
  q: string;
  total: number;
  capped: boolean;
}

/** Nothing found: the words whose removal finds something, with what it finds; and 依申请公开. */
export function noResults(t: T, cur: Params, drops: Drop[]): SafeHtml {
  const helpful = drops.filter((d) => d.total > 0);
  const tip = helpful.length
    ? html`<p>${t('试试去掉一个词：')}${helpful.map(
        (d) =>
          html`<a class="drop" href="${searchHref(cur, { q: d.q })}">${t('去掉“{w}”', { w: d.term })}</a>（${countText(t, d.total, d.capped)}） `,
      )}</p>`
    : drops.length
      ? html`<p>${t('去掉其中任何一个词也没有找到，请换一个说法。')}</p>`
      : '';
  return html`<div class="empty"><p>${t('没有找到同时包含这些词的信息。')}</p>${tip}
<p>${t('也可以减少筛选条件，或换一个说法。没有公开的信息，可以')}<a href="/apply">${t('申请政府信息公开（依申请公开）')}</a>${t('。')}</p></div>`;
}
