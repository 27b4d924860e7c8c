import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { flattenedLayout, pipeLayout } from '../../../../test/helpers/reports.ts';
import { emptyReport } from '../empty.ts';
import { settleAcrossYears } from './across.ts';
import { parseReportText } from './parse.ts';

const sample005 = readFileSync(join(import.meta.dirname, '../../../../../shared/samples/reports/005.txt'), 'utf8');
/** 平潭's report of another year: its 行政规范性文件 row printed in cells. */
const yearOf = (year: number, row: string) =>
  sample005.replaceAll('2021', String(year)).replace('行政规范性文件693665', `行政规范性文件 | ${row} |\n`);
const read = (text: string) => {
  const p = parseReportText(text);
  assert.ok(p.ok);
  return p;
};
const ND = 'proactive.normative_documents';

test('005 alone leaves "693665" open; the next year settles 现行有效 665; the year before settles the split', () => {
  const alone = read(sample005);
  assert.deepEqual(
    alone.open.map((o) => o.item),
    ['normative_documents'],
  );
  assert.ok(alone.unresolved.includes(`${ND}.in_force`));

  const y21 = read(sample005);
  const y22 = read(yearOf(2022, '88 | 55 | 698'));
  assert.equal(settleAcrossYears([y21, y22]).size, 1);
  assert.equal(y21.report.proactive.normative_documents!.in_force, 665);
  assert.deepEqual(
    y21.unresolved.filter((k) => k.startsWith(ND)),
    [`${ND}.issued`, `${ND}.repealed`],
    '6|93 and 69|3 both still fit',
  );
  assert.match(y21.inferences.at(-1)!, /693665.*2022年度制发88、废止55、现行有效698.*in_force = 665（仍有 2 种拆分）/);

  const all = [read(yearOf(2020, '77 | 11 | 599')), read(sample005), read(yearOf(2022, '88 | 55 | 698'))];
  settleAcrossYears(all);
  const r = all[1]!;
  assert.deepEqual(r.report.proactive.normative_documents, { issued: 69, repealed: 3, in_force: 665 });
  assert.deepEqual(r.unresolved, []);
  assert.deepEqual(r.open, []);
  assert.match(r.inferences.join('\n'), /拆分为 69\|3\|665/);
});

test('neighbours that no split fits, another agency, or two readings of one year settle nothing', () => {
  for (const others of [
    [yearOf(2022, '88 | 55 | 9999')],
    [yearOf(2022, '88 | 55 | 698').replaceAll('平潭综合实验区', '长乐区人民政府')],
    [yearOf(2022, '88 | 55 | 698'), yearOf(2022, '88 | 55 | 699')],
  ]) {
    const r = read(sample005);
    settleAcrossYears([r, ...others.map(read)]);
    assert.equal(r.report.proactive.normative_documents!.in_force, null);
    assert.ok(r.unresolved.includes(`${ND}.in_force`));
    assert.equal(r.inferences.length, 0);
  }
});

test('R5 settles section-三 rows that the report’s own checks leave open, and says so', () => {
  // Every application of 2023 carried forward: 新收 and 结转下年度 both print "270020130", which R1 pairs but
  // cannot split (27|0|0|2|0|1|30 or 2|7|0|0|20|1|30).
  const r = emptyReport('2021', 0);
  r.year = 2023;
  r.agency = '武威市凉州区测试局';
  const row = [27, 0, 0, 2, 0, 1];
  const cols = ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_org'];
  for (const key of ['new', 'carried_forward']) {
    cols.forEach((c, i) => {
      r.applications[key]![c] = row[i]!;
    });
    r.applications[key]!.total = 30;
  }
  const y23 = read(flattenedLayout(r));
  assert.ok(y23.openApplications, 'left open by R1–R3');
  assert.ok(y23.unresolved.includes('applications.carried_forward.natural_person'));
  assert.equal(y23.report.applications.new!.other_org, 1, 'cells both splits agree on are read');

  const n = structuredClone(r);
  n.year = 2024;
  n.applications.carried_over = structuredClone(r.applications.carried_forward!);
  n.applications.new = Object.fromEntries([...cols, 'total'].map((c) => [c, 0]));
  const y24 = read(pipeLayout(n));
  settleAcrossYears([y23, y24]);
  assert.deepEqual(y23.report.applications.carried_forward, r.applications.carried_forward);
  assert.deepEqual(y23.report.applications.new, r.applications.new);
  assert.deepEqual(y23.unresolved, []);
  assert.match(
    y23.inferences.join('\n'),
    /三、连写数字的拆分按 R5 跨年度结转（2024年度上年结转 27\|0\|0\|2\|0\|1\|30）定为/,
  );
});
