import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { APPLICANT_TYPE_LABELS, FORM_LABELS, ID_TYPES, STATE_LABELS } from '../../domain/case/index.ts';
import { ARTICLE_ITEMS, DISCLOSURE_LABELS, GENRES, TOPICS, VALIDITY_LABELS } from '../../domain/catalogue/index.ts';
import { channelLabels } from '../../domain/clock/index.ts';
import { translator } from './i18n.ts';
import { EN } from './locale-en.ts';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });

test('every interface text the portal passes to t() has its English', () => {
  const used = new Set<string>();
  for (const f of files(join(import.meta.dirname, '..')))
    for (const m of readFileSync(f, 'utf8').matchAll(/\bt\('([^']+)'/g)) used.add(m[1]!);
  assert.ok(used.size > 100, `found ${used.size} texts`);
  const missing = [...used].filter((k) => !(k in EN));
  assert.deepEqual(missing, []);
});

test('every label of the closed sets shown on the portal has its English', () => {
  const labels = [
    ...Object.values(APPLICANT_TYPE_LABELS),
    ...Object.values(FORM_LABELS),
    ...ID_TYPES.filter((x) => x !== '其他'),
    ...Object.values(STATE_LABELS),
    ...Object.values(ARTICLE_ITEMS),
    ...Object.values(DISCLOSURE_LABELS),
    ...Object.values(GENRES),
    ...TOPICS,
    ...Object.values(VALIDITY_LABELS),
    ...Object.values(channelLabels),
  ];
  assert.deepEqual(
    labels.filter((k) => !(k in EN)),
    [],
  );
});

test('placeholders are filled; Chinese is the fallback and the default', () => {
  const en = translator('en');
  const zh = translator('zh-CN');
  assert.equal(en('第 {page} / {pages} 页', { page: 2, pages: 9 }), 'Page 2 of 9');
  assert.equal(zh('第 {page} / {pages} 页', { page: 2, pages: 9 }), '第 2 / 9 页');
  assert.equal(en('一段没有译文的文字'), '一段没有译文的文字');
  for (const [k, v] of Object.entries(EN)) {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(holes(v), holes(k), `placeholders of ${k}`);
  }
});
