import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { htmlLayout, reportArb, titleOf } from '../../test/helpers/reports.ts';
import { reportDocument } from '../domain/report/render-doc.ts';
import type { ReportData } from '../domain/report/types.ts';
import { renderDocx } from '../render/docx.ts';
import { renderPdf } from '../render/pdf.ts';

const bin = join(import.meta.dirname, '../../bin/gongkai.js');

test('gongkai report parse reads DOCX, PDF and HTML reports (real table structure) back to the same numbers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-formats-'));
  const reports = fc.sample(reportArb, { numRuns: 3, seed: 42 }) as ReportData[];
  const files: [string, ReportData][] = [];
  for (const [i, r] of reports.entries()) {
    const doc = reportDocument(r, titleOf(r));
    files.push([join(dir, `${i}.docx`), r], [join(dir, `${i}.pdf`), r], [join(dir, `${i}.html`), r]);
    writeFileSync(join(dir, `${i}.docx`), await renderDocx(doc));
    writeFileSync(join(dir, `${i}.pdf`), await renderPdf(doc));
    writeFileSync(join(dir, `${i}.html`), htmlLayout(r));
  }
  const out = spawnSync(process.execPath, [bin, 'report', 'parse', ...files.map(([f]) => f)], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(out.status, 0, out.stderr);
  const parsed = JSON.parse(out.stdout) as (ReportData & { file: string; unresolved: string[] })[];
  parsed.forEach((p, i) => {
    const truth = files[i]![1];
    assert.equal(p.version, truth.version, p.file);
    assert.equal(p.year, truth.year, p.file);
    assert.deepEqual(p.unresolved, [], p.file);
    assert.deepEqual(p.applications, truth.applications, p.file);
    assert.deepEqual(p.appeals, truth.appeals, p.file);
    assert.deepEqual(p.proactive, truth.proactive, p.file);
  });
});
