import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { lostHeaderMarkdown, publishedHtml } from '../../test/fixtures/reports/layouts.ts';
import { reportArb } from '../../test/helpers/reports.ts';

const bin = join(import.meta.dirname, '../../bin/gongkai.js');
const samples = join(import.meta.dirname, '../../../shared/samples/reports');
const fixtures = join(import.meta.dirname, '../../test/fixtures/reports');

test('report check DIR --html: a mixed folder tree read recursively, unreadable files listed, a self-contained dashboard', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-audit-'));
  mkdirSync(join(dir, '2024', 'scans'), { recursive: true });
  const [a, b] = fc.sample(reportArb, { numRuns: 2, seed: 7 });
  a!.agency = '沭阳县自然资源和规划局';
  b!.agency = '古浪县市场监督管理局';
  writeFileSync(
    join(dir, '2024', 'ocr.md'),
    lostHeaderMarkdown(a!, { spuriousHeaderAt: '（七）总计', splitFour: true }),
  );
  writeFileSync(join(dir, '2024', 'page.html'), publishedHtml(b!));
  copyFileSync(join(samples, '012.txt'), join(dir, '012.txt'));
  copyFileSync(join(samples, '041.txt'), join(dir, '041.txt'));
  copyFileSync(join(fixtures, 'image-only.pdf'), join(dir, '2024', 'scans', 'scan.pdf'));
  writeFileSync(join(dir, '2024', 'scans', 'notes.txt'), '会议纪要\n一、会议议题\n');
  const html = join(dir, 'dashboard.html');
  const r = spawnSync(process.execPath, [bin, 'report', 'check', dir, '--html', html, '--csv', join(dir, 's.csv')], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(r.status, 2, 'some files unreadable');
  assert.match(r.stderr, /读取年报 6\/6/, 'a count on stderr when it is not a terminal');
  assert.match(r.stdout, /scan\.pdf\n\s+无法读取：文件中没有可提取的文字/);
  assert.match(r.stdout, /041\.txt.*2018年度\n\s+无法读取：.*早于2019年/);
  assert.match(r.stdout, /notes\.txt\n\s+无法读取：不是2019年或2021年格式/);
  assert.match(r.stdout, /✓ .*ocr\.md {2}沭阳县自然资源和规划局/);
  assert.match(r.stdout, /✓ .*page\.html {2}古浪县市场监督管理局/);
  assert.match(r.stdout, /共 6 份：2 份全部通过，1 份有不通过项，3 份无法读取/);
  const page = readFileSync(html, 'utf8');
  assert.doesNotMatch(page, /<script|<link|<img|\bsrc=|\bhref=|url\(/i, 'no external asset, no script');
  assert.equal((page.match(/<svg /g) ?? []).length, 2, 'bars by year and by failure kind');
  for (const s of [
    '沭阳县自然资源和规划局',
    '上海市科委',
    'R1 总计列：新收34 + 结转2 ≠ 总计35 + 结转下年（空白）',
    '列名缺失，按模板顺序读取，R1/R2/R3 验证通过',
    '无法读取：2019年前的报告',
    '年度 2024：标题',
  ])
    assert.ok(page.includes(s), s);
  assert.match(page, /<tr class="unreadable"><td>[^<]*scan\.pdf<\/td>/);
});

test('report check over several years of one agency: splits one report leaves open are settled and said so', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-years-'));
  const y21 = readFileSync(join(samples, '005.txt'), 'utf8');
  const other = (year: number, row: string) =>
    y21.replaceAll('2021', String(year)).replace('行政规范性文件693665', `行政规范性文件 | ${row} |\n`);
  writeFileSync(join(dir, '2020.txt'), other(2020, '77 | 11 | 599'));
  writeFileSync(join(dir, '2021.txt'), y21);
  writeFileSync(join(dir, '2022.txt'), other(2022, '88 | 55 | 698'));
  const r = spawnSync(process.execPath, [bin, 'report', 'check', '--json', dir], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const out = JSON.parse(r.stdout) as { year: number; unresolved: string[]; inferences?: string[] }[];
  const y = out.find((o) => o.year === 2021)!;
  assert.deepEqual(y.unresolved, []);
  assert.ok(
    y.inferences?.some((i) => /693665.*拆分为 69\|3\|665/.test(i)),
    JSON.stringify(y.inferences),
  );
  const human = spawnSync(process.execPath, [bin, 'report', 'check', join(dir, '2021.txt'), join(dir, '2022.txt')], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.match(human.stdout, /2021\.txt[\s\S]*推断：二、行政规范性文件：连写数字「693665」.*in_force = 665/);
});
