import { locale } from './i18n.ts';

/** 中文 / English: the portal's switch (a plain link; the server remembers the choice and comes back here). */
export function LanguageSwitch({ color = '#fff' }: { color?: string }) {
  return locale() === 'en' ? (
    <a href="/lang?to=zh-CN" lang="zh-CN" style={{ color }}>
      中文
    </a>
  ) : (
    <a href="/lang?to=en" lang="en" style={{ color }}>
      English
    </a>
  );
}
