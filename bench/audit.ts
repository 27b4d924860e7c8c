/**
 * A researcher's bulk audit (`gongkai report check DIR… --csv --html`), timed end to end: a folder tree of
 * generated reports (every text layout real reports are published in, and HTML pages with real tables), a few
 * files that cannot be read (an image-only PDF stand-in, an unrelated text, a pre-2019 report), nested by year as
 * a researcher's download would be. Measured: files read, parsed and checked per second, across-years reading,
 * CSV and the HTML dashboard written.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { reportCheck } from '../src/cli/report-read.ts';
import { cellPerLineLayout, flattenedLayout, htmlLayout, pipeLayout, reportArb } from '../test/helpers/reports.ts';

const UNREADABLE: [string, string][] = [
  ['notes.txt', '会议纪要\n一、会议听取了关于安全生产工作的汇报。\n二、会议研究了下一步工作安排。\n'],
  [
    '2017-report.txt',
    '某市人民政府2017年政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》（国务院令第492号）要求……\n',
  ],
];

const COUNTIES = [
  '凉州区',
  '古浪县',
  '民勤县',
  '天祝县',
  '沭阳县',
  '泗洪县',
  '宿城区',
  '宿豫区',
  '泗阳县',
  '甘州区',
  '临泽县',
  '高台县',
  '山丹县',
  '民乐县',
  '肃南县',
  '永昌县',
  '金川区',
  '秦州区',
  '麦积区',
  '清水县',
  '秦安县',
  '甘谷县',
  '武山县',
  '张家川县',
];
const DEPARTMENTS = [
  '人民政府',
  '发展和改革局',
  '教育局',
  '科学技术局',
  '工业和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水务局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康委员会',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '林业和草原局',
];

/** Writes the folder; returns its path and how many files it holds. */
export function auditFolder(n: number): { dir: string; files: number } {
  const dir = mkdtempSync(join(tmpdir(), 'gk-audit-'));
  const reports = fc.sample(reportArb, { numRuns: n, seed: 2022 });
  const layouts = [pipeLayout, cellPerLineLayout, flattenedLayout, htmlLayout];
  reports.forEach((r, i) => {
    // A researcher's folder holds many agencies: one report each here (random figures of one agency's
    // consecutive years would fail R5, which is not what is measured), its year fitting its format's years.
    r.agency = `${COUNTIES[i % COUNTIES.length]}${DEPARTMENTS[Math.floor(i / COUNTIES.length) % DEPARTMENTS.length]}`;
    if (Math.floor(i / (COUNTIES.length * DEPARTMENTS.length)) > 0) r.agency += `${Math.floor(i / 600) + 1}分局`;
    r.year = r.version === '2019' ? 2019 + (i % 2) : 2021 + (i % 5);
    const layout = layouts[i % layouts.length]!;
    const sub = join(dir, String(r.year ?? 'unknown'), `part-${i % 7}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${String(i).padStart(5, '0')}.${layout === htmlLayout ? 'html' : 'txt'}`), layout(r));
  });
  const odd = join(dir, 'misc');
  mkdirSync(odd, { recursive: true });
  for (const [name, text] of UNREADABLE) writeFileSync(join(odd, name), text);
  // A scanned report: a PDF with no text layer, reported as needing OCR.
  copyFileSync(join(import.meta.dirname, '../test/fixtures/reports/image-only.pdf'), join(odd, 'scan.pdf'));
  return { dir, files: n + UNREADABLE.length + 1 };
}

export async function auditBench(n: number) {
  const { dir, files } = auditFolder(n);
  const csv = join(dir, 'summary.csv');
  const html = join(dir, 'dashboard.html');
  // The command's own output (its human summary and progress) is not the point here: kept, not printed.
  const write = { out: process.stdout.write, err: process.stderr.write };
  let printed = 0;
  const swallow = ((chunk: string | Uint8Array) => {
    printed += chunk.length;
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = swallow;
  process.stderr.write = swallow;
  const t = performance.now();
  let exit: number;
  try {
    exit = await reportCheck([dir, '--csv', csv, '--html', html]);
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
  const s = (performance.now() - t) / 1000;
  const result = {
    files,
    reports: n,
    exit,
    output_chars: printed,
    dashboard_kb: Math.round(statSync(html).size / 1024),
    csv_rows: readFileSync(csv, 'utf8').trim().split('\n').length - 1,
    seconds: Math.round(s * 100) / 100,
    reports_per_s: Math.round(files / s),
    dashboard: process.env.BENCH_KEEP_AUDIT ? html : undefined,
  };
  if (!process.env.BENCH_KEEP_AUDIT) rmSync(dir, { recursive: true, force: true });
  return result;
}
