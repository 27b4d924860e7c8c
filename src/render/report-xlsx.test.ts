import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { officeToPdf, pdfPages } from '../../test/helpers/documents.ts';
import { reportArb } from '../../test/helpers/reports.ts';
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  FORMATS,
  R1_CORNER,
  type ReportData,
  type ReportVersion,
  SECTION_TITLES,
} from '../domain/report/index.ts';
import { reportXlsx } from './report-xlsx.ts';

const sample = (version: ReportVersion): ReportData => {
  const [r] = fc.sample(
    reportArb.filter((x) => x.version === version),
    { numRuns: 1, seed: 19 },
  ) as ReportData[];
  if (version === '2019') r!.proactive.procurement!.amount = '160.5964万元';
  return r!;
};
const read = async (r: ReportData) => {
  const data = await reportXlsx(r, '凉州区市场监督管理局年度报告');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return { wb, data };
};
const merges = (ws: ExcelJS.Worksheet) => (ws.model as unknown as { merges: string[] }).merges;
const rowOf = (ws: ExcelJS.Worksheet, col: string, label: string) => {
  let found = 0;
  ws.getColumn(col).eachCell((c, n) => {
    if (c.value === label) found = n;
  });
  assert.ok(found, `row "${label}"`);
  return ws.getRow(found);
};

test('the workbook: tables 二, 三, 四 as the template lays them out, one sheet each, then the data', async () => {
  for (const version of ['2019', '2021'] as const) {
    const r = sample(version);
    const { wb } = await read(r);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      [SECTION_TITLES.proactive, SECTION_TITLES.applications, SECTION_TITLES.appeals, '数据'],
    );
    const [s2, s3, s4] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet];

    // 三: the corner (R1), 申请人情况 over 自然人 | 法人或其他组织 (five columns) | 总计.
    assert.equal(s3.getCell('A3').value, R1_CORNER);
    assert.equal(s3.getCell('D3').value, '申请人情况');
    assert.deepEqual(
      ['D4', 'E4', 'J4'].map((a) => s3.getCell(a).value),
      ['自然人', '法人或其他组织', '总计'],
    );
    assert.deepEqual(
      ['E', 'F', 'G', 'H', 'I'].map((c) => s3.getCell(`${c}5`).value),
      APPLICANT_COLUMNS.slice(1, 6).map((c) => c.label),
    );
    for (const m of ['A3:C5', 'D3:J3', 'D4:D5', 'E4:I4', 'J4:J5']) assert.ok(merges(s3).includes(m), `三 merges ${m}`);
    const rows = FORMATS[version].applicationRows;
    for (const row of [rows[0]!, rows.find((x) => x.key === 'withheld_state_secret')!, rows[rows.length - 1]!]) {
      const cells = rowOf(s3, row.groups.length === 2 ? 'C' : 'A', row.label);
      assert.deepEqual(
        APPLICANT_COLUMNS.map((_, i) => cells.getCell(4 + i).value),
        APPLICANT_COLUMNS.map((c) => r.applications[row.key]![c.key]),
        row.key,
      );
    }
    assert.equal(rowOf(s3, 'A', '三、本年度办理结果').getCell(1).alignment.wrapText, true);
    assert.equal(s3.getCell('D6').border.top?.style, 'thin');

    // 四: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), five results each, then one row of 15 figures.
    for (const [a, label] of [
      ['A3', '行政复议'],
      ['F3', '行政诉讼'],
      ['F4', '未经复议直接起诉'],
      ['K4', '复议后起诉'],
      ['A4', '结果维持'],
      ['O5', '总计'],
    ])
      assert.equal(s4.getCell(a!).value, label, a);
    for (const m of ['A3:E3', 'F3:O3', 'F4:J4', 'K4:O4', 'A4:A5', 'E4:E5'])
      assert.ok(merges(s4).includes(m), `四 merges ${m}`);
    assert.deepEqual(
      (s4.getRow(6).values as unknown[]).slice(1),
      APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => r.appeals[g.key]![c.key])),
    );

    // 二: a block per 第二十条 item, its header row, then its rows.
    assert.equal(s2.getCell('A3').value, '第二十条第（一）项');
    assert.ok(merges(s2).includes('A3:D3'));
    assert.equal(s2.getCell('A4').value, '信息内容');
    const rules = rowOf(s2, 'A', '规章');
    assert.deepEqual(
      FORMATS[version].proactive[0]!.columns.map((_, i) => rules.getCell(2 + i).value),
      FORMATS[version].proactive[0]!.columns.map((c) => r.proactive.rules![c.key]),
    );
    const last = FORMATS[version].proactive[FORMATS[version].proactive.length - 1]!;
    assert.equal(rowOf(s2, 'A', last.label).getCell(2).value, r.proactive[last.key]![last.columns[0]!.key]);
    if (version === '2019') assert.equal(rowOf(s2, 'A', '政府集中采购').getCell(3).value, '160.5964万元');

    for (const ws of [s2, s3, s4]) {
      assert.equal(ws.pageSetup.paperSize, 9, 'A4');
      assert.equal(ws.pageSetup.fitToPage, true);
      assert.equal(ws.pageSetup.fitToWidth, 1);
    }
    assert.equal(s4.pageSetup.orientation, 'landscape');
  }
});

test('the data sheet lists every interchange key with its value, blanks left blank', async () => {
  const r = sample('2021');
  r.applications.carried_forward!.research = null;
  const { wb } = await read(r);
  const ws = wb.getWorksheet('数据')!;
  const got = new Map<string, unknown>();
  ws.eachRow((row, n) => {
    if (n > 1) got.set(String(row.getCell(1).value), row.getCell(3).value);
  });
  const f = FORMATS['2021'];
  const want = new Map<string, unknown>([
    ['version', '2021'],
    ['year', r.year],
    ['agency', r.agency],
    ...f.proactive.flatMap((i) =>
      i.columns.map((c) => [`proactive.${i.key}.${c.key}`, r.proactive[i.key]![c.key]] as const),
    ),
    ...f.applicationRows.flatMap((x) =>
      APPLICANT_COLUMNS.map((c) => [`applications.${x.key}.${c.key}`, r.applications[x.key]![c.key]] as const),
    ),
    ...APPEAL_GROUPS.flatMap((g) =>
      APPEAL_COLUMNS.map((c) => [`appeals.${g.key}.${c.key}`, r.appeals[g.key]![c.key]] as const),
    ),
  ]);
  assert.deepEqual(got, want);
  assert.equal(got.get('applications.carried_forward.research'), null);
});

test('LibreOffice opens the workbook and prints each table on A4, 四 across the page', async () => {
  const r = sample('2021');
  const pages = await pdfPages(officeToPdf((await read(r)).data, 'xlsx').data);
  const text = (i: number) => pages[i]!.lines.map((l) => l.text).join('\n');
  assert.match(text(0), /第二十条第（一）项/);
  assert.match(text(1), /法人或其他组织/);
  assert.match(text(2), /未经复议直接起诉/);
  assert.ok(pages[0]!.height > pages[0]!.width && Math.abs(pages[0]!.width - 595.3) < 1, '二 on A4 portrait');
  assert.ok(pages[2]!.width > pages[2]!.height && Math.abs(pages[2]!.height - 595.3) < 1, '四 on A4 landscape');
  for (const p of pages) assert.ok(Math.abs(Math.min(p.width, p.height) - 595.3) < 1, 'every page A4');
});
