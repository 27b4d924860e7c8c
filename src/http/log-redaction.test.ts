import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactedUrl } from './log-redaction.ts';

test('request logs never carry a 查询码 or a token: their values are hidden, the rest is kept', () => {
  const cases: [string, string][] = [
    ['/track?number=GK2026-000123&code=ABCD2345', '/track?number=GK2026-000123&code=[已隐藏]'],
    [
      '/api/v1/applications/letters/1/pdf?number=GK2026-000123&code=ABCD2345&lang=en',
      '/api/v1/applications/letters/1/pdf?number=GK2026-000123&code=[已隐藏]&lang=en',
    ],
    ['/x?CODE=abc', '/x?CODE=[已隐藏]'],
    ['/x?%63ode=abc', '/x?%63ode=[已隐藏]'],
    ['/x?queryCode=abc&token=t', '/x?queryCode=[已隐藏]&token=[已隐藏]'],
    ['/search?q=code%3Dabc', '/search?q=code%3Dabc'],
    ['/x?code', '/x?code'],
    ['/x?%E0%A4=1&code=2', '/x?%E0%A4=1&code=[已隐藏]'],
    ['/plain/path', '/plain/path'],
  ];
  for (const [url, want] of cases) assert.equal(redactedUrl(url), want, url);
});
