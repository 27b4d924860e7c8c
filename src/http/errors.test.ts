import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acceptLanguage, requestLocale } from './errors.ts';

test('the language of a request: ?lang, then the gk_lang cookie, then Accept-Language (by q), else Chinese', () => {
  assert.equal(acceptLanguage(undefined), 'zh-CN');
  assert.equal(acceptLanguage('en-US,en;q=0.9'), 'en');
  assert.equal(acceptLanguage('fr-FR,zh-TW;q=0.8,en;q=0.5'), 'zh-CN');
  assert.equal(acceptLanguage('zh;q=0.2, en;q=0.9'), 'en');
  assert.equal(acceptLanguage('de, fr'), 'zh-CN');
  assert.equal(acceptLanguage('en;q=0, zh;q=0.1'), 'zh-CN');
  const headers = { 'accept-language': 'en' };
  assert.equal(requestLocale({ headers }), 'en');
  assert.equal(requestLocale({ headers, cookies: { gk_lang: 'zh-CN' } }), 'zh-CN');
  assert.equal(requestLocale({ headers: {}, cookies: { gk_lang: 'en' }, query: { lang: 'zh-CN' } }), 'zh-CN');
  assert.equal(requestLocale({ headers: {}, query: { lang: 'en' } }), 'en');
});
