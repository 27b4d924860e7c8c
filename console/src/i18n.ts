import { EN } from './locale-en.ts';

/**
 * The console's language: Chinese, with English second. The choice is the portal's (`/lang?to=en` sets it);
 * main.tsx asks the server once (`/api/v1/locale`) before the app's modules load, so labels built when a module
 * loads are in the right language too. Keys are the Chinese texts; `{name}` placeholders are filled from `vars`.
 */
export type Locale = 'zh-CN' | 'en';
let current: Locale = 'zh-CN';

export function setLocale(l: Locale) {
  current = l;
}

export function locale(): Locale {
  return current;
}

export function t(zh: string, vars: Record<string, string | number> = {}): string {
  const s = current === 'en' ? (EN[zh] ?? zh) : zh;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
