import type { T } from './i18n.ts';
import { html, type SafeHtml } from './layout.ts';

/**
 * Who runs the site, as a government website's footer states it (《政府网站发展指引》, 国办发〔2017〕47号):
 * 主办单位, 联系方式, 网站标识码, ICP 备案号 and 公安机关备案号. From the configuration (SITE_* variables);
 * 主办单位 and 联系方式 default to the government agency's own name and contact in the database.
 */
export interface SiteIdentity {
  sponsor?: string | undefined;
  contact?: string | undefined;
  /** 网站标识码 (the 10-character code given by the 政府网站 register). */
  siteCode?: string | undefined;
  icp?: string | undefined;
  /** 公安机关备案号, e.g. 甘公网安备 62060202000001号. */
  psb?: string | undefined;
}

let current: SiteIdentity = {};

/** Set once when the server is ready (server.ts). */
export function setSiteIdentity(s: SiteIdentity) {
  current = { ...s };
}

export function siteIdentity(): SiteIdentity {
  return current;
}

/** The footer: the site's identity (what is known), the 网站地图, and the legal basis. */
export function siteFooter(t: T, s: SiteIdentity = current): SafeHtml {
  const item = (label: string, v: string | undefined) =>
    v ? html`<li><span class="k">${t(label)}</span><span lang="zh-CN">${v}</span></li>` : '';
  return html`<ul class="identity">${item('主办单位：', s.sponsor)}${item('联系方式：', s.contact)}${item('网站标识码：', s.siteCode)}${item('ICP备案号：', s.icp)}${item('公安机关备案号：', s.psb)}</ul>
<p class="footer-links"><a href="/site-map">${t('网站地图')}</a> · <a href="/reports">${t('政府信息公开年报')}</a> · <a href="/feed.xml">${t('订阅（Atom）')}</a></p>
<p>${t('依据《中华人民共和国政府信息公开条例》（国务院令第711号）建设 · gongkai 开源政府信息公开平台')}</p>`;
}
