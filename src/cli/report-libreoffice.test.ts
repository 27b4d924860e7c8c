import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { publishedHtml } from '../../test/fixtures/reports/layouts.ts';
import { reportArb, titleOf } from '../../test/helpers/reports.ts';
import { reportDocument } from '../domain/report/render-doc.ts';
import type { ReportData } from '../domain/report/types.ts';
import { renderDocx } from '../render/docx.ts';

const bin = join(import.meta.dirname, '../../bin/gongkai.js');

/** LibreOffice (scripts/setup-system.sh installs it), headless, a profile of its own; several files at once. */
function soffice(dir: string, to: string, files: string[], infilter?: string) {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      to,
      '--outdir',
      join(dir, to.split(':')[0]!),
      ...files,
    ],
    { stdio: 'ignore', timeout: 180_000 },
  );
}

test('reports as agencies publish them through LibreOffice: a portal page saved as DOCX and printed to PDF, a Word report printed to PDF — read back to the same numbers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-office-reports-'));
  const reports = fc.sample(reportArb, { numRuns: 2, seed: 2024 }) as ReportData[];
  const html = reports.map((r, i) => {
    const f = join(dir, `page-${i}.html`);
    writeFileSync(f, publishedHtml(r));
    return f;
  });
  const word = await Promise.all(
    reports.map(async (r, i) => {
      const f = join(dir, `word-${i}.docx`);
      writeFileSync(f, await renderDocx(reportDocument(r, titleOf(r))));
      return f;
    }),
  );
  soffice(dir, 'docx:MS Word 2007 XML', html, 'HTML (StarWriter)');
  soffice(dir, 'pdf:writer_pdf_Export', html, 'HTML (StarWriter)');
  soffice(dir, 'pdf:writer_pdf_Export', word);
  const cases: [string, ReportData][] = reports.flatMap((r, i): [string, ReportData][] => [
    [join(dir, 'docx', `page-${i}.docx`), r],
    [join(dir, 'pdf', `page-${i}.pdf`), r],
    [join(dir, 'pdf', `word-${i}.pdf`), r],
  ]);
  const out = spawnSync(process.execPath, [bin, 'report', 'parse', ...cases.map(([f]) => f)], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(out.status, 0, out.stderr);
  const parsed = JSON.parse(out.stdout) as (ReportData & { file: string; unresolved: string[] })[];
  parsed.forEach((p, i) => {
    const truth = cases[i]![1];
    assert.equal(p.file, cases[i]![0]);
    assert.equal(p.version, truth.version, p.file);
    assert.equal(p.year, truth.year, p.file);
    assert.equal(p.agency, truth.agency, p.file);
    assert.deepEqual(p.unresolved, [], p.file);
    assert.deepEqual(p.applications, truth.applications, p.file);
    assert.deepEqual(p.appeals, truth.appeals, p.file);
    assert.deepEqual(p.proactive, truth.proactive, p.file);
  });
});
