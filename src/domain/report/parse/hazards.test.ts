import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { emptyReport } from '../empty.ts';
import { renderReportText } from '../render-text.ts';
import type { ReportData } from '../types.ts';
import { parseReportText } from './parse.ts';

/** A small balanced 2021 report to print in hazardous ways. */
function sample(): ReportData {
  const r = emptyReport('2021', 0);
  r.year = 2024;
  r.agency = '凉州区市场监督管理局';
  const set = (row: string, vals: number[]) => {
    const cols = ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_org'];
    cols.forEach((c, i) => {
      r.applications[row]![c] = vals[i]!;
    });
    r.applications[row]!.total = vals.reduce((a, b) => a + b, 0);
  };
  set('new', [12, 3, 0, 0, 1, 0]);
  set('carried_over', [1, 0, 0, 0, 0, 0]);
  set('granted', [6, 2, 0, 0, 1, 0]);
  set('unavailable_not_held', [4, 1, 0, 0, 0, 0]);
  set('total', [10, 3, 0, 0, 1, 0]);
  set('carried_forward', [3, 0, 0, 0, 0, 0]);
  r.proactive.normative_documents = { issued: 5, repealed: 1, in_force: 25 };
  r.appeals.reconsideration = { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 };
  return r;
}
const text = (r = sample()) => renderReportText(r, `${r.agency}${r.year}年度政府信息公开工作年度报告`);
const parse = (t: string) => {
  const p = parseReportText(t);
  assert.ok(p.ok, p.ok ? '' : p.error);
  return p;
};

describe('hazards of real published reports', () => {
  test('1. full-width and half-width forms mixed', () => {
    const t = text()
      .replace('（一）予以公开', '(一)予以公开')
      .replace('1.本机关不掌握', '1、本机关不掌握')
      .replace(/\| 12 \|/, '| １２ |')
      .replace('：', ':');
    const p = parse(t);
    assert.equal(p.report.applications.new!.natural_person, 12);
    assert.equal(p.report.applications.unavailable_not_held!.total, 5);
  });

  test('2. labels split across lines and cells', () => {
    const t = text()
      .replace('商业企业', '商业企\n业')
      .replace('（三）不予公开', '（三）不\n予公开')
      .replace('本年新收政府信息公开申请数量', '本年新收政府信\n息公开申请数量');
    assert.deepEqual(parse(t).report, sample());
  });

  test('3. a blank cell is null and listed as missing, never 0', () => {
    const t = text().replace(/(四、结转下年度继续办理 \| 3 \| 0 \| 0 \| 0 \| 0 \| 0 \| )3 \|/, '$1 |');
    const p = parse(t);
    assert.equal(p.report.applications.carried_forward!.total, null);
    assert.deepEqual(p.unresolved, []);
  });

  test('4. digits run together: split by the checks; when several splits fit, unresolved', () => {
    const flat = text()
      .split('\n')
      .map((l) => (l.includes('|') ? l.replace(/\s*\|\s*/g, '') : l))
      .join('');
    const p = parse(flat);
    assert.equal(p.report.applications.new!.natural_person, 12);
    assert.equal(p.report.applications.new!.total, 16);
    // 行政规范性文件 "5125" into 3 numbers: 5|1|25, 5|12|5, 51|2|5 — no check decides.
    assert.equal(p.report.proactive.normative_documents!.issued, null);
    assert.ok(p.unresolved.includes('proactive.normative_documents.issued'));
  });

  test('5. page footers inside tables and one cell per line', () => {
    const t = text()
      .replace('2.没有现成信息需要另行制作', '— 4 —\n2.没有现成信息需要另行制作')
      .replace('（七）总计', '第 3 页 共 5 页\n（七）总计');
    assert.equal(parse(t).report.applications.total!.total, 14);
  });

  test('8. page noise around the body', () => {
    const t = `当前位置：首页 > 政务公开 > 年报\n文件已失效\n全真版 文字版 文件下载\n${text()}\n扫一扫在手机打开当前页\n【打印】【关闭】`;
    const p = parse(t);
    assert.equal(p.report.agency, '凉州区市场监督管理局');
    assert.equal(p.report.applications.granted!.total, 9);
  });

  test('6. tables missing (published as images): table not found, never zeros', () => {
    const t =
      '凉州区市场监督管理局2024年度政府信息公开工作年度报告\n一、总体情况\n……\n二、主动公开政府信息情况\n[图片]\n三、收到和处理政府信息公开申请情况\n[图片]\n四、政府信息公开行政复议、行政诉讼情况\n[图片]';
    const p = parseReportText(t);
    assert.equal(p.ok, false);
    assert.match(p.ok ? '' : p.error, /表格未找到/);
    const partial = parse(
      text().replace(
        /四、政府信息公开行政复议、行政诉讼情况[\s\S]*?五、/,
        '四、政府信息公开行政复议、行政诉讼情况\n[图片]\n五、',
      ),
    );
    assert.equal(partial.report.appeals.reconsideration!.total, null);
    assert.ok(partial.notFound.includes('appeals'));
  });

  test('7. the 2019 layout in a later year: the version comes from the content', () => {
    const r = { ...emptyReport('2019', 0), year: 2023, agency: '西咸新区底张街道办事处' };
    const p = parse(renderReportText(r, '西咸新区底张街道办事处2023年度政府信息公开工作年度报告'));
    assert.equal(p.report.version, '2019');
    assert.equal(p.report.year, 2023);
  });

  test('11. a pre-2019 report is rejected', () => {
    const p = parseReportText(
      '2018年建新镇政府信息公开工作年度报告\n一、主动公开政府信息的情况\n二、政府信息依申请公开办理情况\n三、依申请信息公开收费情况\n四、复议、诉讼和申诉情况',
    );
    assert.equal(p.ok, false);
    assert.match(p.ok ? '' : p.error, /不是2019年或2021年格式/);
  });
});
