import { EN } from './locale-en.ts';

/** The portal's locales: Chinese first (the users' language), English second. */
export type Locale = 'zh-CN' | 'en';

/**
 * A translator: the Chinese text is the key (so the source reads as the page does); `{name}` placeholders take
 * `vars`. Content (titles, agency names, bodies, letters) is never translated — only the interface around it.
 */
export type T = ((zh: string, vars?: Record<string, string | number>) => string) & { locale: Locale };

export function translator(locale: Locale): T {
  const dict: Record<string, string> = locale === 'en' ? EN : {};
  const t = (zh: string, vars?: Record<string, string | number>) => {
    const s = dict[zh] ?? zh;
    return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
  };
  return Object.assign(t, { locale });
}

/** `?lang=en` for one page, otherwise the `gk_lang` cookie set by /lang, otherwise Chinese. */
export function localeOf(req: { cookies?: Record<string, string | undefined>; query?: unknown }): Locale {
  const q = (req.query as { lang?: string } | undefined)?.lang;
  if (q === 'en' || q === 'zh-CN') return q;
  return req.cookies?.gk_lang === 'en' ? 'en' : 'zh-CN';
}

export const zhT = translator('zh-CN');
