import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createRoot } from 'react-dom/client';
import { type Locale, setLocale } from './i18n.ts';

const locale = await fetch('/api/v1/locale', { credentials: 'same-origin' })
  .then((r) => r.json() as Promise<{ locale: Locale }>)
  .then((r) => r.locale)
  .catch((): Locale => 'zh-CN');
setLocale(locale);
document.documentElement.lang = locale;
// The app's modules load after the language is known: labels they build at load time follow it.
const { App } = await import('./App.tsx');

createRoot(document.getElementById('root')!).render(
  <ConfigProvider
    locale={locale === 'en' ? enUS : zhCN}
    theme={{ token: { colorPrimary: '#b31b1b', borderRadius: 4 } }}
  >
    <AntApp>
      <App />
    </AntApp>
  </ConfigProvider>,
);
