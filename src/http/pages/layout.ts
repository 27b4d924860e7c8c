import { type T, zhT } from './i18n.ts';
import { siteFooter } from './site-identity.ts';

/** Server-rendered page shell: zh-CN (or en), landmarks, no JavaScript required. */
export function escapeHtml(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Tagged template that escapes every interpolation unless it is already `SafeHtml`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

/** HTML that was sanitised by an allowlist when it was saved (item bodies): inserted as is. */
export function sanitizedHtml(s: string): SafeHtml {
  return new SafeHtml(s);
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

function render(v: unknown): string {
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(v);
}

/** `feed`: the page's own Atom feed (an agency's), announced beside the platform's for autodiscovery. */
export function page(opts: { title: string; body: SafeHtml; t?: T; feed?: { title: string; href: string } }): string {
  const t = opts.t ?? zhT;
  const other =
    t.locale === 'en'
      ? html`<a href="/lang?to=zh-CN" lang="zh-CN">中文</a>`
      : html`<a href="/lang?to=en" lang="en">English</a>`;
  return `<!doctype html>
<html lang="${t.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
<link rel="stylesheet" href="/assets/site.css">
<link rel="alternate" type="application/atom+xml" title="${escapeHtml(t('政府信息公开平台'))}" href="/feed.xml">${opts.feed ? `\n<link rel="alternate" type="application/atom+xml" title="${escapeHtml(opts.feed.title)}" href="${escapeHtml(opts.feed.href)}">` : ''}
</head>
<body>
<a class="skip" href="#main">${escapeHtml(t('跳到主要内容'))}</a>
<header class="site-header" role="banner"><div class="wrap"><a class="brand" href="/">${escapeHtml(t('政府信息公开平台'))}</a><nav class="modes" aria-label="${escapeHtml(t('显示模式'))}"><a class="m-large" href="/large-text?on=1">${escapeHtml(t('长辈版'))}<span class="now">${escapeHtml(t('（当前）'))}</span></a> <a class="m-std" href="/large-text?on=0">${escapeHtml(t('标准版'))}<span class="now">${escapeHtml(t('（当前）'))}</span></a> ${other.value}</nav></div></header>
<main id="main" class="wrap">${opts.body.value}</main>
<footer class="site-footer" role="contentinfo"><div class="wrap">${siteFooter(t).value}</div></footer>
</body>
</html>`;
}
