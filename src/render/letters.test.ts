import assert from 'node:assert/strict';
import { test } from 'node:test';
import { letterDocument } from './letters.ts';

test('a letter lays out its title, 发文字号, 主送, body and 署名 over the 成文日期 (GB/T 9704-2012)', () => {
  const doc = letterDocument({
    title: '政府信息公开申请答复告知书',
    docNumber: '凉市监依申〔2026〕3号',
    body: [
      '武威某某商贸有限公司：',
      '本机关于2026年3月2日收到贵单位提出的申请。',
      '特此告知。',
      '凉州区市场监督管理局',
      '2026年12月2日',
    ],
  });
  assert.deepEqual(doc.blocks, [
    { kind: 'title', text: '政府信息公开申请答复告知书' },
    { kind: 'docNumber', text: '凉市监依申〔2026〕3号' },
    { kind: 'salutation', text: '武威某某商贸有限公司：' },
    { kind: 'paragraph', text: '本机关于2026年3月2日收到贵单位提出的申请。', indent: true },
    { kind: 'paragraph', text: '特此告知。', indent: true },
    { kind: 'signature', agency: '凉州区市场监督管理局', date: '2026年12月2日' },
  ]);
});

test('an unnumbered letter has no 发文字号 line; a short one is laid out as it stands', () => {
  const doc = letterDocument({ title: '回执', body: ['本局已收到。'], docNumber: null });
  assert.deepEqual(doc.blocks, [
    { kind: 'title', text: '回执' },
    { kind: 'paragraph', text: '本局已收到。', indent: true },
  ]);
});
