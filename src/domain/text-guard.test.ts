import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasMalformedText, wellFormed } from './text-guard.ts';

test('lone surrogates and NUL are found in strings, keys and nested values; well-formed text passes', () => {
  assert.equal(hasMalformedText({ a: ['正文', { b: 'x\ud800' }] }), true);
  assert.equal(hasMalformedText({ 'k\u0000': 1 }), true);
  assert.equal(hasMalformedText({ a: ['正文 😀', { b: 2 }] }), false);
  assert.equal(wellFormed('a\udc00b'), 'a\ufffdb');
});

test('an uploaded file’s bytes are not walked as text: 20 MB is checked at once', () => {
  const upload = Buffer.alloc(20 * 1024 * 1024, 0); // NUL bytes: binary, not text
  const start = process.cpuUsage();
  assert.equal(hasMalformedText(upload), false);
  assert.equal(hasMalformedText(new Uint8Array(upload.buffer, 0, 1024)), false);
  const u = process.cpuUsage(start);
  assert.ok((u.user + u.system) / 1000 < 50);
});
