import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proposeAppealBodies, regionLevel } from './appeal-bodies.ts';
import { defaultPatterns, derivedDocCode, formatDocNumber, letterSettingsInput } from './letter-settings.ts';

const issues = (body: unknown) => {
  const r = letterSettingsInput.safeParse(body);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

test('文号 patterns follow GB/T 9704-2012: 机关代字〔{year}〕{n}号, numbers without leading zeros', () => {
  assert.deepEqual(issues({ docCode: '凉市监', patterns: defaultPatterns('凉市监') }), []);
  assert.equal(defaultPatterns('凉市监').reply, '凉市监依申〔{year}〕{n}号');
  assert.equal(formatDocNumber('凉市监依申〔{year}〕{n}号', 2026, 7), '凉市监依申〔2026〕7号');
  for (const bad of [
    '凉市监依申[{year}]{n}号',
    '凉市监依申〔{year}〕第{n}号',
    '凉市监依申〔{year}〕{n}',
    '〔{year}〕{n}号',
    '凉市监{n}号',
  ])
    assert.match(issues({ patterns: { reply: bad } }).join(), /^patterns\.reply: 文号格式应为/, bad);
});

test('two registers of one agency may not share a prefix (they would print the same numbers)', () => {
  const p = defaultPatterns('凉市监');
  assert.deepEqual(issues({ patterns: { ...p, correction: p.reply } }), [
    'patterns.reply: 与“补正告知书”的文号格式相同，各类告知书的机关代字部分须互不相同',
  ]);
  assert.deepEqual(issues({ patterns: { reply: p.reply, receipt: null } }), []);
});

test('a 机关代字 to start from: the short name, else the name, without brackets or spaces', () => {
  assert.equal(derivedDocCode('凉州区市场监督管理局', '凉州区市场监管局'), '凉州区市场监管局');
  assert.equal(derivedDocCode('某局 {测试}', null), '某局测试');
});

const REGIONS = [
  { code: '620602', name: '凉州区' },
  { code: '620600', name: '武威市' },
  { code: '620000', name: '甘肃省' },
];

test('the 复议机关 and court proposed from the region tree (行政复议法第二十四条; 行政诉讼法第十四条、第十五条)', () => {
  const govs = new Map([['620602', '武威市凉州区人民政府']]);
  assert.deepEqual(proposeAppealBodies({ name: '凉州区市场监督管理局', kind: 'department' }, REGIONS, govs), {
    reviewBody: '武威市凉州区人民政府',
    court: '凉州区人民法院',
  });
  assert.deepEqual(proposeAppealBodies({ name: '凉州区市场监督管理局', kind: 'department' }, REGIONS, new Map()), {
    reviewBody: '凉州区人民政府',
    court: '凉州区人民法院',
  });
  // A government itself: the government one level up, and the 中级人民法院.
  assert.deepEqual(proposeAppealBodies({ name: '武威市凉州区人民政府', kind: 'government' }, REGIONS, govs), {
    reviewBody: '武威市人民政府',
    court: '武威市中级人民法院',
  });
  assert.deepEqual(proposeAppealBodies({ name: '武威市人民政府', kind: 'government' }, REGIONS.slice(1), new Map()), {
    reviewBody: '甘肃省人民政府',
    court: '武威市中级人民法院',
  });
  // A province reviews its own acts (第二十四条第二款); its court is not in the tree.
  assert.deepEqual(proposeAppealBodies({ name: '甘肃省人民政府', kind: 'government' }, REGIONS.slice(2), new Map()), {
    reviewBody: '甘肃省人民政府',
    court: null,
  });
  assert.deepEqual(proposeAppealBodies({ name: '黄羊镇人民政府', kind: 'township' }, REGIONS, govs), {
    reviewBody: '武威市凉州区人民政府',
    court: '凉州区人民法院',
  });
  // A city's department sits in one of its districts: the tree does not say which court.
  assert.deepEqual(
    proposeAppealBodies({ name: '武威市市场监督管理局', kind: 'department' }, REGIONS.slice(1), new Map()),
    { reviewBody: '武威市人民政府', court: null },
  );
  assert.deepEqual(['620000', '620600', '620602'].map(regionLevel), ['province', 'city', 'county']);
});
