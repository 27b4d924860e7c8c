import {
  COLUMN_PARTS,
  type ColumnPart,
  GUIDE_CONTACT,
  GUIDE_SECTIONS,
  type GuideFacts,
  RULES_PAGES,
} from '../../domain/catalogue/column.ts';
import type { T } from './i18n.ts';
import { html, type SafeHtml, sanitizedHtml } from './layout.ts';

/** An agency as its column pages need it. */
export interface ColumnAgency {
  id: string;
  name: string;
  creditCode: string;
}

/** The five-part navigation of the 信息公开专栏 (国办发〔2019〕61号), the current part marked. */
export function columnNav(t: T, a: ColumnAgency, current: ColumnPart | null): SafeHtml {
  return html`<nav class="column-nav" aria-label="${t('信息公开专栏')}"><ul>${COLUMN_PARTS.map(
    (p) =>
      html`<li><a href="/agencies/${a.id}${p.path}"${p.key === current ? html` aria-current="page"` : ''}>${t(p.title)}</a></li>`,
  )}</ul></nav>`;
}

/** Breadcrumbs, the agency's heading and the column navigation: the top of every column page. */
export function columnHead(t: T, a: ColumnAgency, current: ColumnPart | null, title?: string): SafeHtml {
  const part = COLUMN_PARTS.find((p) => p.key === current);
  return html`<nav class="crumbs" aria-label="${t('位置')}"><a href="/">${t('首页')}</a> › ${
    part
      ? html`<a href="/agencies/${a.id}" lang="zh-CN">${a.name}</a> › ${t(part.title)}`
      : html`<span lang="zh-CN">${a.name}</span>`
  }${title ? html` › <span lang="zh-CN">${title}</span>` : ''}</nav>
<p class="column-title"><span lang="zh-CN">${a.name}</span> ${t('政府信息公开')}</p>
${columnNav(t, a, current)}`;
}

const paragraphs = (lines: string[]) => html`${lines.map((p) => html`<p class="indent">${p}</p>`)}`;

/** The steps of 依申请公开 (条例第二十九条至第三十三条) as a diagram: an ordered list drawn as a flow chart. */
export function requestFlow(t: T): SafeHtml {
  const step = (title: string, note: string, cls = '') =>
    html`<li class="${cls}"><strong>${t(title)}</strong><span>${t(note)}</span></li>`;
  return html`<figure class="flow" aria-labelledby="flow-cap"><figcaption id="flow-cap">${t('依申请公开办理流程图')}</figcaption>
<ol class="flow-steps">
${step('提交申请', '在线、当面、信函或传真（第二十九条）')}
${step('登记受理', '网上申请以平台确认之日为收到之日（第三十一条）')}
${step('需要补正？', '7个工作日内一次性告知补正（第三十条）', 'branch')}
${step('审查办理', '征求第三方意见的时间不计入期限（第三十二条）')}
${step('作出答复', '20个工作日内；经批准可延长不超过20个工作日（第三十三条）')}
${step('送达', '按申请人选择的方式送达答复和告知书')}
</ol></figure>`;
}

export interface GuideView {
  agency: ColumnAgency;
  facts: GuideFacts;
  /** The agency's own text of a section (its kind → sanitised HTML), else the default text is shown. */
  pages: Record<string, string>;
}

/** 政府信息公开指南 (条例第十二条): every section, the agency's own text or the default from its data. */
export function guidePage(t: T, g: GuideView): SafeHtml {
  const f = g.facts;
  const section = (kind: string, title: string, body: SafeHtml) =>
    html`<section aria-labelledby="${kind}-h" class="guide-part"><h2 id="${kind}-h">${t(title)}</h2>${body}</section>`;
  return html`<h1 lang="zh-CN">${g.agency.name}${t('政府信息公开指南')}</h1>
<p class="indent" lang="zh-CN">为了更好地提供政府信息公开服务，依据《中华人民共和国政府信息公开条例》，编制本指南。申请人可以根据本指南获取本机关的政府信息。</p>
<div lang="zh-CN">
${GUIDE_SECTIONS.map((s) =>
  section(
    s.kind,
    s.title,
    html`${g.pages[s.kind] ? sanitizedHtml(g.pages[s.kind]!) : paragraphs(s.text(f))}${
      s.kind === 'guide.process'
        ? html`${requestFlow(t)}<p><a href="/apply?agency=${g.agency.creditCode}">${t('在线提交申请')}</a> · <a href="/track">${t('申请办理进度查询')}</a></p>`
        : ''
    }`,
  ),
)}
${section(
  'guide-contact',
  '联系方式',
  html`<table class="meta contact"><tbody>
<tr><th scope="row">${t('工作机构')}</th><td>${f.office || html`<span class="empty">${t('暂无')}</span>`}</td></tr>
${GUIDE_CONTACT.map(([label, key]) => html`<tr><th scope="row">${t(label)}</th><td>${f[key] || html`<span class="empty">${t('暂无')}</span>`}</td></tr>`)}
</tbody></table>`,
)}
${g.pages.guide ? section('guide-more', '其他说明', sanitizedHtml(g.pages.guide)) : ''}
</div>`;
}

/** 政府信息公开制度: the agency's 制度 pages, each its own page; the ones it has not published are not listed. */
export function rulesList(t: T, a: ColumnAgency, kinds: Set<string>): SafeHtml {
  const pages = [
    ...RULES_PAGES.filter((p) => kinds.has(p.kind)),
    ...(kinds.has('rules') ? [{ kind: 'rules', title: '政府信息公开制度' }] : []),
  ];
  return pages.length
    ? html`<ul class="rules">${pages.map((p) => html`<li><a href="/agencies/${a.id}/rules/${p.kind}" lang="zh-CN">${a.name}${p.title}</a></li>`)}</ul>`
    : html`<p class="empty">${t('暂无。')}</p>`;
}

export function rulesIndex(t: T, a: ColumnAgency, kinds: Set<string>): SafeHtml {
  return html`<h1>${t('政府信息公开制度')}</h1>${rulesList(t, a, kinds)}`;
}

export function rulesPage(a: ColumnAgency, title: string, bodyHtml: string): SafeHtml {
  return html`<article lang="zh-CN" class="rules-page"><h1>${a.name}${title}</h1><div class="body">${sanitizedHtml(bodyHtml)}</div></article>`;
}
