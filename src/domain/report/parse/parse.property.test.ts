import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  cellPerLineLayout,
  flattenedLayout,
  htmlLayout,
  pipeLayout,
  reportArb,
} from '../../../../test/helpers/reports.ts';
import { htmlToText } from '../../../documents/html-text.ts';
import { checkReport } from '../checks.ts';
import type { ReportData } from '../types.ts';
import { parseReportText } from './parse.ts';

function cells(r: ReportData) {
  const out: [string, unknown][] = [];
  for (const sec of ['proactive', 'applications', 'appeals'] as const) {
    for (const [row, cols] of Object.entries(r[sec]))
      for (const [col, v] of Object.entries(cols)) out.push([`${sec}.${row}.${col}`, v]);
  }
  return out;
}

function exact(truth: ReportData, text: string) {
  const p = parseReportText(text);
  assert.ok(p.ok, p.ok ? '' : p.error);
  assert.equal(p.report.version, truth.version);
  assert.equal(p.report.year, truth.year);
  assert.equal(p.report.agency, truth.agency);
  assert.deepEqual(p.unresolved, []);
  for (const [key, v] of cells(truth)) {
    const [sec, row, col] = key.split('.') as ['proactive', string, string];
    assert.equal(p.report[sec][row]![col], v, key);
  }
}

test('generated reports satisfy every check', () => {
  fc.assert(
    fc.property(reportArb, (r) => checkReport(r).length === 0),
    { numRuns: 100 },
  );
});

test('pipe tables parse back exactly', () => {
  fc.assert(
    fc.property(reportArb, (r) => exact(r, pipeLayout(r))),
    { numRuns: 150 },
  );
});

test('one cell per line parses back exactly', () => {
  fc.assert(
    fc.property(reportArb, (r) => exact(r, cellPerLineLayout(r))),
    { numRuns: 150 },
  );
});

test('HTML tables parse back exactly', () => {
  fc.assert(
    fc.property(reportArb, (r) => exact(r, htmlToText(htmlLayout(r)))),
    { numRuns: 150 },
  );
});

test('flattened digits: every cell is right or unresolved, never a wrong number', () => {
  let decided = 0;
  let total = 0;
  fc.assert(
    fc.property(reportArb, (r) => {
      const p = parseReportText(flattenedLayout(r));
      assert.ok(p.ok);
      const unresolved = new Set(p.unresolved);
      for (const [key, v] of cells(r)) {
        const [sec, row, col] = key.split('.') as ['proactive', string, string];
        const got: unknown = p.report[sec][row]![col];
        total++;
        if (got === null) assert.ok(unresolved.has(key), `${key} is null but not listed as unresolved`);
        else {
          assert.equal(got, v, key);
          decided++;
        }
      }
    }),
    { numRuns: 150 },
  );
  // Most cells are decidable from the checks alone.
  assert.ok(decided / total > 0.5, `decided ${decided}/${total}`);
});
