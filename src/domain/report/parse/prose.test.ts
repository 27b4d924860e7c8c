import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseReportText } from './parse.ts';

const sample005 = readFileSync(join(import.meta.dirname, '../../../../../shared/samples/reports/005.txt'), 'utf8');
const withProse = (sentence: string) =>
  sample005.replace('（二）依申请公开方面。', `${sentence}（二）依申请公开方面。`);
const read = (text: string) => {
  const p = parseReportText(text);
  assert.ok(p.ok);
  return p;
};
const ND = 'proactive.normative_documents';

test('the overview settles a run-together section-二 row: "现行有效665件" keeps 6|93|665 and 69|3|665', () => {
  const p = read(withProse('截至年底，全区现行有效行政规范性文件665件。'));
  assert.equal(p.report.proactive.normative_documents!.in_force, 665);
  assert.deepEqual(
    p.unresolved.filter((k) => k.startsWith(ND)),
    [`${ND}.issued`, `${ND}.repealed`],
  );
  assert.match(
    p.inferences.join('\n'),
    /行政规范性文件：连写数字「693665」按正文「截至年底[,，]全区现行有效行政规范性文件665件」定为 in_force = 665（仍有 2 种拆分）/,
  );
  const full = read(withProse('全年制发行政规范性文件69件，废止3件，现行有效665件。'));
  assert.deepEqual(full.report.proactive.normative_documents, { issued: 69, repealed: 3, in_force: 665 });
  assert.deepEqual(full.unresolved, []);
});

test('prose that names both items, contradicts itself or fits no split settles nothing', () => {
  for (const s of [
    '现行有效规章和行政规范性文件665件。',
    '现行有效行政规范性文件665件；另有现行有效规范性文件700件。',
    '现行有效行政规范性文件393件。',
  ]) {
    const p = read(withProse(s));
    assert.equal(p.report.proactive.normative_documents!.in_force, null, s);
    assert.ok(p.unresolved.includes(`${ND}.in_force`), s);
    assert.equal(p.inferences.length, 0, s);
  }
});
