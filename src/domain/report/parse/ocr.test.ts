import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { lostHeaderMarkdown, publishedHtml } from '../../../../test/fixtures/reports/layouts.ts';
import { reportArb } from '../../../../test/helpers/reports.ts';
import { htmlToText } from '../../../documents/html-text.ts';
import { FORMATS } from '../format.ts';
import type { ReportData } from '../types.ts';
import { parseReportText } from './parse.ts';

/** Every labelled cell is read right or listed as undecided: never a wrong number. Returns the counts. */
function neverWrong(truth: ReportData, text: string) {
  const p = parseReportText(text);
  assert.ok(p.ok, p.ok ? '' : p.error);
  let right = 0;
  for (const sec of ['proactive', 'applications', 'appeals'] as const)
    for (const [row, cols] of Object.entries(truth[sec]))
      for (const [col, v] of Object.entries(cols)) {
        const key = `${sec}.${row}.${col}`;
        if (p.unresolved.includes(key)) assert.equal(p.report[sec][row]![col], null, key);
        else {
          assert.equal(p.report[sec][row]![col], v, key);
          right++;
        }
      }
  return { p, right };
}

/** The 总计 column of every detail row left blank, as some agencies publish it. */
function blankDetailTotals(r: ReportData): ReportData {
  const c = structuredClone(r);
  for (const row of FORMATS[c.version].applicationRows.filter((x) => x.detail)) c.applications[row.key]!.total = null;
  return c;
}

const runs = { numRuns: 40, seed: 22 };

test('Markdown with the applicant header lost (数据1…数据6 | 总计): read by position, confirmed by R1–R3, listed', () => {
  fc.assert(
    fc.property(reportArb, (r) => {
      const { p } = neverWrong(r, lostHeaderMarkdown(r));
      assert.deepEqual(p.unresolved, []);
      assert.ok(p.inferences.some((i) => /^三、.*列名缺失，按模板顺序读取，R1\/R2\/R3 验证通过$/.test(i)));
      assert.ok(p.inferences.some((i) => i.includes('数据1 | 数据2')));
    }),
    runs,
  );
});

test('the last rows under a spurious header, section 四 split into three tables: every cell read', () => {
  fc.assert(
    fc.property(reportArb, (r) => {
      const text = lostHeaderMarkdown(r, { spuriousHeaderAt: '（七）总计', splitFour: true });
      const { p } = neverWrong(r, text);
      assert.deepEqual(p.unresolved, []);
      assert.ok(p.inferences.some((i) => i.includes('列1 | 列2')));
    }),
    runs,
  );
});

test('blank 总计 cells of the detail rows stay blank (M) under a lost header; the rest is read', () => {
  fc.assert(
    fc.property(reportArb, (r0) => {
      const r = blankDetailTotals(r0);
      const { p } = neverWrong(r, lostHeaderMarkdown(r, { splitFour: true }));
      assert.equal(p.report.applications.granted!.total, null);
      assert.ok(!p.unresolved.includes('applications.granted.total'), 'blank, not undecided');
      assert.equal(p.report.applications.new!.natural_person, r.applications.new!.natural_person);
    }),
    runs,
  );
});

test('a lost header whose position reading the checks refute is not taken: undecided, never wrong', () => {
  fc.assert(
    fc.property(reportArb, (r) => {
      // The converter dropped the third column of every section-三 row.
      const text = lostHeaderMarkdown(r).replace(
        /^(\| [^|\n]*(?:\| （[^|\n]*)?\|(?: [^|\n]* \|){2}) [^|\n]* \|/gm,
        '$1',
      );
      const { p } = neverWrong(r, text);
      assert.ok(p.unresolved.includes('applications.new.natural_person'));
      assert.ok(p.warnings.some((w) => /列名缺失.*不采用/.test(w)));
    }),
    runs,
  );
  // Columns swapped by the converter: R3 fails, so the position reading is refused.
  const r = fc.sample(reportArb, { numRuns: 1, seed: 5 })[0]!;
  r.applications.new!.natural_person = 7;
  r.applications.new!.total = 3;
  const p = parseReportText(lostHeaderMarkdown(r));
  assert.ok(
    p.ok &&
      p.report.applications.new!.natural_person === null &&
      p.unresolved.filter((k) => k.startsWith('applications.')).length ===
        FORMATS[r.version].applicationRows.length * 7,
  );
});

test('HTML as published (rowspan/colspan, <p> in cells, &nbsp; blanks): every cell right, blanks blank', () => {
  fc.assert(
    fc.property(reportArb, fc.boolean(), (r0, blanks) => {
      const r = blanks ? blankDetailTotals(r0) : r0;
      const { p } = neverWrong(r, htmlToText(publishedHtml(r)));
      assert.deepEqual(p.unresolved, []);
    }),
    runs,
  );
});

test('an agency name with a known OCR look-alike is kept as printed and flagged', () => {
  const r = fc.sample(reportArb, { numRuns: 1, seed: 3 })[0]!;
  r.agency = '沐阳县自然资源和规划局';
  const p = parseReportText(lostHeaderMarkdown(r));
  assert.ok(p.ok);
  assert.equal(p.report.agency, '沐阳县自然资源和规划局');
  assert.ok(p.warnings.some((w) => w.includes('疑为「沭阳」')));
});
